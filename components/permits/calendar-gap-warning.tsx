import { useTranslations } from "next-intl";
import Link from "next/link";

/**
 * Open items whose clocks run through a year without holidays entered: their due dates
 * count weekends only until someone enters that year's holidays (an admin, on 工作日历).
 */
export function CalendarGapWarning({ gaps, canEdit }: { gaps: { year: number; items: number }[]; canEdit: boolean }) {
  const t = useTranslations("permits.calendarGap");
  if (!gaps.length) return null;
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
      data-testid="calendar-gap"
    >
      {gaps.map((g) => (
        <p key={g.year}>
          {t("text", { year: g.year, n: g.items })}{" "}
          {canEdit ? (
            <Link href={`/admin/calendar?year=${g.year}`} className="font-medium underline">
              {t("enter", { year: g.year })}
            </Link>
          ) : (
            t("askAdmin")
          )}
        </p>
      ))}
    </div>
  );
}

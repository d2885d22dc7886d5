import { useLocale, useTranslations } from "next-intl";
import type { CalendarEntry } from "@/lib/permits/holiday-notice";

const pad = (n: number) => String(n).padStart(2, "0");
const dayClass: Record<string, string> = {
  HOLIDAY: "bg-red-600 font-semibold text-white",
  WORKDAY: "bg-amber-200 font-semibold text-amber-900 ring-1 ring-amber-500",
  weekend: "bg-slate-50 text-slate-400",
  plain: "text-slate-700",
};

/**
 * The year month by month, Monday first: holidays red, 调休 working days marked, weekends
 * grey; days that an unsaved change would alter (`changed`) outlined, so the admin reviews
 * the result before saving.
 */
export function YearGrid({
  year,
  days,
  changed = new Set(),
}: {
  year: number;
  days: CalendarEntry[];
  changed?: ReadonlySet<string>;
}) {
  const t = useTranslations("permits.admin");
  const locale = useLocale();
  const monthName = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const byDate = new Map(days.map((d) => [d.date, d]));
  const letters = [...t("weekdayLetters")];
  return (
    <div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4" data-testid="year-grid">
        {Array.from({ length: 12 }, (_, m) => {
          const first = new Date(Date.UTC(year, m, 1));
          const blanks = (first.getUTCDay() + 6) % 7;
          const count = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
          return (
            <div key={m} className="rounded border border-slate-200 p-2" data-month={m + 1}>
              <p className="mb-1 text-xs font-semibold text-slate-700">{monthName.format(first)}</p>
              <div className="grid grid-cols-7 gap-0.5 text-center text-[11px] leading-5">
                {letters.map((l, i) => (
                  <span key={`h${i}`} className="text-slate-400">
                    {l}
                  </span>
                ))}
                {Array.from({ length: blanks }, (_, i) => (
                  <span key={`b${i}`} />
                ))}
                {Array.from({ length: count }, (_, i) => {
                  const date = `${year}-${pad(m + 1)}-${pad(i + 1)}`;
                  const entry = byDate.get(date);
                  const weekday = (blanks + i) % 7;
                  const kind = entry?.kind ?? (weekday >= 5 ? "weekend" : "plain");
                  return (
                    <span
                      key={date}
                      data-date={date}
                      data-kind={entry?.kind}
                      data-changed={changed.has(date) ? "true" : undefined}
                      title={entry ? `${date} ${entry.name}` : date}
                      className={`rounded-sm ${dayClass[kind]} ${changed.has(date) ? "outline-2 outline-offset-1 outline-sky-600 outline-dashed" : ""}`}
                    >
                      {i + 1}
                    </span>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
      <p className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        <span>
          <span className={`mr-1 inline-block h-3 w-3 rounded-sm align-middle ${dayClass.HOLIDAY}`} />
          {t("legend.holiday")}
        </span>
        <span>
          <span className={`mr-1 inline-block h-3 w-3 rounded-sm align-middle ${dayClass.WORKDAY}`} />
          {t("legend.workday")}
        </span>
        <span>
          <span
            className={`mr-1 inline-block h-3 w-3 rounded-sm align-middle ring-1 ring-slate-200 ${dayClass.weekend}`}
          />
          {t("legend.weekend")}
        </span>
        {changed.size ? (
          <span>
            <span className="mr-1 inline-block h-3 w-3 rounded-sm align-middle outline-2 outline-sky-600 outline-dashed" />
            {t("legend.pending")}
          </span>
        ) : null}
      </p>
    </div>
  );
}

import { useTranslations } from "next-intl";

const caseColors: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-sky-100 text-sky-800",
  IN_REVIEW: "bg-amber-100 text-amber-800",
  ISSUED: "bg-emerald-100 text-emerald-800",
  REJECTED: "bg-red-100 text-red-800",
};
const itemColors: Record<string, string> = {
  PENDING: "bg-sky-100 text-sky-800",
  APPROVED: "bg-emerald-100 text-emerald-800",
  RETURNED: "bg-amber-100 text-amber-800",
  REJECTED: "bg-red-100 text-red-800",
};

export function CaseStateBadge({ state }: { state: string }) {
  const t = useTranslations("permits.caseStates");
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${caseColors[state] ?? ""}`}
      data-testid="case-state"
    >
      {t(state)}
    </span>
  );
}

export function ItemStateBadge({ state }: { state: string }) {
  const t = useTranslations("permits.itemStates");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${itemColors[state] ?? ""}`}>
      {t(state)}
    </span>
  );
}

/**
 * Due date with the working days left, or how many it is overdue. An item returned for
 * 补正 (`pausedSince`) has no running clock: it says so, from when, and what will be left
 * once the applicant resubmits — its due date moves by the days it waits.
 */
export function DueCell({
  dueDate,
  remaining,
  overdue,
  pausedSince,
}: {
  dueDate: string | null;
  remaining: number | null;
  overdue: boolean;
  pausedSince?: string | null;
}) {
  const t = useTranslations("permits");
  if (pausedSince)
    return (
      <span className="text-amber-800" data-testid="clock-paused">
        <span className="font-medium">{t("clockPaused")}</span>
        <span className="ml-1 text-xs">{t("pausedSince", { date: pausedSince })}</span>
        {remaining !== null ? (
          <span className="block text-xs text-slate-500">
            {t("leftAfterCorrection", { n: Math.max(0, remaining) })}
          </span>
        ) : null}
      </span>
    );
  if (!dueDate) return <span>—</span>;
  return (
    <span className={overdue ? "font-semibold text-red-700" : ""} data-overdue={overdue ? "true" : undefined}>
      {dueDate}
      {remaining !== null ? (
        <span className="ml-1 text-xs">
          {remaining >= 0 ? t("remaining", { n: remaining }) : t("overdueBy", { n: -remaining })}
        </span>
      ) : overdue ? (
        <span className="ml-1 text-xs">{t("late")}</span>
      ) : null}
    </span>
  );
}

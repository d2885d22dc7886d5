import { useTranslations } from "next-intl";

const stateClass: Record<string, string> = {
  OPEN: "bg-amber-100 text-amber-800",
  IN_PROGRESS: "bg-sky-100 text-sky-800",
  RESOLVED: "bg-emerald-100 text-emerald-800",
  CLOSED_UNRESOLVED: "bg-slate-100 text-slate-600",
};
const levelClass: Record<number, string> = {
  1: "border-slate-300 text-slate-700",
  2: "border-amber-400 text-amber-800",
  3: "border-red-400 text-red-700",
};

export function ProblemStateBadge({ state }: { state: string }) {
  const t = useTranslations("problems.states");
  return (
    <span className={`rounded px-2 py-0.5 text-xs ${stateClass[state] ?? ""}`} data-testid="problem-state">
      {t(state as never)}
    </span>
  );
}

/** 一级 / 二级 / 三级 调度. */
export function ProblemLevelBadge({ level }: { level: number }) {
  const t = useTranslations("problems");
  return (
    <span
      className={`rounded border px-1.5 py-0.5 text-xs font-medium ${levelClass[level] ?? ""}`}
      title={t(`levelNames.${level}` as never)}
      data-testid="problem-level"
    >
      {t(`levels.${level}` as never)}
    </span>
  );
}

/** 逾期 (red) and 建议提级 (amber) marks. */
export function ProblemMarks({ overdue, proposed }: { overdue: boolean; proposed: boolean }) {
  const t = useTranslations("problems");
  return (
    <>
      {overdue ? (
        <span
          className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-700"
          data-testid="problem-overdue"
        >
          {t("overdue")}
        </span>
      ) : null}
      {proposed ? (
        <span className="rounded bg-amber-500 px-1.5 py-0.5 text-xs text-white" data-testid="problem-proposed">
          {t("proposed")}
        </span>
      ) : null}
    </>
  );
}

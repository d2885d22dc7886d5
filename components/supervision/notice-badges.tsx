import { useTranslations } from "next-intl";

const stateClass: Record<string, string> = {
  ISSUED: "bg-amber-100 text-amber-800",
  REPLIED: "bg-sky-100 text-sky-800",
  CLOSED: "bg-slate-100 text-slate-600",
};

export function NoticeStateBadge({ state }: { state: string }) {
  const t = useTranslations("notices.states");
  return (
    <span className={`rounded px-2 py-0.5 text-xs ${stateClass[state] ?? ""}`} data-testid="notice-state">
      {t(state as never)}
    </span>
  );
}

/** Overdue as noticeOverdue says it (red, with which deadline passed), else the running deadline. */
export function NoticeDue({
  overdue,
  running,
}: {
  overdue: { overdue: boolean; kind: "reply" | "resolve" | null; due: string | null };
  running: { kind: "reply" | "resolve"; due: string } | null;
}) {
  const t = useTranslations("notices");
  if (overdue.overdue && overdue.kind)
    return (
      <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-700" data-testid="notice-overdue">
        {t(`overdueKind.${overdue.kind}`, { due: overdue.due ?? "" })}
      </span>
    );
  if (!running) return null;
  return <span className="text-xs text-slate-600">{t(`running.${running.kind}`, { due: running.due })}</span>;
}

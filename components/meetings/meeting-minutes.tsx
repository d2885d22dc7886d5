import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { MeetingView } from "@/lib/meetings/meeting-load";

/** The agenda as read (not edited): each item with its reasons, minutes and decisions (owner, due date, state). */
export async function MeetingMinutes({ meeting }: { meeting: MeetingView }) {
  const t = await getTranslations("meetings");
  const tp = await getTranslations("problems");
  const tn = await getTranslations("notices");
  if (!meeting.items.length) return <p className="text-sm text-slate-500">{t("agenda.empty")}</p>;
  return (
    <ol className="space-y-3" data-testid="agenda">
      {meeting.items.map((i, n) => (
        <li key={i.id} className="rounded-md border border-slate-200 bg-white p-3" data-testid="agenda-item">
          <p className="text-sm font-semibold text-slate-800">
            {n + 1}. {i.title}
          </p>
          {i.reasons.length ? (
            <p className="text-xs text-slate-600">
              {t("agenda.reasons")}：{i.reasons.map((r) => r.message).join("；")}
            </p>
          ) : null}
          <p className="mt-1 text-sm whitespace-pre-wrap">{i.minutes ?? "—"}</p>
          {i.decisions.problems.length + i.decisions.notices.length ? (
            <ul className="mt-1 text-sm">
              {i.decisions.problems.map((p) => (
                <li key={p.id}>
                  {t("decisionTypes.PROBLEM")}：
                  <Link href={p.href} className="text-brand-700 hover:underline">
                    {p.title}
                  </Link>{" "}
                  <span className="text-xs text-slate-600">
                    {p.department.name} · {p.dueDate} · {tp(`states.${p.state}`)}
                  </span>
                </li>
              ))}
              {i.decisions.notices.map((d) => (
                <li key={d.id}>
                  {t("decisionTypes.NOTICE")}：
                  <Link href={d.href} className="text-brand-700 hover:underline">
                    {d.number} {d.subject}
                  </Link>{" "}
                  <span className="text-xs text-slate-600">
                    {d.owner.name ?? "—"} · {d.resolveDue} · {tn(`states.${d.state}`)}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

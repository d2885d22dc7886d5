import { getTranslations } from "next-intl/server";
import { Money } from "@/components/ui/money";
import type { BulletinSections, NoticeRow, ProjectSet, RedRow } from "@/lib/bulletins/compute-bulletin";
import { firstEntryStages } from "@/lib/bulletins/compute-bulletin";
import type { Ranking } from "@/lib/bulletins/ranking";
import { issueOf } from "@/lib/bulletins/week";
import { formatDateTime } from "@/lib/format";

export type BulletinHead = {
  weekStart: string;
  weekEnd: string;
  revision?: number;
  generatedAt?: string;
  generatedBy?: { name: string } | null;
};

const cell = "border border-slate-400 px-2 py-1";

function Table({ headers, children, testId }: { headers: string[]; children: React.ReactNode; testId?: string }) {
  return (
    <table className="mt-2 w-full border-collapse text-sm" data-testid={testId}>
      <thead>
        <tr className="bg-slate-100">
          {headers.map((h) => (
            <th key={h} scope="col" className={`${cell} text-left font-semibold`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * A week's bulletin as an official document (the page, the print page and the draft): the
 * title with the issue and the week, a strip of headline numbers, then each section as a
 * numbered heading with its table. Reads only the sections given (the stored JSON).
 */
export async function BulletinDocument({
  head,
  sections: s,
  draft = false,
}: {
  head: BulletinHead;
  sections: BulletinSections;
  draft?: boolean;
}) {
  const t = await getTranslations("bulletins");
  const ordinals = t("ordinals").split(",");
  let n = 0;
  const heading = (title: string) => (
    <h2 className="bulletin-heading mt-8 mb-2 text-lg font-bold" data-testid="bulletin-section">
      {t("heading", { n: ordinals[n++] ?? String(n), title })}
    </h2>
  );
  const none = <p className="text-sm text-slate-600">{t("none")}</p>;
  const shown = (count: number, rows: number) =>
    count > rows ? <p className="text-xs text-slate-500">{t("shownOf", { shown: rows, count })}</p> : null;

  const projectTable = (set: ProjectSet, testId: string) => (
    <>
      <p className="text-sm">
        {t("total", { count: set.count })}
        <Money wan={set.investment} />
      </p>
      {set.rows.length ? (
        <Table headers={[t("cols.code"), t("cols.name"), t("cols.investment")]} testId={testId}>
          {set.rows.map((r) => (
            <tr key={r.id}>
              <td className={`${cell} whitespace-nowrap`}>{r.code}</td>
              <td className={cell}>{r.name}</td>
              <td className={`${cell} text-right`}>
                <Money wan={r.investment} />
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      {shown(set.count, set.rows.length)}
    </>
  );

  const rankTable = (title: string, r: Ranking) => (
    <div>
      <h3 className="mt-3 font-semibold">{title}</h3>
      {r.people === 0 ? (
        <p className="text-sm text-slate-600">{t("ranking.empty")}</p>
      ) : (
        <Table headers={[t("cols.list"), t("cols.rank"), t("cols.person"), t("cols.projects"), t("cols.score")]}>
          {(["top", "bottom"] as const).flatMap((side) =>
            r[side].map((p, i) => (
              <tr key={`${side}-${p.userId}`} className={side === "top" ? "text-red-800" : "text-slate-900"}>
                <td className={cell}>{t(`ranking.${side}`)}</td>
                <td className={cell}>{i + 1}</td>
                <td className={cell}>{p.name}</td>
                <td className={`${cell} text-right`}>{p.projects}</td>
                <td className={`${cell} text-right tabular-nums`}>{t("points", { score: p.score })}</td>
              </tr>
            )),
          )}
        </Table>
      )}
    </div>
  );

  const noticeTable = (rows: NoticeRow[], overdue = false) => (
    <Table
      headers={[
        t("cols.number"),
        t("cols.name"),
        t("cols.leader"),
        t("cols.owner"),
        t("cols.due"),
        ...(overdue ? [t("cols.daysOverdue")] : []),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td className={`${cell} whitespace-nowrap`}>{r.number}</td>
          <td className={cell}>{r.projectName}</td>
          <td className={cell}>{r.leaderName ?? "—"}</td>
          <td className={cell}>{r.ownerName ?? "—"}</td>
          <td className={`${cell} whitespace-nowrap`}>{r.due ?? "—"}</td>
          {overdue ? <td className={`${cell} text-right`}>{r.workingDaysOverdue ?? ""}</td> : null}
        </tr>
      ))}
    </Table>
  );

  const redRow = (r: RedRow) => (
    <tr key={r.id}>
      <td className={`${cell} whitespace-nowrap`}>{r.code}</td>
      <td className={cell}>{r.name}</td>
      <td className={cell}>{r.leaderName ?? "—"}</td>
      <td className={cell}>{r.ownerName ?? "—"}</td>
      <td className={cell}>{r.reasons.map((x) => x.message).join("；")}</td>
    </tr>
  );

  const issue = issueOf(head.weekStart);
  const c = s.colours.current;
  const summary: [string, React.ReactNode][] = [
    [t("summary.newLeads"), s.newLeads.count],
    [t("summary.signings"), s.signings.count],
    [t("summary.started"), s.firstEntries.CONSTRUCTION.count],
    [t("summary.red"), c.RED],
    [t("summary.overdue"), s.notices.overdue.count],
    [t("summary.resolved"), s.problems.resolved.count],
  ];
  const pm = s.permits;
  return (
    <article className="bulletin-sheet text-black" data-testid="bulletin-document">
      <header className="border-b-2 border-red-700 pb-3 text-center">
        <p className="text-2xl font-bold tracking-widest text-red-700">{t("docTitle")}</p>
        <p className="mt-2 text-sm">
          {draft ? (
            <span className="mr-2 rounded bg-amber-500 px-2 py-0.5 font-bold text-white" data-testid="bulletin-draft">
              {t("draft")}
            </span>
          ) : (
            <>{t("issue", { year: issue.year, n: issue.n })} · </>
          )}
          {t("weekRange", { from: head.weekStart, to: head.weekEnd })}
          {head.revision ? <> · {t("revision", { revision: head.revision })}</> : null}
        </p>
        <p className="mt-1 text-xs text-slate-600">
          {t("issuer")} · {t("asOf", { date: s.asOf })}
          {head.generatedAt ? (
            <>
              {" "}
              · {t("generatedAt")} {formatDateTime(head.generatedAt)} ·{" "}
              {head.generatedBy ? head.generatedBy.name : t("byJob")}
            </>
          ) : null}
        </p>
        {draft ? <p className="mt-2 text-sm font-semibold text-amber-700">{t("draftNote")}</p> : null}
      </header>

      <dl className="mt-4 grid grid-cols-3 gap-2 sm:grid-cols-6" data-testid="bulletin-summary">
        {summary.map(([label, value]) => (
          <div key={label} className="rounded border border-slate-300 px-2 py-1 text-center">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-xl font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      <section className="bulletin-section">
        {heading(t("sections.newLeads"))}
        {projectTable(s.newLeads, "bulletin-new-leads")}
      </section>
      <section className="bulletin-section">
        {heading(t("sections.signings"))}
        {projectTable(s.signings, "bulletin-signings")}
      </section>
      <section className="bulletin-section">
        {heading(t("sections.firstEntries"))}
        {firstEntryStages.map((stage) => (
          <div key={stage}>
            <h3 className="mt-3 font-semibold">{t(`sections.first.${stage}`)}</h3>
            {projectTable(s.firstEntries[stage], `bulletin-first-${stage}`)}
          </div>
        ))}
      </section>
      <section className="bulletin-section">
        {heading(t("sections.colours"))}
        <Table headers={[t("cols.colour"), t("cols.projects")]} testId="bulletin-colours">
          {(["RED", "YELLOW", "BLUE", "NONE"] as const).map((k) => (
            <tr key={k}>
              <td className={cell}>{t(`colours.${k}`)}</td>
              <td className={`${cell} text-right`}>{c[k]}</td>
            </tr>
          ))}
        </Table>
        <h3 className="mt-3 font-semibold">{t("colours.changes")}</h3>
        <ul className="list-disc pl-6 text-sm">
          {(["toRed", "toYellow", "improved"] as const).map((k) => (
            <li key={k}>
              {t(`colours.${k}`)}：{t("count", { count: s.colours[k].count })}
              {s.colours[k].rows.length ? `（${s.colours[k].rows.map((r) => r.name).join("、")}）` : ""}
            </li>
          ))}
        </ul>
      </section>
      <section className="bulletin-section">
        {heading(t("sections.redList"))}
        {s.redList.rows.length ? (
          <Table
            headers={[t("cols.code"), t("cols.name"), t("cols.leader"), t("cols.owner"), t("cols.reasons")]}
            testId="bulletin-red-list"
          >
            {s.redList.rows.map(redRow)}
          </Table>
        ) : (
          none
        )}
        {shown(s.redList.count, s.redList.rows.length)}
      </section>
      <section className="bulletin-section">
        {heading(t("sections.ranking"))}
        <p className="text-xs text-slate-600">{t("ranking.definition", { asOf: s.ranking.asOf })}</p>
        {rankTable(t("ranking.leaders"), s.ranking.leaders)}
        {rankTable(t("ranking.owners"), s.ranking.owners)}
      </section>
      <section className="bulletin-section">
        {heading(t("sections.notices"))}
        <p className="text-sm">
          {t("notices.totals", {
            issued: s.notices.issued.count,
            closed: s.notices.closed.count,
            overdue: s.notices.overdue.count,
            bulletined: s.notices.bulletined.count,
          })}
        </p>
        <h3 className="mt-3 font-semibold">{t("notices.bulletined", { days: s.notices.bulletined.bulletinDays })}</h3>
        {s.notices.bulletined.rows.length ? (
          <>
            {noticeTable(s.notices.bulletined.rows, true)}
            <p className="mt-1 text-sm">
              {t("notices.bulletinedPeople")}：
              {s.notices.bulletined.people
                .map((p) => t("notices.noticesOf", { name: p.name, n: p.notices }))
                .join("；")}
            </p>
          </>
        ) : (
          none
        )}
        {s.notices.overdue.rows.length ? (
          <>
            <h3 className="mt-3 font-semibold">{t("notices.overdue")}</h3>
            {noticeTable(s.notices.overdue.rows, true)}
          </>
        ) : null}
      </section>
      <section className="bulletin-section">
        {heading(t("sections.problems"))}
        <Table headers={[t("cols.item"), t("cols.count")]} testId="bulletin-problems">
          {(
            [
              [t("problems.raised"), s.problems.raised.count],
              [t("problems.resolved"), s.problems.resolved.count],
              [t("problems.escalated"), s.problems.escalated.count],
              ...(["1", "2", "3"] as const).map(
                (l) => [t("problems.openAtLevel", { level: l }), s.problems.openByLevel[l]] as const,
              ),
            ] as const
          ).map(([label, value]) => (
            <tr key={label}>
              <td className={cell}>{label}</td>
              <td className={`${cell} text-right`}>{value}</td>
            </tr>
          ))}
        </Table>
        {(["raised", "resolved", "escalated"] as const).map((k) =>
          s.problems[k].rows.length ? (
            <div key={k}>
              <h3 className="mt-3 font-semibold">{t(`problems.${k}`)}</h3>
              <Table headers={[t("cols.title"), t("cols.name"), t("cols.level")]} testId={`bulletin-problems-${k}`}>
                {s.problems[k].rows.map((r) => (
                  <tr key={r.id}>
                    <td className={cell}>{r.title}</td>
                    <td className={cell}>
                      {r.projectName}（{r.projectCode}）
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>{t("problems.level", { level: r.level })}</td>
                  </tr>
                ))}
              </Table>
              {shown(s.problems[k].count, s.problems[k].rows.length)}
            </div>
          ) : null,
        )}
      </section>
      <section className="bulletin-section">
        {heading(t("sections.permits"))}
        <p className="text-sm">
          {t("permits.decided")}：{t("count", { count: pm.decided })}，{t("permits.onTimeCount", { n: pm.onTime })}，
          {t("permits.lateCount", { n: pm.late })}
          {pm.decided ? `，${t("permits.onTimeRate", { rate: Math.round((pm.onTime / pm.decided) * 1000) / 10 })}` : ""}
          {pm.averageWorkingDays ? `，${t("permits.average", { days: pm.averageWorkingDays })}` : ""}
        </p>
        {pm.rows.length ? (
          <Table
            headers={[
              t("cols.name"),
              t("cols.permitType"),
              t("cols.department"),
              t("cols.due"),
              t("cols.decided"),
              t("cols.onTime"),
            ]}
          >
            {pm.rows.map((r) => (
              <tr key={r.id}>
                <td className={cell}>{r.projectName}</td>
                <td className={cell}>{r.permitType}</td>
                <td className={cell}>{r.department}</td>
                <td className={`${cell} whitespace-nowrap`}>{r.dueDate}</td>
                <td className={`${cell} whitespace-nowrap`}>{r.decidedDate}</td>
                <td className={cell}>{t(r.onTime ? "permits.onTime" : "permits.late")}</td>
              </tr>
            ))}
          </Table>
        ) : null}
        {shown(pm.decided, pm.rows.length)}
      </section>
    </article>
  );
}

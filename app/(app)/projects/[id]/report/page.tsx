import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { EChart } from "@/components/charts/echart";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Money } from "@/components/ui/money";
import { PrintButton } from "@/components/ui/print-button";
import { requireActor } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { recordLoader } from "@/lib/pages/record-page";
import { inspectionReport } from "@/lib/supervision/inspection-report";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ year?: string }> };

const load = recordLoader(async (key) => {
  const [projectId, year] = key.split("|");
  return inspectionReport({
    actor: await requireActor("supervision.read"),
    projectId,
    year: year || undefined,
    locale: resolveLocale(await getLocale()),
  });
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("inspectionReport");
  const r = await load(`${(await params).id}|${(await searchParams).year ?? ""}`);
  return { title: `${r.project.name} · ${t("title", { year: r.year })}` };
}

// On paper: A4 portrait, the shell hidden (.no-print), tables kept whole where they fit.
const printCss = `
@page { size: A4; margin: 16mm 14mm; }
@media print {
  html, body { background: #fff !important; }
  main, main > * { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  .report-sheet { box-shadow: none !important; padding: 0 !important; width: auto !important; }
  .report-sheet section { break-inside: avoid-page; }
}`;

const cell = "border border-slate-300 px-2 py-1 align-top";
const head = `${cell} bg-slate-50 text-left font-medium`;

/**
 * 督查项目专报 (SPEC §5): one project's year on A4 — the plan against the actual by quarter
 * (table and chart), the colour and its history with reasons, 日调度, 要素保障 problems with
 * their levels, and the notices. One click from the project's 督办 tab; printed through the
 * browser (PDF).
 */
export default async function InspectionReportPage({ params, searchParams }: Props) {
  await requireActor("supervision.read");
  const t = await getTranslations();
  const r = await load(`${(await params).id}|${(await searchParams).year ?? ""}`);
  const p = r.project;
  const shown = r.progress.slice(0, 20);
  const chart = {
    tooltip: { trigger: "axis" },
    legend: { top: 0, itemGap: 24 },
    grid: { left: 56, right: 16, top: 32, bottom: 28 },
    xAxis: { type: "category", data: r.quarters.map((q) => t(`plans.q${q.quarter}`)) },
    yAxis: { type: "value", name: t("common.units.wan") },
    series: [
      {
        name: t("inspectionReport.plannedInvestment"),
        type: "bar",
        data: r.quarters.map((q) => Number(q.plannedInvestment)),
      },
      {
        name: t("inspectionReport.actualInvestment"),
        type: "bar",
        data: r.quarters.map((q) => (q.actualInvestment === null ? 0 : Number(q.actualInvestment))),
      },
    ],
  };
  return (
    <div className="space-y-4">
      <style>{printCss}</style>
      <div className="no-print flex flex-wrap items-start justify-between gap-3">
        <Breadcrumbs
          items={[
            { label: t("projects.title"), href: "/projects" },
            { label: p.name, href: `/projects/${p.id}?tab=supervision&year=${r.year}` },
            { label: t("inspectionReport.title", { year: r.year }) },
          ]}
        />
        <div className="flex items-center gap-2 text-sm">
          <Link href={`?year=${r.year - 1}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
            {t("inspectionReport.year", { year: r.year - 1 })}
          </Link>
          <Link href={`?year=${r.year + 1}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
            {t("inspectionReport.year", { year: r.year + 1 })}
          </Link>
          <PrintButton label={t("inspectionReport.print")} />
        </div>
      </div>

      <article
        data-testid="inspection-report"
        className="report-sheet mx-auto max-w-[210mm] space-y-5 bg-white p-8 text-[13px] text-slate-900 shadow-sm"
      >
        <header className="border-b-2 border-red-700 pb-2 text-center">
          <p className="text-lg font-bold tracking-widest text-red-700">{t("inspectionReport.issuer")}</p>
          <h1 className="mt-1 text-2xl font-bold" data-testid="report-title">
            {t("inspectionReport.title", { year: r.year })}
          </h1>
          <p className="mt-1 text-base font-semibold">{p.name}</p>
          <p className="text-xs text-slate-500">{t("inspectionReport.asOf", { date: r.today })}</p>
        </header>

        <section>
          <h2 className="mb-1 font-semibold">{t("inspectionReport.basics")}</h2>
          <table className="w-full border-collapse">
            <tbody>
              <tr>
                <th className={head}>{t("plans.code")}</th>
                <td className={cell}>{p.code}</td>
                <th className={head}>{t("plans.enterprise")}</th>
                <td className={cell}>{p.enterpriseName}</td>
              </tr>
              <tr>
                <th className={head}>{t("plans.totalInvestment")}</th>
                <td className={cell}>
                  <Money wan={p.totalInvestment} />
                </td>
                <th className={head}>{t("plans.currentStage")}</th>
                <td className={cell}>{t(`stages.${p.stage}`)}</td>
              </tr>
              <tr>
                <th className={head}>{t("plans.park")}</th>
                <td className={cell}>{p.parkName ?? "—"}</td>
                <th className={head}>{t("inspectionReport.industry")}</th>
                <td className={cell}>{p.industryName}</td>
              </tr>
              <tr>
                <th className={head}>{t("plans.owner")}</th>
                <td className={cell}>{p.ownerName}</td>
                <th className={head}>{t("plans.leader")}</th>
                <td className={cell}>{p.leaderName ?? "—"}</td>
              </tr>
            </tbody>
          </table>
        </section>

        <section data-testid="report-plan">
          <h2 className="mb-1 font-semibold">{t("inspectionReport.planVsActual")}</h2>
          {r.plan ? (
            <>
              <p className="mb-2">
                {t("inspectionReport.goal", { stage: t(`stages.${r.plan.goalStage}`) })}
                <Money wan={r.plan.goalInvestment} />
                {r.plan.signedByName
                  ? t("inspectionReport.signed", { name: r.plan.signedByName })
                  : t("inspectionReport.unsigned")}
              </p>
              <table className="w-full border-collapse" data-testid="report-quarters">
                <thead>
                  <tr>
                    <th className={head}>{t("plans.quarter")}</th>
                    <th className={head}>{t("inspectionReport.planned")}</th>
                    <th className={head}>{t("inspectionReport.actual")}</th>
                    <th className={head}>{t("inspectionReport.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.quarters.map((q) => (
                    <tr key={q.quarter} data-status={q.status}>
                      <td className={cell}>
                        {t(`plans.q${q.quarter}`)}
                        <div className="text-xs text-slate-500">{q.dueDate}</div>
                      </td>
                      <td className={cell}>
                        {t(`stages.${q.plannedStage}`)} · <Money wan={q.plannedInvestment} />
                        <div className="text-xs text-slate-600">{q.task}</div>
                      </td>
                      <td className={cell}>
                        {q.actualStage ? t(`stages.${q.actualStage}`) : "—"} · <Money wan={q.actualInvestment} />
                        <div className="text-xs text-slate-500">{t("inspectionReport.asOfDay", { date: q.asOf })}</div>
                      </td>
                      <td className={cell}>{t(`inspectionReport.statuses.${q.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="mt-2">
                <EChart option={chart} height={220} label={t("inspectionReport.chartLabel")} testId="report-chart" />
              </div>
            </>
          ) : (
            <p className="text-slate-600">{t("inspectionReport.noPlan", { year: r.year })}</p>
          )}
        </section>

        <section data-testid="report-colours">
          <h2 className="mb-1 font-semibold">{t("inspectionReport.colours")}</h2>
          <p>
            {t("inspectionReport.colourNow", { colour: t(`warnings.${r.warning.warning}`) })}
            {r.warning.warningReasons.map((x) => x.message).join(t("common.listSeparator"))}
          </p>
          {r.colourHistory.length ? (
            <table className="mt-2 w-full border-collapse">
              <thead>
                <tr>
                  <th className={head}>{t("inspectionReport.when")}</th>
                  <th className={head}>{t("inspectionReport.change")}</th>
                  <th className={head}>{t("inspectionReport.reasons")}</th>
                </tr>
              </thead>
              <tbody>
                {r.colourHistory.map((c) => (
                  <tr key={c.id}>
                    <td className={`${cell} whitespace-nowrap`}>{formatDateTime(c.at)}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      {t(`warnings.${c.from}`)} → {t(`warnings.${c.to}`)}
                      {c.source === "COMPUTED" ? "" : ` (${t(`warnings.sources.${c.source}`)})`}
                    </td>
                    <td className={cell}>
                      {[c.reason, ...c.reasons.map((x) => x.message)].filter(Boolean).join(t("common.listSeparator"))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-slate-600">{t("inspectionReport.noColourChanges")}</p>
          )}
        </section>

        <section data-testid="report-progress">
          <h2 className="mb-1 font-semibold">
            {t("inspectionReport.progress", { count: r.progress.length, shown: shown.length })}
          </h2>
          {shown.length ? (
            <table className="w-full border-collapse">
              <thead>
                <tr>
                  <th className={head}>{t("inspectionReport.date")}</th>
                  <th className={head}>{t("inspectionReport.investmentCompleted")}</th>
                  <th className={head}>{t("inspectionReport.percent")}</th>
                  <th className={head}>{t("inspectionReport.note")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <tr key={e.id}>
                    <td className={`${cell} whitespace-nowrap`}>{e.date}</td>
                    <td className={cell}>
                      <Money wan={e.investmentCompleted} />
                    </td>
                    <td className={cell}>{e.percent}%</td>
                    <td className={cell}>{[e.note, e.problems].filter(Boolean).join(" / ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-slate-600">{t("inspectionReport.noProgress")}</p>
          )}
        </section>

        <section data-testid="report-problems">
          <h2 className="mb-1 font-semibold">{t("inspectionReport.problems", { count: r.problems.length })}</h2>
          {r.problems.length ? (
            <table className="w-full border-collapse">
              <thead>
                <tr>
                  <th className={head}>{t("inspectionReport.problem")}</th>
                  <th className={head}>{t("inspectionReport.level")}</th>
                  <th className={head}>{t("inspectionReport.department")}</th>
                  <th className={head}>{t("inspectionReport.due")}</th>
                  <th className={head}>{t("inspectionReport.state")}</th>
                </tr>
              </thead>
              <tbody>
                {r.problems.map((x) => (
                  <tr key={x.id}>
                    <td className={cell}>
                      [{t(`problems.categories.${x.category}`)}] {x.title}
                      {x.resolution ? <div className="text-xs text-slate-600">{x.resolution}</div> : null}
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>{t(`problems.levels.${x.level}`)}</td>
                    <td className={cell}>{x.departmentName}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      {x.dueDate}
                      {x.overdue ? <span className="text-red-700"> {t("inspectionReport.overdue")}</span> : null}
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>{t(`problems.states.${x.state}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-slate-600">{t("inspectionReport.noProblems")}</p>
          )}
        </section>

        <section data-testid="report-notices">
          <h2 className="mb-1 font-semibold">{t("inspectionReport.notices", { count: r.notices.length })}</h2>
          {r.notices.length ? (
            <table className="w-full border-collapse">
              <thead>
                <tr>
                  <th className={head}>{t("notices.number")}</th>
                  <th className={head}>{t("notices.subject")}</th>
                  <th className={head}>{t("notices.resolveDue")}</th>
                  <th className={head}>{t("notices.state")}</th>
                </tr>
              </thead>
              <tbody>
                {r.notices.map((n) => (
                  <tr key={n.id}>
                    <td className={`${cell} whitespace-nowrap`}>{n.number}</td>
                    <td className={cell}>{n.subject}</td>
                    <td className={`${cell} whitespace-nowrap`}>{n.resolveDue}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      {t(`notices.states.${n.state}`)}
                      {n.overdue ? <span className="text-red-700"> {t("inspectionReport.overdue")}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-slate-600">{t("inspectionReport.noNotices")}</p>
          )}
        </section>
      </article>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EChart } from "@/components/charts/echart";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { permitReport } from "@/lib/permits/reports";
import { FilterError } from "@/components/ui/filter-error";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("permits"))("reportTitle") };
}

type Row = Awaited<ReturnType<typeof permitReport>>["byType"][number];

/** Average and 90th-percentile working days per department: one bar pair each (the table below carries the numbers). */
function cycleChart(rows: Row[], label: { avg: string; p90: string; days: string }) {
  const shown = [...rows].reverse();
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0, itemGap: 24 },
    grid: { left: 8, right: 40, top: 32, bottom: 28, containLabel: true },
    xAxis: { type: "value", name: label.days, nameLocation: "middle", nameGap: 24, minInterval: 1 },
    yAxis: { type: "category", data: shown.map((r) => r.name) },
    series: [
      {
        name: label.avg,
        type: "bar",
        data: shown.map((r) => r.avgDays ?? 0),
        label: { show: true, position: "right" },
      },
      {
        name: label.p90,
        type: "bar",
        data: shown.map((r) => r.p90Days ?? 0),
        label: { show: true, position: "right" },
      },
    ],
  };
}

export default async function PermitReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("permit.report");
  const t = await getTranslations("permits");
  const sp = await searchParams;
  const { result: report, filterError } = await listWithFilterNote((q) => permitReport({ actor, query: q }), {
    year: sp.year,
  });
  const headers = [
    t("report.name"),
    t("report.decided"),
    t("report.avg"),
    t("report.p90"),
    t("report.overdueRate"),
    t("report.returnsPerItem"),
  ];
  const rows = (list: Row[], withDept: boolean) =>
    list.map((r) => (
      <tr key={r.key}>
        <td className="px-3 py-2">
          {r.name}
          {withDept ? <span className="block text-xs text-slate-500">{r.department}</span> : null}
        </td>
        <td className="px-3 py-2 tabular-nums">
          {r.decided}/{r.items}
        </td>
        <td className="px-3 py-2 tabular-nums">{r.avgDays ?? "—"}</td>
        <td className="px-3 py-2 tabular-nums">{r.p90Days ?? "—"}</td>
        <td className={`px-3 py-2 tabular-nums ${r.overdueRate > 0 ? "text-red-700" : ""}`}>{r.overdueRate}%</td>
        <td className="px-3 py-2 tabular-nums">{r.returnsPerItem}</td>
      </tr>
    ));
  return (
    <div className="space-y-4">
      <PageHeader title={`${t("reportTitle")} · ${report.year}`}>
        <form method="get" className="flex gap-2">
          <input
            name="year"
            type="number"
            defaultValue={report.year}
            aria-label={t("report.year")}
            className="w-24 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white">
            {t("report.show")}
          </button>
        </form>
      </PageHeader>
      <FilterError message={filterError} />
      <Card>
        <dl className="flex flex-wrap gap-6 text-sm" data-testid="case-counts">
          {Object.entries(report.casesByState).map(([s, n]) => (
            <div key={s}>
              <dt className="text-xs text-slate-500">{t(`caseStates.${s}`)}</dt>
              <dd className="text-lg font-semibold tabular-nums">{n}</dd>
            </div>
          ))}
          <div>
            <dt className="text-xs text-slate-500">{t("report.fastTrackShare")}</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {report.fastTrackShare}%（{report.fastTrackCases}/{report.submittedCases}）
            </dd>
          </div>
        </dl>
      </Card>
      <Card title={t("report.byDepartment")}>
        <div className="max-w-3xl">
          <EChart
            option={cycleChart(report.byDepartment, {
              avg: t("report.avg"),
              p90: t("report.p90"),
              days: t("report.workingDays"),
            })}
            height={Math.max(160, report.byDepartment.length * 44 + 60)}
            label={`${t("report.avg")} / ${t("report.p90")}`}
            testId="cycle-chart"
          />
        </div>
        <SimpleTable testId="report-departments" headers={headers}>
          {rows(report.byDepartment, false)}
        </SimpleTable>
      </Card>
      <Card title={t("report.byType")}>
        <SimpleTable testId="report-types" headers={headers}>
          {rows(report.byType, true)}
        </SimpleTable>
      </Card>
      <p className="text-xs text-slate-500">{t("report.explain")}</p>
    </div>
  );
}

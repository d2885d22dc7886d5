import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

/** Average and 90th-percentile bars per department, drawn as SVG (no online resources). */
function CycleChart({ rows, label }: { rows: Row[]; label: { avg: string; p90: string } }) {
  const max = Math.max(1, ...rows.map((r) => r.p90Days ?? 0));
  const rowH = 34;
  const width = 560;
  const left = 140;
  const scale = (v: number) => ((width - left - 60) * v) / max;
  return (
    <svg
      viewBox={`0 0 ${width} ${rows.length * rowH + 30}`}
      className="w-full max-w-2xl"
      role="img"
      aria-label={`${label.avg} / ${label.p90}`}
      data-testid="cycle-chart"
    >
      {rows.map((r, i) => (
        <g key={r.key} transform={`translate(0, ${i * rowH + 6})`}>
          <text x={left - 8} y={16} textAnchor="end" fontSize="12" fill="#334155">
            {r.name}
          </text>
          <rect x={left} y={2} width={scale(r.p90Days ?? 0)} height={12} fill="#c7d2fe" />
          <rect x={left} y={16} width={scale(r.avgDays ?? 0)} height={12} fill="#4338ca" />
          <text x={left + scale(r.p90Days ?? 0) + 4} y={12} fontSize="10" fill="#475569">
            {r.p90Days ?? "—"}
          </text>
          <text x={left + scale(r.avgDays ?? 0) + 4} y={26} fontSize="10" fill="#1e1b4b">
            {r.avgDays ?? "—"}
          </text>
        </g>
      ))}
      <g transform={`translate(${left}, ${rows.length * rowH + 14})`} fontSize="11">
        <rect width="10" height="10" fill="#4338ca" />
        <text x="14" y="9">
          {label.avg}
        </text>
        <rect x="110" width="10" height="10" fill="#c7d2fe" />
        <text x="124" y="9">
          {label.p90}
        </text>
      </g>
    </svg>
  );
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
        <CycleChart rows={report.byDepartment} label={{ avg: t("report.avg"), p90: t("report.p90") }} />
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

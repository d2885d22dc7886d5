"use client";
// The dashboard's charts: each an ECharts chart (the one wrapper), its table behind it with a
// link per row to the grid filtered to exactly the row's projects, and an .xlsx export.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { EChart, type ChartOption } from "@/components/charts/echart";
import { Money } from "@/components/ui/money";
import { SimpleTable } from "@/components/ui/simple-table";
import type { Dashboard } from "@/lib/reports/dashboard";
import { figureHref, type FigureFilter } from "@/lib/reports/dashboard-links";

type Context = { year: number; owner?: string | null };
type Row = { key: string; label: string; count: number; investment?: string; filter: FigureFilter | null };

const td = "px-3 py-1.5";

export function ChartCard({
  table,
  year,
  title,
  option,
  headers,
  children,
  height = 240,
}: {
  table: string;
  year: number;
  title: string;
  option: ChartOption;
  headers: React.ReactNode[];
  children: React.ReactNode;
  height?: number;
}) {
  const t = useTranslations("dashboard");
  return (
    <section
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid={`dashboard-${table}`}
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
        <a
          href={`/api/v1/reports/dashboard/export?year=${year}&table=${table}`}
          className="text-xs text-brand-700 hover:underline"
          data-testid={`export-${table}`}
        >
          {t("export")}
        </a>
      </div>
      <EChart option={option} height={height} label={title} testId={`chart-${table}`} />
      <details className="mt-2" open>
        <summary className="cursor-pointer text-xs text-slate-500">{t("showTable")}</summary>
        <SimpleTable headers={headers} testId={`table-${table}`}>
          {children}
        </SimpleTable>
      </details>
    </section>
  );
}

/** A split (industry, park, channel, chain) or the funnel: bars of counts, a table of count and investment. */
export function SplitChart({
  table,
  title,
  keyHeader,
  rows,
  context,
  horizontal = false,
}: {
  table: string;
  title: string;
  keyHeader: string;
  rows: Row[];
  context: Context;
  horizontal?: boolean;
}) {
  const t = useTranslations("dashboard");
  const labels = rows.map((r) => r.label);
  const counts = rows.map((r) => r.count);
  const option: ChartOption = {
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    [horizontal ? "yAxis" : "xAxis"]: {
      type: "category",
      data: labels,
      inverse: horizontal,
      axisLabel: { interval: 0, rotate: horizontal ? 0 : labels.length > 5 ? 30 : 0 },
    },
    [horizontal ? "xAxis" : "yAxis"]: { type: "value", minInterval: 1 },
    series: [
      {
        type: "bar",
        data: counts,
        name: t("cols.count"),
        label: { show: true, position: horizontal ? "right" : "top" },
      },
    ],
  };
  return (
    <ChartCard
      table={table}
      year={context.year}
      title={title}
      option={option}
      headers={[keyHeader, t("cols.count"), t("cols.investment")]}
      height={horizontal ? Math.max(200, rows.length * 28) : 240}
    >
      {rows.length === 0 ? (
        <tr>
          <td className={`${td} text-slate-500`} colSpan={3}>
            {t("noData")}
          </td>
        </tr>
      ) : (
        rows.map((r) => (
          <tr key={r.key} data-row={r.key}>
            <td className={td}>{r.label}</td>
            <td className={`${td} tabular-nums`}>
              {r.filter ? (
                <Link
                  href={figureHref(context, r.filter)}
                  className="text-brand-700 hover:underline"
                  data-testid="figure-link"
                >
                  {r.count}
                </Link>
              ) : (
                r.count
              )}
            </td>
            <td className={td}>
              <Money wan={r.investment} />
            </td>
          </tr>
        ))
      )}
    </ChartCard>
  );
}

/** Monthly signings and starts against last year. */
export function MonthlyChart({ data, context }: { data: Dashboard; context: Context }) {
  const t = useTranslations("dashboard");
  const months = data.monthly.map((m) => t("month", { n: m.month }));
  const thisYear = t("thisYear", { year: data.year });
  const lastYear = t("lastYear", { year: data.year - 1 });
  const option: ChartOption = {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: months },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { type: "bar", name: `${thisYear} ${t("cols.signedCount")}`, data: data.monthly.map((m) => m.signedCount) },
      { type: "bar", name: `${lastYear} ${t("cols.signedCount")}`, data: data.monthly.map((m) => m.lastSignedCount) },
      { type: "line", name: `${thisYear} ${t("cols.startedCount")}`, data: data.monthly.map((m) => m.startedCount) },
      {
        type: "line",
        name: `${lastYear} ${t("cols.startedCount")}`,
        data: data.monthly.map((m) => m.lastStartedCount),
      },
    ],
  };
  const link = (n: number, f: FigureFilter) =>
    n ? (
      <Link href={figureHref(context, f)} className="text-brand-700 hover:underline">
        {n}
      </Link>
    ) : (
      n
    );
  return (
    <ChartCard
      table="monthly"
      year={data.year}
      title={t("tables.monthly")}
      option={option}
      headers={[
        t("cols.month"),
        t("cols.signedCount"),
        t("cols.signedInvestment"),
        t("cols.startedCount"),
        t("cols.lastSignedCount"),
        t("cols.lastSignedInvestment"),
        t("cols.lastStartedCount"),
      ]}
    >
      {data.monthly.map((m) => (
        <tr key={m.month}>
          <td className={td}>{t("month", { n: m.month })}</td>
          <td className={`${td} tabular-nums`}>{link(m.signedCount, { entered: "SIGNED", month: m.month })}</td>
          <td className={td}>
            <Money wan={m.signedInvestment} />
          </td>
          <td className={`${td} tabular-nums`}>{link(m.startedCount, { entered: "CONSTRUCTION", month: m.month })}</td>
          <td className={`${td} tabular-nums`}>
            {link(m.lastSignedCount, { entered: "SIGNED", month: m.month, year: data.year - 1 })}
          </td>
          <td className={td}>
            <Money wan={m.lastSignedInvestment} />
          </td>
          <td className={`${td} tabular-nums`}>
            {link(m.lastStartedCount, { entered: "CONSTRUCTION", month: m.month, year: data.year - 1 })}
          </td>
        </tr>
      ))}
    </ChartCard>
  );
}

/** 红黑榜: people and parks by their mean progress against their targets. */
export function RankingChart({ data, context }: { data: Dashboard; context: Context }) {
  const t = useTranslations();
  const rows = data.ranking;
  const option: ChartOption = {
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    yAxis: { type: "category", data: rows.map((r) => r.name), inverse: true, axisLabel: { interval: 0 } },
    xAxis: { type: "value", name: "%" },
    series: [
      {
        type: "bar",
        name: t("dashboard.cols.score"),
        data: rows.map((r, i) => ({
          value: r.score,
          itemStyle: { color: i < 3 ? "#dc2626" : i >= rows.length - 3 ? "#1e293b" : "#1d4ed8" },
        })),
        label: { show: true, position: "right" },
      },
    ],
  };
  const cell = (r: Dashboard["ranking"][number], k: "SIGNED_COUNT" | "SIGNED_INVESTMENT" | "STARTED_COUNT") => {
    const x = r.indicators[k];
    if (!x) return "—";
    return k === "SIGNED_INVESTMENT" ? (
      <span>
        <Money wan={x.actual} /> / <Money wan={x.target} />
      </span>
    ) : (
      `${x.actual} / ${x.target}`
    );
  };
  const unitFilter = (r: Dashboard["ranking"][number]): FigureFilter =>
    r.by === "park" ? { park: r.ref } : r.by === "leader" ? { leader: r.ref } : { owner: r.ref };
  return (
    <ChartCard
      table="ranking"
      year={data.year}
      title={t("dashboard.tables.ranking")}
      option={option}
      height={Math.max(160, rows.length * 26)}
      headers={[
        t("dashboard.cols.rank"),
        t("dashboard.cols.unit"),
        t("dashboard.cols.score"),
        t("dashboard.cols.signedCount"),
        t("dashboard.cols.signedInvestment"),
        t("dashboard.cols.startedCount"),
      ]}
    >
      {rows.length === 0 ? (
        <tr>
          <td className={`${td} text-slate-500`} colSpan={6}>
            {t("dashboard.noRanking")}
          </td>
        </tr>
      ) : (
        rows.map((r, i) => (
          <tr key={`${r.unit}:${r.unitId}`} data-rank={i + 1}>
            <td className={td}>
              {i + 1}
              {i < 3 ? <span className="ml-1 text-xs text-red-700">{t("dashboard.red")}</span> : null}
              {i >= rows.length - 3 && rows.length > 3 ? (
                <span className="ml-1 text-xs text-slate-900">{t("dashboard.black")}</span>
              ) : null}
            </td>
            <td className={td}>
              <Link
                href={figureHref({ year: context.year }, { entered: "SIGNED", ...unitFilter(r) })}
                className="text-brand-700 hover:underline"
              >
                {r.name}
              </Link>
              {r.role ? <span className="ml-1 text-xs text-slate-500">{t(`roles.${r.role}`)}</span> : null}
            </td>
            <td className={`${td} tabular-nums`}>{r.score ?? "—"}</td>
            <td className={`${td} tabular-nums`}>{cell(r, "SIGNED_COUNT")}</td>
            <td className={td}>{cell(r, "SIGNED_INVESTMENT")}</td>
            <td className={`${td} tabular-nums`}>{cell(r, "STARTED_COUNT")}</td>
          </tr>
        ))
      )}
    </ChartCard>
  );
}

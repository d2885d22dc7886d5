"use client";
// 驾驶舱 (SPEC §8): 三个一批 against the year's targets, signings, colours, problems, notices and
// permit time as cards; then the funnel, the splits, the monthly trend and the 红黑榜, each a chart
// with its table and export. Every figure links to the grid filtered to exactly its projects.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { Money } from "@/components/ui/money";
import { inputClass } from "@/components/ui/field";
import type { Dashboard as DashboardData } from "@/lib/reports/dashboard";
import { figureHref, type FigureFilter } from "@/lib/reports/dashboard-links";
import { MonthlyChart, RankingChart, SplitChart } from "./dashboard-charts";

const batchStage = {
  signed: "SIGNED",
  started: "CONSTRUCTION",
  completed: "COMPLETED",
  production: "PRODUCTION",
} as const;
const warningTones = {
  RED: "bg-red-600",
  YELLOW: "bg-amber-400",
  BLUE: "bg-blue-600",
  NONE: "bg-slate-300",
} as const;

function ProgressBar({ percent }: { percent: number | null }) {
  if (percent === null) return null;
  const width = Math.min(100, Math.max(0, percent));
  const tone = percent >= 100 ? "bg-emerald-600" : percent >= 60 ? "bg-brand-600" : "bg-amber-500";
  return (
    <div
      className="mt-1 h-2 w-full rounded bg-slate-100"
      role="progressbar"
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div className={`h-2 rounded ${tone}`} style={{ width: `${width}%` }} />
    </div>
  );
}

export function Dashboard({
  data,
  owner,
  years,
}: {
  data: DashboardData;
  /** The staff member's username when the figures are their own (links add it as owner). */
  owner: string | null;
  years: number[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const context = { year: data.year, owner };
  const href = (f: FigureFilter) => figureHref(context, f);
  const kpi = "rounded-lg border border-slate-200 bg-white p-3 shadow-sm";
  const big = "text-2xl font-semibold tabular-nums text-slate-900 hover:underline";
  return (
    <section className="space-y-4" data-testid="dashboard" aria-labelledby="dashboard-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="dashboard-title" className="text-lg font-semibold text-slate-800">
          {t(data.scope === "own" ? "dashboard.ownTitle" : "dashboard.districtTitle")}
        </h2>
        <div className="flex items-center gap-3 text-sm">
          <label className="flex items-center gap-1 text-slate-600">
            {t("dashboard.yearLabel")}
            <select
              className={inputClass}
              value={data.year}
              onChange={(e) => router.push(`${pathname}?year=${e.target.value}`)}
              data-testid="dashboard-year"
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <Link href={`/targets?year=${data.year}`} className="text-brand-700 hover:underline">
            {t("dashboard.targetsLink")}
          </Link>
        </div>
      </div>

      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="three-batches">
        {(Object.keys(batchStage) as (keyof typeof batchStage)[]).map((b) => {
          const x = data.threeBatches[b];
          return (
            <li key={b} className={kpi} data-batch={b}>
              <p className="text-sm text-slate-600">{t(`dashboard.batches.${b}`)}</p>
              <p className="flex items-baseline justify-between gap-2">
                <Link href={href({ entered: batchStage[b] })} className={big} data-testid={`figure-${b}`}>
                  {x.count}
                </Link>
                <span className="text-xs text-slate-500">
                  {x.target === null ? t("dashboard.kpi.noTarget") : t("dashboard.kpi.target", { target: x.target })}
                </span>
              </p>
              <ProgressBar percent={x.progress} />
              <p className="mt-1 text-xs text-slate-500">
                {x.progress === null ? "" : t("dashboard.kpi.progress", { percent: x.progress })}
                {b === "signed" ? (
                  <span className="ml-2">
                    {t("dashboard.kpi.signedInvestment")} <Money wan={x.investment} />
                  </span>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>

      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <li className={kpi} data-testid="kpi-colours">
          <p className="text-sm text-slate-600">{t("dashboard.kpi.colours")}</p>
          <ul className="mt-1 flex flex-wrap gap-3 text-sm">
            {(["RED", "YELLOW", "BLUE", "NONE"] as const).map((w) => (
              <li key={w} className="flex items-center gap-1">
                <span className={`inline-block h-3 w-3 rounded-full ${warningTones[w]}`} aria-hidden />
                <Link
                  href={href({ warning: w })}
                  className="tabular-nums hover:underline"
                  data-testid={`figure-warning-${w}`}
                >
                  {t(`warnings.${w}`)} {data.byWarning[w]}
                </Link>
              </li>
            ))}
          </ul>
        </li>
        <li className={kpi}>
          <p className="text-sm text-slate-600">{t("dashboard.kpi.problemsResolved")}</p>
          <Link href="/supervision/problems?state=RESOLVED" className={big}>
            {data.problemsResolved}
          </Link>
        </li>
        <li className={kpi}>
          <p className="text-sm text-slate-600">{t("dashboard.kpi.noticesOverdue")}</p>
          <Link href="/supervision/notices?overdue=1" className={`${big} ${data.noticesOverdue ? "text-red-700" : ""}`}>
            {data.noticesOverdue}
          </Link>
        </li>
        <li className={kpi}>
          <p className="text-sm text-slate-600">{t("dashboard.kpi.permitCycle")}</p>
          <p className="text-2xl font-semibold tabular-nums text-slate-900">
            {data.permitCycle.avgDays === null
              ? t("dashboard.kpi.none")
              : t("dashboard.kpi.workingDays", { n: data.permitCycle.avgDays })}
          </p>
          <p className="text-xs text-slate-500">
            {t("dashboard.kpi.investmentCompleted")} <Money wan={data.investmentCompleted.amount} />
            {data.investmentCompleted.target ? (
              <>
                {" / "}
                <Money wan={data.investmentCompleted.target} />
              </>
            ) : null}
          </p>
        </li>
      </ul>

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <SplitChart
          table="funnel"
          title={t("dashboard.tables.funnel")}
          keyHeader={t("dashboard.cols.stage")}
          context={context}
          horizontal
          rows={data.funnel.map((f) => ({
            key: f.stage,
            label: t(`stages.${f.stage}`),
            count: f.count,
            investment: f.investment,
            filter: { stage: f.stage },
          }))}
        />
        <MonthlyChart data={data} context={context} />
        <SplitChart
          table="byIndustry"
          title={t("dashboard.tables.byIndustry")}
          keyHeader={t("dashboard.cols.industry")}
          context={context}
          rows={data.byIndustry.map((r) => ({
            key: r.key,
            label: r.name,
            count: r.count,
            investment: r.investment,
            filter: { entered: "SIGNED", industry: r.key },
          }))}
        />
        <SplitChart
          table="byChain"
          title={t("dashboard.tables.byChain")}
          keyHeader={t("dashboard.cols.chain")}
          context={context}
          rows={data.byChain.map((r) => ({
            key: r.key,
            label: r.name,
            count: r.count,
            investment: r.investment,
            filter: { entered: "SIGNED", chain: r.key },
          }))}
        />
        <SplitChart
          table="byPark"
          title={t("dashboard.tables.byPark")}
          keyHeader={t("dashboard.cols.park")}
          context={context}
          rows={data.byPark.map((r) => ({
            key: r.key || "-",
            label: r.key ? r.name : t("dashboard.noPark"),
            count: r.count,
            investment: r.investment,
            filter: r.key ? { entered: "SIGNED", park: r.key } : null,
          }))}
        />
        <SplitChart
          table="byChannel"
          title={t("dashboard.tables.byChannel")}
          keyHeader={t("dashboard.cols.channel")}
          context={context}
          rows={data.byChannel.map((r) => ({
            key: r.key,
            label: t(`sourceChannels.${r.key}`),
            count: r.count,
            investment: r.investment,
            filter: { entered: "SIGNED", channel: r.key },
          }))}
        />
        <div className="xl:col-span-2">
          <RankingChart data={data} context={context} />
        </div>
      </div>
    </section>
  );
}

import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EChart } from "@/components/charts/echart";
import { StageBadge } from "@/components/ui/badges";
import { Money } from "@/components/ui/money";
import { SimpleTable } from "@/components/ui/simple-table";
import { formatWan, wanToYi } from "@/lib/format";
import type { SigningWeekDetail } from "@/lib/signing-weeks/signing-weeks";

/** The summary of an event: count, investment in 亿元, by industry and chain, the list (page and print). */
export async function SigningWeekSummary({ w, print = false }: { w: SigningWeekDetail; print?: boolean }) {
  const t = await getTranslations("signingWeeks");
  const tAll = await getTranslations();
  const s = w.summary;
  const groupTable = (title: string, rows: typeof s.byIndustry, testId: string) => (
    <div>
      <h3 className="mb-1 text-sm font-semibold text-slate-700">{title}</h3>
      <SimpleTable testId={testId} headers={[title, t("count"), t("investmentWan")]}>
        {rows.map((g) => (
          <tr key={g.id ?? "none"}>
            <td className="px-3 py-1.5">{g.name ?? t("noChain")}</td>
            <td className="px-3 py-1.5 tabular-nums">{g.count}</td>
            <td className="px-3 py-1.5 tabular-nums">{formatWan(g.investment)}</td>
          </tr>
        ))}
      </SimpleTable>
    </div>
  );
  const chart = {
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
    xAxis: { type: "value", name: t("page.yi") },
    yAxis: { type: "category", data: s.byIndustry.map((g) => g.name).reverse() },
    series: [
      {
        type: "bar",
        data: s.byIndustry.map((g) => Number(wanToYi(g.investment))).reverse(),
        label: { show: true, position: "right" },
      },
    ],
  };
  return (
    <div className="space-y-4" data-testid="signing-week-summary">
      <div className="grid grid-cols-2 gap-3 md:max-w-md">
        <div className="rounded-md bg-slate-50 p-3">
          <p className="text-xs text-slate-500">{t("count")}</p>
          <p className="text-2xl font-bold text-slate-800" data-testid="summary-count">
            {s.count}
          </p>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <p className="text-xs text-slate-500">{t("investmentYi")}</p>
          <p className="text-2xl font-bold text-slate-800" data-testid="summary-investment">
            {formatWan(wanToYi(s.investment))}
          </p>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {groupTable(t("byIndustry"), s.byIndustry, "summary-by-industry")}
        {groupTable(t("byChain"), s.byChain, "summary-by-chain")}
      </div>
      {!print && s.byIndustry.length ? (
        <EChart
          option={chart}
          height={Math.max(160, 36 * s.byIndustry.length + 40)}
          label={t("byIndustry")}
          testId="summary-chart"
        />
      ) : null}
      <div>
        <h3 className="mb-1 text-sm font-semibold text-slate-700">{t("page.signedList")}</h3>
        <SimpleTable
          testId="summary-projects"
          headers={[
            t("columns.code"),
            t("columns.name"),
            t("columns.industry"),
            t("columns.signingDate"),
            t("investmentWan"),
            t("columns.channel"),
            ...(print ? [] : [t("columns.stage")]),
          ]}
        >
          {s.projects.map((p) => (
            <tr key={p.id} data-project={p.id}>
              <td className="px-3 py-1.5 font-mono text-xs">{p.code}</td>
              <td className="px-3 py-1.5">
                {print ? (
                  p.name
                ) : (
                  <Link href={`/projects/${p.id}`} className="text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                )}
                {p.candidate ? (
                  <span className="ml-1 text-xs text-emerald-700">（{t("columns.candidate")}）</span>
                ) : null}
              </td>
              <td className="px-3 py-1.5">{p.industry}</td>
              <td className="px-3 py-1.5 whitespace-nowrap">{p.signingDate}</td>
              <td className="px-3 py-1.5 tabular-nums">
                {print ? formatWan(p.investment) : <Money wan={p.investment} />}
              </td>
              <td className="px-3 py-1.5 whitespace-nowrap">{tAll(`sourceChannels.${p.sourceChannel}`)}</td>
              {print ? null : (
                <td className="px-3 py-1.5">
                  <StageBadge stage={p.stage} />
                </td>
              )}
            </tr>
          ))}
        </SimpleTable>
      </div>
    </div>
  );
}

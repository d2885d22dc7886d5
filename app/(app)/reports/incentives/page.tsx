import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EChart } from "@/components/charts/echart";
import { Card, PageHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { SimpleTable } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current";
import { wanToYi } from "@/lib/format";
import { incentiveReport } from "@/lib/incentives/report";
import { incentiveCategories } from "@/lib/incentives/schemas";

type Props = { searchParams: Promise<{ year?: string; category?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incentives.report"))("title") };
}

/**
 * 政策兑现汇总 for managers: scheduled vs granted per payment year × category; every figure
 * opens the projects behind it (?year=&category=), each linking to its 政策兑现 tab; .xlsx.
 */
export default async function IncentiveReportPage({ searchParams }: Props) {
  const actor = await requireActor("incentive.report");
  const sp = await searchParams;
  const t = await getTranslations("incentives");
  const q = { year: sp.year ?? "", category: sp.category ?? "" };
  const report = await incentiveReport({
    actor,
    query: {
      year: /^\d{4}$/.test(q.year) ? q.year : "",
      category: (incentiveCategories as readonly string[]).includes(q.category) ? q.category : "",
    },
  });
  const href = (year?: number, category?: string) =>
    `/reports/incentives?${new URLSearchParams({ ...(year ? { year: String(year) } : {}), ...(category ? { category } : {}) })}`;
  const pair = (scheduled: string, granted: string, link: string, testId?: string) => (
    <Link href={link} className="block hover:underline" data-testid={testId}>
      <Money wan={scheduled} />
      <span className="block text-xs text-emerald-700">
        {t("report.granted")} <Money wan={granted} />
      </span>
    </Link>
  );
  const chart = {
    tooltip: { trigger: "axis" },
    legend: { data: [t("report.scheduled"), t("report.granted")] },
    grid: { left: 8, right: 8, bottom: 36, top: 32, containLabel: true },
    xAxis: { type: "category", data: report.years.map((y) => String(y.year)) },
    yAxis: { type: "value", name: t("units.wanHeader") },
    series: [
      { name: t("report.scheduled"), type: "bar", data: report.years.map((y) => Number(y.scheduled)) },
      { name: t("report.granted"), type: "bar", data: report.years.map((y) => Number(y.granted)) },
    ],
  };
  return (
    <div className="space-y-4">
      <PageHeader title={t("report.title")}>
        <a
          href={`/api/v1/reports/incentives/export`}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-brand-700 hover:bg-slate-50"
          data-testid="incentive-report-export"
        >
          {t("report.export")}
        </a>
      </PageHeader>
      <Card>
        <p className="mb-3 text-xs text-slate-500">{t("report.explain")}</p>
        <SimpleTable
          testId="incentive-report"
          headers={[t("report.year"), ...incentiveCategories.map((c) => t(`categories.${c}`)), t("report.total")]}
        >
          {report.years.map((y) => (
            <tr key={y.year} className="align-top" data-year={y.year}>
              <td className="px-3 py-2 font-medium">{y.year}</td>
              {y.byCategory.map((c) => (
                <td key={c.category} className="px-3 py-2 whitespace-nowrap">
                  {pair(c.scheduled, c.granted, href(y.year, c.category), `cell-${y.year}-${c.category}`)}
                </td>
              ))}
              <td className="px-3 py-2 font-semibold whitespace-nowrap">
                {pair(y.scheduled, y.granted, href(y.year))}
              </td>
            </tr>
          ))}
          <tr className="bg-slate-50 font-semibold">
            <td className="px-3 py-2">{t("report.total")}</td>
            {report.byCategory.map((c) => (
              <td key={c.category} className="px-3 py-2 whitespace-nowrap">
                {pair(c.scheduled, c.granted, href(undefined, c.category))}
              </td>
            ))}
            <td className="px-3 py-2 whitespace-nowrap" data-testid="incentive-report-total">
              <Money wan={report.scheduled} />
              <span className="block text-xs text-emerald-700">
                {t("report.granted")} <Money wan={report.granted} />
              </span>
            </td>
          </tr>
        </SimpleTable>
        <p className="mt-2 text-xs text-slate-500">
          {t("report.inYi", { scheduled: wanToYi(report.scheduled), granted: wanToYi(report.granted) })}
        </p>
      </Card>
      {report.years.length ? (
        <Card title={t("report.chartTitle")}>
          <EChart option={chart} height={260} label={t("report.chartTitle")} testId="incentive-report-chart" />
        </Card>
      ) : null}
      {report.projects ? (
        <Card
          title={t("report.projectsTitle", {
            year: report.filter.year ?? t("report.allYears"),
            category: report.filter.category ? t(`categories.${report.filter.category}`) : t("report.allCategories"),
          })}
        >
          <SimpleTable
            testId="incentive-report-projects"
            headers={[t("report.project"), t("report.scheduled"), t("report.granted")]}
          >
            {report.projects.map((p) => (
              <tr key={p.id}>
                <td className="px-3 py-2">
                  <Link href={`/projects/${p.id}?tab=incentives`} className="text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                  <span className="ml-2 font-mono text-xs text-slate-500">{p.code}</span>
                </td>
                <td className="px-3 py-2">
                  <Money wan={p.scheduled} />
                </td>
                <td className="px-3 py-2">
                  <Money wan={p.granted} />
                </td>
              </tr>
            ))}
          </SimpleTable>
        </Card>
      ) : null}
    </div>
  );
}

import "server-only";
import { z } from "zod";
import type { Actor } from "../auth/permissions";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { labelled } from "../schemas";
import { targetYear } from "../targets/schemas";
import { parseInput } from "../validation";
import { dashboard, type Dashboard } from "./dashboard";
import { xlsxStream, type XlsxCell, type XlsxColumn } from "../exports/xlsx-table";

/** The dashboard's tables, each exported on its own (GET /api/v1/reports/dashboard/export?table=). */
export const dashboardTables = [
  "threeBatches",
  "funnel",
  "byIndustry",
  "byPark",
  "byChannel",
  "byChain",
  "monthly",
  "ranking",
] as const;
export type DashboardTable = (typeof dashboardTables)[number];

const exportQuery = labelled(
  "target",
  z.object({ year: targetYear.optional(), table: z.enum(dashboardTables, "validation.choice") }),
);

/** 万元 as the decimal string it is (the writer makes it a number with two decimals). */
const money = (v: string | null | undefined) => v ?? null;

/** The rows of one of the dashboard's tables, as its card shows them (money in 万元). */
export function tableRows(
  d: Dashboard,
  table: DashboardTable,
  locale: Locale,
): { columns: XlsxColumn[]; rows: XlsxCell[][] } {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const c = (k: string): XlsxColumn => ({ header: t(`dashboard.cols.${k}`) });
  const m = (k: string): XlsxColumn => ({ ...c(k), money: true });
  const split = (rows: { name: string; count: number; investment: string }[], key: string) => ({
    columns: [c(key), c("count"), m("investment")],
    rows: rows.map((r) => [r.name, r.count, money(r.investment)]),
  });
  switch (table) {
    case "threeBatches":
      return {
        columns: [c("batch"), c("count"), c("target"), c("progress"), m("investment")],
        rows: (["signed", "started", "completed", "production"] as const).map((b) => {
          const x = d.threeBatches[b];
          return [t(`dashboard.batches.${b}`), x.count, x.target, x.progress, money(x.investment)];
        }),
      };
    case "funnel":
      return {
        columns: [c("stage"), c("count"), m("investment")],
        rows: d.funnel.map((r) => [t(`stages.${r.stage}`), r.count, money(r.investment)]),
      };
    case "byIndustry":
      return split(d.byIndustry, "industry");
    case "byPark":
      return split(d.byPark, "park");
    case "byChannel":
      return split(
        d.byChannel.map((r) => ({ ...r, name: t(`sourceChannels.${r.key}`) })),
        "channel",
      );
    case "byChain":
      return split(d.byChain, "chain");
    case "monthly":
      return {
        columns: [
          c("month"),
          c("signedCount"),
          m("signedInvestment"),
          c("startedCount"),
          c("lastSignedCount"),
          m("lastSignedInvestment"),
          c("lastStartedCount"),
        ],
        rows: d.monthly.map((m) => [
          m.month,
          m.signedCount,
          money(m.signedInvestment),
          m.startedCount,
          m.lastSignedCount,
          money(m.lastSignedInvestment),
          m.lastStartedCount,
        ]),
      };
    case "ranking":
      return {
        columns: [c("rank"), c("unit"), c("score"), c("signedCount"), c("signedInvestment"), c("startedCount")],
        rows: d.ranking.map((r, i) => [
          i + 1,
          r.name,
          r.score,
          r.indicators.SIGNED_COUNT
            ? `${r.indicators.SIGNED_COUNT.actual} / ${r.indicators.SIGNED_COUNT.target}`
            : null,
          r.indicators.SIGNED_INVESTMENT
            ? `${r.indicators.SIGNED_INVESTMENT.actual} / ${r.indicators.SIGNED_INVESTMENT.target}`
            : null,
          r.indicators.STARTED_COUNT
            ? `${r.indicators.STARTED_COUNT.actual} / ${r.indicators.STARTED_COUNT.target}`
            : null,
        ]),
      };
  }
}

/** One table of the dashboard as .xlsx: a title row (the table and the year), the header, the rows. */
export async function exportDashboardTable({
  actor,
  query,
  locale = "zh-CN",
}: {
  actor: Actor;
  query: unknown;
  locale?: Locale;
}) {
  const q = parseInput(exportQuery, query);
  const d = await dashboard({ actor, query: { year: q.year } });
  if (!d) throw new AppError("NOT_FOUND");
  const { columns, rows } = tableRows(d, q.table, locale);
  const title = translate(locale, `dashboard.tables.${q.table}`);
  const body = xlsxStream({
    creator: actor.displayName,
    tables: [
      {
        sheet: title,
        title: [translate(locale, "dashboard.exportTitle", { table: title, year: d.year })],
        columns: columns.map((col, i) => ({ ...col, width: i === 0 ? 22 : 16 })),
        rows,
      },
    ],
  });
  return { body, fileName: `${title}_${d.year}.xlsx`, asciiName: `dashboard_${q.table}_${d.year}.xlsx` };
}

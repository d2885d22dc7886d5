import "server-only";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Actor } from "../auth/permissions";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { labelled } from "../schemas";
import { targetYear } from "../targets/schemas";
import { parseInput } from "../validation";
import { dashboard, type Dashboard } from "./dashboard";

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

type Cell = string | number | null;
const money = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** The rows of one of the dashboard's tables, as its card shows them (money in 万元). */
export function tableRows(d: Dashboard, table: DashboardTable, locale: Locale): { headers: string[]; rows: Cell[][] } {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const c = (k: string) => t(`dashboard.cols.${k}`);
  const split = (rows: { name: string; count: number; investment: string }[], key: string) => ({
    headers: [c(key), c("count"), c("investment")],
    rows: rows.map((r) => [r.name, r.count, money(r.investment)]),
  });
  switch (table) {
    case "threeBatches":
      return {
        headers: [c("batch"), c("count"), c("target"), c("progress"), c("investment")],
        rows: (["signed", "started", "completed", "production"] as const).map((b) => {
          const x = d.threeBatches[b];
          return [t(`dashboard.batches.${b}`), x.count, x.target, x.progress, money(x.investment)];
        }),
      };
    case "funnel":
      return {
        headers: [c("stage"), c("count"), c("investment")],
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
        headers: [
          c("month"),
          c("signedCount"),
          c("signedInvestment"),
          c("startedCount"),
          c("lastSignedCount"),
          c("lastSignedInvestment"),
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
        headers: [c("rank"), c("unit"), c("score"), c("signedCount"), c("signedInvestment"), c("startedCount")],
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
  const { headers, rows } = tableRows(d, q.table, locale);
  const title = translate(locale, `dashboard.tables.${q.table}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = actor.displayName;
  const ws = workbook.addWorksheet(title.slice(0, 31));
  ws.columns = headers.map((_, i) => ({ width: i === 0 ? 22 : 16 }));
  ws.addRow([translate(locale, "dashboard.exportTitle", { table: title, year: d.year })]).font = {
    bold: true,
    size: 13,
  };
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { bytes, fileName: `${title}_${d.year}.xlsx`, asciiName: `dashboard_${q.table}_${d.year}.xlsx` };
}

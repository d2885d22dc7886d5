import "server-only";
import ExcelJS from "exceljs";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { formatDateTime, sumWan } from "../format";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { parseInput } from "../validation";
import { describeProjectFilters } from "./filter-words";
import { listProjectsSchema } from "./schemas";
import { projectListSelect, projectWhere, resolveProjectRefs, toProjectListItem } from "./queries";
import { withVisibleProjects } from "./visibility";

/** At most this many rows go into one file (a filtered view is the normal case). */
export const EXPORT_LIMIT = 100_000;

const exportSelect = { ...projectListSelect, fixedAssetInvestment: true, contractInvestment: true } as const;

/** The money columns (万元): numbers with two decimals, summed exactly in the 合计 row. */
const moneyKeys = ["totalInvestment", "fixedAssetInvestment", "contractInvestment"] as const;
type MoneyKey = (typeof moneyKeys)[number];

/** Characters a file name may not hold on Windows or in a header, and blanks. */
const fileNamePart = (s: string) => s.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, "");

/**
 * The current grid view (filters and sort of the URL), of the projects the actor may see,
 * as a workbook people can file: a title row (what, how many, when, by whom), a row with
 * the filters in words, the header, the rows (money as numbers with two decimals in 万元,
 * 是/否 for flags) and a 合计 row with the exact sums of the money columns. The import reads
 * it back unchanged: it finds the header below the title rows and skips the 合计 row.
 * The file name says what and when: 招商项目_签约_高端装备_2026-11-27.xlsx.
 */
export async function exportProjects({ actor, query, locale }: { actor: Actor; query: unknown; locale: Locale }) {
  assertCan(actor, "project.export");
  const q = parseInput(listProjectsSchema, query);
  const where = withVisibleProjects(actor, projectWhere(q, actor, await resolveProjectRefs(q)));
  const t = (k: string, params?: Record<string, string | number>) => translate(locale, k, params);
  const db = getDb();
  const [count, filters] = await Promise.all([db.project.count({ where }), describeProjectFilters(actor, q, locale)]);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = actor.displayName;
  const sheet = workbook.addWorksheet(t("projects.title"), { views: [{ state: "frozen", ySplit: 3 }] });
  const columns: Partial<ExcelJS.Column>[] = [
    { key: "code", width: 16 },
    { key: "name", width: 32 },
    { key: "enterpriseName", width: 28 },
    { key: "industryName", width: 14 },
    { key: "parkName", width: 16 },
    { key: "totalInvestment", width: 16, style: { numFmt: "#,##0.00" } },
    { key: "fixedAssetInvestment", width: 18, style: { numFmt: "#,##0.00" } },
    { key: "contractInvestment", width: 18, style: { numFmt: "#,##0.00" } },
    { key: "stage", width: 10 },
    { key: "warning", width: 10 },
    { key: "keyProject", width: 10 },
    { key: "signingDate", width: 12 },
    { key: "ownerName", width: 10 },
    { key: "leaderName", width: 10 },
    { key: "updatedAt", width: 20 },
  ];
  const headers: Record<string, string> = {
    code: "projects.code",
    name: "projects.name",
    enterpriseName: "projects.enterprise",
    industryName: "projects.industry",
    parkName: "projects.park",
    totalInvestment: "projects.totalInvestment",
    fixedAssetInvestment: "projects.fixedAssetInvestment",
    contractInvestment: "projects.contractInvestment",
    stage: "projects.stage",
    warning: "projects.warning",
    keyProject: "projects.keyProject",
    signingDate: "projects.signingDate",
    ownerName: "projects.owner",
    leaderName: "projects.leader",
    updatedAt: "projects.updatedAt",
  };
  // Keys only: with headers, ExcelJS would write them into row 1, where the title goes.
  sheet.columns = columns;

  const title = t("exports.title", { count, time: formatDateTime(new Date()), name: actor.displayName });
  sheet.addRow([count > EXPORT_LIMIT ? `${title}　${t("exports.truncated", { limit: EXPORT_LIMIT })}` : title]);
  const filterText = filters.length
    ? filters.map((f) => t("exports.filter", { label: f.label, value: f.value })).join("; ")
    : t("exports.noFilters");
  sheet.addRow([t("exports.filters", { filters: filterText })]);
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.getRow(2).font = { color: { argb: "FF475569" } };
  const header = sheet.addRow(Object.fromEntries(columns.map((c) => [c.key!, t(headers[c.key!])])));
  header.font = { bold: true };

  const sums: Record<MoneyKey, string> = { totalInvestment: "0", fixedAssetInvestment: "0", contractInvestment: "0" };
  const batch = 2000;
  for (let skip = 0; skip < EXPORT_LIMIT; skip += batch) {
    const rows = await db.project.findMany({
      where,
      select: exportSelect,
      orderBy: [{ [q.sort]: q.order }, { id: "asc" }],
      skip,
      take: Math.min(batch, EXPORT_LIMIT - skip),
    });
    for (const row of rows) {
      const r = toProjectListItem(row);
      const money = {
        totalInvestment: r.totalInvestment,
        fixedAssetInvestment: row.fixedAssetInvestment?.toFixed(2) ?? null,
        contractInvestment: row.contractInvestment?.toFixed(2) ?? null,
      };
      for (const k of moneyKeys) if (money[k] !== null) sums[k] = sumWan([sums[k], money[k]!]);
      sheet.addRow({
        ...r,
        // A number for Excel to add up: a decimal string of at most 12 digits is exactly that number.
        ...Object.fromEntries(moneyKeys.map((k) => [k, money[k] === null ? null : Number(money[k])])),
        stage: t(`stages.${r.stage}`),
        warning: t(`warnings.${r.warning}`),
        keyProject: t(r.keyProject ? "common.yes" : "common.no"),
        updatedAt: formatDateTime(r.updatedAt),
      });
    }
    if (rows.length < batch) break;
  }
  // 合计 in the first column (the import skips the row by it), the sums below the money columns:
  // added as decimal strings, so a sum of up to 15 digits is the exact number.
  const total = sheet.addRow({
    code: t("exports.totalRow"),
    ...Object.fromEntries(moneyKeys.map((k) => [k, Number(sums[k])])),
  });
  total.font = { bold: true };

  const parts = [t("exports.fileBase"), ...filters.map((f) => fileNamePart(f.value)).filter(Boolean)];
  const stem = [...parts.join("_")].slice(0, 80).join("");
  const today = shanghaiToday();
  return {
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: `${stem}_${today}.xlsx`,
    asciiName: `projects-${today}.xlsx`,
    count,
  };
}

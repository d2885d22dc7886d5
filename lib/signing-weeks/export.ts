import "server-only";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/permissions";
import { formatDateTime, wanToYi } from "../format";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { getSigningWeek } from "./signing-weeks";

const fileNamePart = (s: string) => s.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, "");

/** GET /api/v1/signing-weeks/{id}/export: the summary (totals, by industry, by chain) and the list, as .xlsx. */
export async function exportSigningWeek({ actor, id, locale }: { actor: Actor; id: string; locale: Locale }) {
  const w = await getSigningWeek({ actor, id });
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = actor.displayName;
  const sheet = workbook.addWorksheet(t("signingWeeks.summary"));
  const num = (s: string) => Number(s);
  sheet.addRow([`${w.name}（${w.startDate} – ${w.endDate}）`]).font = { bold: true, size: 13 };
  sheet.addRow([t("signingWeeks.exportedAt", { time: formatDateTime(new Date()), name: actor.displayName })]);
  sheet.addRow([
    t("signingWeeks.count"),
    w.summary.count,
    t("signingWeeks.investmentYi"),
    num(wanToYi(w.summary.investment)),
  ]);
  sheet.addRow([]);
  sheet.addRow([t("signingWeeks.byIndustry"), t("signingWeeks.count"), t("signingWeeks.investmentWan")]).font = {
    bold: true,
  };
  for (const g of w.summary.byIndustry) sheet.addRow([g.name, g.count, num(g.investment)]);
  sheet.addRow([]);
  sheet.addRow([t("signingWeeks.byChain"), t("signingWeeks.count"), t("signingWeeks.investmentWan")]).font = {
    bold: true,
  };
  for (const g of w.summary.byChain) sheet.addRow([g.name ?? t("signingWeeks.noChain"), g.count, num(g.investment)]);
  sheet.addRow([]);
  sheet.addRow([
    t("signingWeeks.columns.code"),
    t("signingWeeks.columns.name"),
    t("signingWeeks.columns.enterprise"),
    t("signingWeeks.columns.industry"),
    t("signingWeeks.columns.chains"),
    t("signingWeeks.columns.signingDate"),
    t("signingWeeks.investmentWan"),
    t("signingWeeks.columns.channel"),
    t("signingWeeks.columns.candidate"),
  ]).font = { bold: true };
  for (const p of w.summary.projects)
    sheet.addRow([
      p.code,
      p.name,
      p.enterpriseName,
      p.industry,
      p.chains.map((c) => c.name).join("、"),
      p.signingDate,
      num(p.investment),
      t(`sourceChannels.${p.sourceChannel}`),
      t(p.candidate ? "common.yes" : "common.no"),
    ]);
  [16, 30, 28, 14, 20, 12, 14, 12, 8].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return {
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: `${fileNamePart(w.name)}_${w.startDate}.xlsx`,
    asciiName: `signing-week-${w.startDate}.xlsx`,
  };
}

import "server-only";
import type { Actor } from "../auth/permissions";
import { formatDateTime, wanToYi } from "../format";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { getSigningWeek } from "./signing-weeks";
import { xlsxStream, type XlsxColumn } from "../exports/xlsx-table";

const fileNamePart = (s: string) => s.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, "");

/**
 * GET /api/v1/signing-weeks/{id}/export: the summary (totals above, by industry), by chain
 * and the list, a sheet each, as .xlsx (lib/exports/xlsx-table.ts).
 */
export async function exportSigningWeek({ actor, id, locale }: { actor: Actor; id: string; locale: Locale }) {
  const w = await getSigningWeek({ actor, id });
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const title = [
    `${w.name}（${w.startDate} – ${w.endDate}）`,
    t("signingWeeks.exportedAt", { time: formatDateTime(new Date()), name: actor.displayName }),
  ];
  const groupColumns = (first: string): XlsxColumn[] => [
    { header: first, width: 24 },
    { header: t("signingWeeks.count"), width: 14 },
    { header: t("signingWeeks.investmentWan"), width: 16, money: true },
  ];
  const columns: XlsxColumn[] = [
    { header: t("signingWeeks.columns.code"), width: 16 },
    { header: t("signingWeeks.columns.name"), width: 30 },
    { header: t("signingWeeks.columns.enterprise"), width: 28 },
    { header: t("signingWeeks.columns.industry"), width: 14 },
    { header: t("signingWeeks.columns.chains"), width: 20 },
    { header: t("signingWeeks.columns.signingDate"), width: 12 },
    { header: t("signingWeeks.investmentWan"), width: 14, money: true },
    { header: t("signingWeeks.columns.channel"), width: 12 },
    { header: t("signingWeeks.columns.candidate"), width: 8 },
  ];
  const body = xlsxStream({
    creator: actor.displayName,
    tables: [
      {
        sheet: t("signingWeeks.summary"),
        title: [
          ...title,
          `${t("signingWeeks.count")} ${w.summary.count}　${t("signingWeeks.investmentYi")} ${wanToYi(w.summary.investment)}`,
        ],
        columns: groupColumns(t("signingWeeks.byIndustry")),
        rows: w.summary.byIndustry.map((g) => [g.name, g.count, g.investment]),
      },
      {
        sheet: t("signingWeeks.byChain"),
        title,
        columns: groupColumns(t("signingWeeks.byChain")),
        rows: w.summary.byChain.map((g) => [g.name ?? t("signingWeeks.noChain"), g.count, g.investment]),
      },
      {
        sheet: w.name,
        title,
        columns,
        rows: w.summary.projects.map((p) => [
          p.code,
          p.name,
          p.enterpriseName,
          p.industry,
          p.chains.map((c) => c.name).join("、"),
          p.signingDate,
          p.investment,
          t(`sourceChannels.${p.sourceChannel}`),
          t(p.candidate ? "common.yes" : "common.no"),
        ]),
      },
    ],
  });
  return {
    body,
    fileName: `${fileNamePart(w.name)}_${w.startDate}.xlsx`,
    asciiName: `signing-week-${w.startDate}.xlsx`,
  };
}

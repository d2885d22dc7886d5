import "server-only";
import ExcelJS from "exceljs";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { sourceChannels } from "../projects/schemas";
import { pipelineStages } from "../projects/stages";
import { parseInput } from "../validation";
import { columnsOf } from "./columns";
import { importKindSchema } from "./schemas";

/**
 * The import template: one sheet with the columns (required ones marked) and a sample
 * row marked 示例 (skipped by the import), and a sheet of the values the choice columns accept (industries, parks, stages,
 * channels, users).
 */
export async function importTemplate({ actor, input, locale }: { actor: Actor; input: unknown; locale: Locale }) {
  const { kind } = parseInput(importKindSchema, input);
  assertCan(actor, kind === "PROJECTS" ? "project.import" : "enterprise.import");
  const t = (k: string) => translate(locale, k);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t(kind === "PROJECTS" ? "projects.title" : "enterprises.title"), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  const columns = columnsOf(kind);
  sheet.columns = columns.map((c) => ({
    header: t(c.label),
    key: c.key,
    width: Math.max(12, t(c.label).length * 2 + 4),
  }));
  columns.forEach((c, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.font = { bold: true, color: c.required ? { argb: "FFB91C1C" } : undefined };
    cell.note = c.required ? t("imports.requiredColumn") : "";
  });
  const db = getDb();
  const [industries, parks] =
    kind === "PROJECTS"
      ? await Promise.all([
          db.industry.findMany({ orderBy: { sortOrder: "asc" } }),
          db.park.findMany({ orderBy: { sortOrder: "asc" } }),
        ])
      : [[], []];
  const sample = sheet.addRow(
    Object.fromEntries(
      columns.map((c) => [
        c.key,
        c.key === "industry"
          ? (industries[0]?.name ?? "")
          : c.key === "park"
            ? (parks[0]?.name ?? "")
            : (c.example ?? ""),
      ]),
    ),
  );
  // The sample row is marked in its first cell (示例：…), which the import skips; typing
  // over the row replaces the marker, and then the row is imported.
  const first = sample.getCell(1);
  first.value = `${t("imports.sampleMarker")}：${String(first.value ?? "")}`;
  first.note = t("imports.sampleNote");
  sample.font = { italic: true, color: { argb: "FF64748B" } };
  if (kind === "PROJECTS") {
    const help = workbook.addWorksheet(t("imports.valuesSheet"));
    help.columns = [
      { header: t("projects.industry"), width: 18 },
      { header: t("projects.park"), width: 22 },
      { header: t("projects.stage"), width: 12 },
      { header: t("projects.sourceChannel"), width: 12 },
    ];
    help.getRow(1).font = { bold: true };
    const n = Math.max(industries.length, parks.length, pipelineStages.length, sourceChannels.length);
    for (let i = 0; i < n; i++) {
      help.addRow([
        industries[i]?.name ?? "",
        parks[i]?.name ?? "",
        pipelineStages[i] ? t(`stages.${pipelineStages[i]}`) : "",
        sourceChannels[i] ? t(`sourceChannels.${sourceChannels[i]}`) : "",
      ]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

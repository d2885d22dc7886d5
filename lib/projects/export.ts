import "server-only";
import ExcelJS from "exceljs";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { parseInput } from "../validation";
import { listProjectsSchema } from "./schemas";
import { projectListSelect, projectWhere, toProjectListItem } from "./queries";
import { withVisibleProjects } from "./visibility";

/** At most this many rows go into one file (a filtered view is the normal case). */
export const EXPORT_LIMIT = 100_000;

/** The current grid view (filters and sort of the URL), of the projects the actor may see, as an .xlsx workbook. */
export async function exportProjects({ actor, query, locale }: { actor: Actor; query: unknown; locale: Locale }) {
  assertCan(actor, "project.export");
  const q = parseInput(listProjectsSchema, query);
  const where = withVisibleProjects(actor, projectWhere(q, actor));
  const t = (k: string) => translate(locale, k);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = actor.displayName;
  const sheet = workbook.addWorksheet(t("projects.title"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: t("projects.code"), key: "code", width: 16 },
    { header: t("projects.name"), key: "name", width: 32 },
    { header: t("projects.enterprise"), key: "enterpriseName", width: 28 },
    { header: t("projects.industry"), key: "industryName", width: 14 },
    { header: t("projects.park"), key: "parkName", width: 16 },
    { header: t("projects.totalInvestment"), key: "totalInvestment", width: 16, style: { numFmt: "#,##0.00" } },
    { header: t("projects.stage"), key: "stage", width: 10 },
    { header: t("projects.warning"), key: "warning", width: 10 },
    { header: t("projects.keyProject"), key: "keyProject", width: 8 },
    { header: t("projects.signingDate"), key: "signingDate", width: 12 },
    { header: t("projects.owner"), key: "ownerName", width: 10 },
    { header: t("projects.leader"), key: "leaderName", width: 10 },
    { header: t("projects.updatedAt"), key: "updatedAt", width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  const db = getDb();
  const batch = 2000;
  for (let skip = 0; skip < EXPORT_LIMIT; skip += batch) {
    const rows = await db.project.findMany({
      where,
      select: projectListSelect,
      orderBy: [{ [q.sort]: q.order }, { id: "asc" }],
      skip,
      take: Math.min(batch, EXPORT_LIMIT - skip),
    });
    for (const r of rows.map(toProjectListItem)) {
      sheet.addRow({
        ...r,
        // Excel gets a number for sums; the decimal string has at most 2 places, so it is exact enough to add up in a sheet.
        totalInvestment: Number(r.totalInvestment),
        stage: t(`stages.${r.stage}`),
        warning: t(`warnings.${r.warning}`),
        keyProject: r.keyProject ? t("common.yes") : "",
        updatedAt: r.updatedAt.slice(0, 19).replace("T", " "),
      });
    }
    if (rows.length < batch) break;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

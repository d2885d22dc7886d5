import "server-only";
import { getDb, type Prisma } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { formatDateTime } from "../format";
import { after, EXPORT_BATCH, keysetBatches } from "../exports/keyset";
import { xlsxStream, type XlsxCell, type XlsxColumn } from "../exports/xlsx-table";
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
type ExportRow = Prisma.ProjectGetPayload<{ select: typeof exportSelect }>;

/** Characters a file name may not hold on Windows or in a header, and blanks. */
const fileNamePart = (s: string) => s.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, "");

/**
 * The current grid view (filters and sort of the URL), of the projects the actor may see,
 * as a workbook people can file: a title row (what, how many, when, by whom), a row with
 * the filters in words, the header, the rows (money as numbers with two decimals in 万元,
 * 是/否 for flags) and a 合计 row with the exact sums of the money columns. The import reads
 * it back unchanged: it finds the header below the title rows and skips the 合计 row.
 * The file name says what and when: 招商项目_签约_高端装备_2026-11-27.xlsx.
 * Permissions, input and the count are settled here; the rows stream afterwards (`body`).
 */
export async function exportProjects({ actor, query, locale }: { actor: Actor; query: unknown; locale: Locale }) {
  assertCan(actor, "project.export");
  const q = parseInput(listProjectsSchema, query);
  const where = withVisibleProjects(actor, projectWhere(q, actor, await resolveProjectRefs(q)));
  const t = (k: string, params?: Record<string, string | number>) => translate(locale, k, params);
  const db = getDb();
  const [count, filters] = await Promise.all([db.project.count({ where }), describeProjectFilters(actor, q, locale)]);

  const columns: XlsxColumn[] = [
    { header: t("projects.code"), width: 16 },
    { header: t("projects.name"), width: 32 },
    { header: t("projects.enterprise"), width: 28 },
    { header: t("projects.industry"), width: 14 },
    { header: t("projects.park"), width: 16 },
    { header: t("projects.totalInvestment"), width: 16, money: true },
    { header: t("projects.fixedAssetInvestment"), width: 18, money: true },
    { header: t("projects.contractInvestment"), width: 18, money: true },
    { header: t("projects.stage"), width: 10 },
    { header: t("projects.warning"), width: 10 },
    { header: t("projects.keyProject"), width: 10 },
    { header: t("projects.signingDate"), width: 12 },
    { header: t("projects.owner"), width: 10 },
    { header: t("projects.leader"), width: 10 },
    { header: t("projects.updatedAt"), width: 20 },
  ];
  const title = t("exports.title", { count, time: formatDateTime(new Date()), name: actor.displayName });
  const filterText = filters.length
    ? filters.map((f) => t("exports.filter", { label: f.label, value: f.value })).join("; ")
    : t("exports.noFilters");

  async function* rows(): AsyncGenerator<XlsxCell[]> {
    const orderBy = [{ [q.sort]: q.order }, { id: "asc" as const }];
    for await (const row of keysetRows(where, orderBy, Math.min(count, EXPORT_LIMIT))) {
      const r = toProjectListItem(row);
      yield [
        r.code,
        r.name,
        r.enterpriseName,
        r.industryName,
        r.parkName,
        r.totalInvestment,
        row.fixedAssetInvestment?.toFixed(2) ?? null,
        row.contractInvestment?.toFixed(2) ?? null,
        t(`stages.${r.stage}`),
        t(`warnings.${r.warning}`),
        t(r.keyProject ? "common.yes" : "common.no"),
        r.signingDate,
        r.ownerName,
        r.leaderName,
        formatDateTime(r.updatedAt),
      ];
    }
  }

  const parts = [t("exports.fileBase"), ...filters.map((f) => fileNamePart(f.value)).filter(Boolean)];
  const stem = [...parts.join("_")].slice(0, 80).join("");
  const today = shanghaiToday();
  return {
    body: xlsxStream({
      creator: actor.displayName,
      tables: [
        {
          sheet: t("projects.title"),
          title: [
            count > EXPORT_LIMIT ? `${title}　${t("exports.truncated", { limit: EXPORT_LIMIT })}` : title,
            t("exports.filters", { filters: filterText }),
          ],
          columns,
          rows: rows(),
          // 合计 in the first column (the import skips the row by it), the exact sums below the money columns.
          total: { label: t("exports.totalRow") },
        },
      ],
    }),
    fileName: `${stem}_${today}.xlsx`,
    asciiName: `projects-${today}.xlsx`,
    count,
  };
}

/** Sort keys that are never NULL and that Prisma compares (not enums): the cursor's bound helps the index. */
const boundedKeys = new Set(["code", "name", "enterpriseName", "totalInvestment", "updatedAt", "createdAt"]);

/**
 * The projects of `where` in `orderBy` (a sort key, then id), `limit` at most, read by keyset
 * in batches. Prisma's cursor alone is an OR over the sort key, which PostgreSQL answers by
 * sorting every row after it, batch after batch; the bound `key <= last key` (descending) lets
 * it walk the sort key's index from the last row read instead.
 */
export async function* keysetRows(
  where: Prisma.ProjectWhereInput,
  orderBy: Prisma.ProjectOrderByWithRelationInput[],
  limit: number,
  batch = EXPORT_BATCH,
) {
  const db = getDb();
  const [key, dir] = Object.entries(orderBy[0])[0] as [keyof ExportRow, "asc" | "desc"];
  const read = (last: ExportRow | undefined, take: number) =>
    db.project.findMany({
      where:
        last && boundedKeys.has(key)
          ? { AND: [where, { [key]: { [dir === "desc" ? "lte" : "gte"]: last[key] } }] }
          : where,
      select: exportSelect,
      orderBy,
      take,
      ...after(last),
    });
  for await (const rows of keysetBatches(read, limit, batch)) yield* rows;
}

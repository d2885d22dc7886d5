import "server-only";
import { getDb } from "../db";
import type { Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { formatDateTime } from "../format";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { parseInput } from "../validation";
import { after, keysetBatches } from "../exports/keyset";
import { xlsxStream, type XlsxCell, type XlsxColumn } from "../exports/xlsx-table";
import { problemSelect, toProblemViews } from "./problem-access";
import { problemOrderBy, problemWhere } from "./problem-queries";
import { listProblemsSchema, type ListProblemsQuery } from "./schemas";

/** At most this many rows go into one file. */
export const PROBLEM_EXPORT_LIMIT = 50_000;

const fileNamePart = (s: string) => s.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, "");

/** The list's filters in words: label and value, in the reader's language. */
async function describeFilters(q: ListProblemsQuery, locale: Locale) {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const db = getDb();
  const [department, park, project] = await Promise.all([
    q.department
      ? db.department.findFirst({
          where: { code: { equals: q.department, mode: "insensitive" } },
          select: { name: true },
        })
      : null,
    q.park ? db.park.findFirst({ where: { OR: [{ id: q.park }, { code: q.park }] }, select: { name: true } }) : null,
    q.projectId ? db.project.findUnique({ where: { id: q.projectId }, select: { name: true } }) : null,
  ]);
  const words: { label: string; value: string }[] = [];
  const add = (field: string, value: string | undefined | null) =>
    value && words.push({ label: t(`fields.problem.${field}`), value });
  add("category", q.category && t(`problems.categories.${q.category}`));
  add("department", q.department && (department?.name ?? q.department));
  add("level", q.level ? t(`problems.levels.${q.level}`) : null);
  add("state", q.state && t(q.state === "ACTIVE" ? "problems.list.active" : `problems.states.${q.state}`));
  add(
    "overdue",
    q.overdue === undefined ? null : t(q.overdue ? "problems.list.overdueOnly" : "problems.list.notOverdue"),
  );
  add("proposed", q.proposed ? t("common.yes") : null);
  add("projectId", q.projectId && (project?.name ?? q.projectId));
  add("park", q.park && (park?.name ?? q.park));
  add("q", q.q);
  return words;
}

/**
 * GET /api/v1/problems/export: the filtered list (as GET /api/v1/problems, without paging)
 * as a workbook: a title row (what, how many, when, by whom), the filters in words, the
 * header, one row per problem, streamed (lib/exports/xlsx-table.ts). Named
 * 要素保障问题_<filters>_<date>.xlsx.
 */
export async function exportProblems({ actor, query, locale }: { actor: Actor; query: unknown; locale: Locale }) {
  const q = parseInput(listProblemsSchema, query);
  const today = shanghaiToday();
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const db = getDb();
  const where = await problemWhere(db, actor, q, today);
  const [count, filters] = await Promise.all([db.problem.count({ where }), describeFilters(q, locale)]);

  const columns: XlsxColumn[] = [
    { header: t("problems.columns.projectCode"), width: 16 },
    { header: t("problems.columns.project"), width: 28 },
    { header: t("problems.columns.title"), width: 36 },
    { header: t("problems.columns.category"), width: 10 },
    { header: t("problems.columns.department"), width: 20 },
    { header: t("problems.columns.level"), width: 10 },
    { header: t("problems.columns.state"), width: 12 },
    { header: t("problems.columns.dueDate"), width: 12 },
    { header: t("problems.columns.overdue"), width: 8 },
    { header: t("problems.columns.raisedBy"), width: 10 },
    { header: t("problems.columns.createdAt"), width: 20 },
    { header: t("problems.columns.resolution"), width: 36 },
  ];
  const title = t("exports.title", { count, time: formatDateTime(new Date()), name: actor.displayName });
  const filterText = filters.length
    ? filters.map((f) => t("exports.filter", { label: f.label, value: f.value })).join("; ")
    : t("exports.noFilters");

  async function* rows(): AsyncGenerator<XlsxCell[]> {
    const orderBy = problemOrderBy(q.sort);
    const read = (last: { id: string } | undefined, take: number) =>
      db.problem.findMany({ where, select: problemSelect, orderBy, take, ...after(last) });
    for await (const batch of keysetBatches(read, Math.min(count, PROBLEM_EXPORT_LIMIT)))
      for (const v of await toProblemViews(db, batch, today))
        yield [
          v.projectCode,
          v.projectName,
          v.title,
          t(`problems.categories.${v.category}`),
          v.department.name,
          t(`problems.levels.${v.level}`),
          t(`problems.states.${v.state}`),
          v.dueDate,
          t(v.overdue ? "common.yes" : "common.no"),
          v.raisedBy,
          formatDateTime(v.createdAt),
          v.resolution ?? v.closeReason ?? "",
        ];
  }

  const parts = [t("problems.fileBase"), ...filters.map((f) => fileNamePart(f.value)).filter(Boolean)];
  const stem = [...parts.join("_")].slice(0, 80).join("");
  return {
    body: xlsxStream({
      creator: actor.displayName,
      tables: [
        {
          sheet: t("problems.title"),
          title: [
            count > PROBLEM_EXPORT_LIMIT
              ? `${title}　${t("exports.truncated", { limit: PROBLEM_EXPORT_LIMIT })}`
              : title,
            t("exports.filters", { filters: filterText }),
          ],
          columns,
          rows: rows(),
        },
      ],
    }),
    fileName: `${stem}_${today}.xlsx`,
    asciiName: `problems-${today}.xlsx`,
    count,
  };
}

import "server-only";
import ExcelJS from "exceljs";
import { getDb } from "../db";
import type { Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { formatDateTime } from "../format";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { parseInput } from "../validation";
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
 * header, one row per problem. Named 要素保障问题_<filters>_<date>.xlsx.
 */
export async function exportProblems({ actor, query, locale }: { actor: Actor; query: unknown; locale: Locale }) {
  const q = parseInput(listProblemsSchema, query);
  const today = shanghaiToday();
  const where = problemWhere(actor, q, today);
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const db = getDb();
  const [count, filters] = await Promise.all([db.problem.count({ where }), describeFilters(q, locale)]);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = actor.displayName;
  const sheet = workbook.addWorksheet(t("problems.title"), { views: [{ state: "frozen", ySplit: 3 }] });
  const columns: { key: string; width: number; header: string }[] = [
    { key: "projectCode", width: 16, header: "problems.columns.projectCode" },
    { key: "projectName", width: 28, header: "problems.columns.project" },
    { key: "title", width: 36, header: "problems.columns.title" },
    { key: "category", width: 10, header: "problems.columns.category" },
    { key: "department", width: 20, header: "problems.columns.department" },
    { key: "level", width: 10, header: "problems.columns.level" },
    { key: "state", width: 12, header: "problems.columns.state" },
    { key: "dueDate", width: 12, header: "problems.columns.dueDate" },
    { key: "overdue", width: 8, header: "problems.columns.overdue" },
    { key: "raisedBy", width: 10, header: "problems.columns.raisedBy" },
    { key: "createdAt", width: 20, header: "problems.columns.createdAt" },
    { key: "resolution", width: 36, header: "problems.columns.resolution" },
  ];
  sheet.columns = columns.map(({ key, width }) => ({ key, width }));
  const title = t("exports.title", { count, time: formatDateTime(new Date()), name: actor.displayName });
  sheet.addRow([
    count > PROBLEM_EXPORT_LIMIT ? `${title}　${t("exports.truncated", { limit: PROBLEM_EXPORT_LIMIT })}` : title,
  ]);
  const filterText = filters.length
    ? filters.map((f) => t("exports.filter", { label: f.label, value: f.value })).join("; ")
    : t("exports.noFilters");
  sheet.addRow([t("exports.filters", { filters: filterText })]);
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.getRow(2).font = { color: { argb: "FF475569" } };
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, t(c.header)]))).font = { bold: true };

  const batch = 2000;
  for (let skip = 0; skip < PROBLEM_EXPORT_LIMIT; skip += batch) {
    const rows = await db.problem.findMany({
      where,
      select: problemSelect,
      orderBy: problemOrderBy(q.sort),
      skip,
      take: Math.min(batch, PROBLEM_EXPORT_LIMIT - skip),
    });
    for (const v of await toProblemViews(db, rows, today))
      sheet.addRow({
        projectCode: v.projectCode,
        projectName: v.projectName,
        title: v.title,
        category: t(`problems.categories.${v.category}`),
        department: v.department.name,
        level: t(`problems.levels.${v.level}`),
        state: t(`problems.states.${v.state}`),
        dueDate: v.dueDate,
        overdue: t(v.overdue ? "common.yes" : "common.no"),
        raisedBy: v.raisedBy,
        createdAt: formatDateTime(v.createdAt),
        resolution: v.resolution ?? v.closeReason ?? "",
      });
    if (rows.length < batch) break;
  }
  const parts = [t("problems.fileBase"), ...filters.map((f) => fileNamePart(f.value)).filter(Boolean)];
  const stem = [...parts.join("_")].slice(0, 80).join("");
  return {
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: `${stem}_${today}.xlsx`,
    asciiName: `problems-${today}.xlsx`,
    count,
  };
}

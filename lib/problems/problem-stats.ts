import "server-only";
import { getDb } from "../db";
import type { Actor } from "../auth/permissions";
import { loadCalendar } from "../calendar/load-calendar";
import { workingDaysBetween } from "../calendar/working-days";
import { shanghaiToday } from "../dates";
import { parseInput } from "../validation";
import { problemCategories, type ProblemCategory } from "./problem-machine";
import { problemWhere } from "./problem-queries";
import { listProblemsSchema } from "./schemas";

export type ResolutionFigures = { resolved: number; averageDays: number | null; medianDays: number | null };

/** Average (one decimal) and median of working-day counts; null for none. */
export function resolutionFigures(days: readonly number[]): ResolutionFigures {
  if (!days.length) return { resolved: 0, averageDays: null, medianDays: null };
  const sorted = [...days].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const average = Math.round((sorted.reduce((a, b) => a + b, 0) / sorted.length) * 10) / 10;
  return { resolved: sorted.length, averageDays: average, medianDays: median };
}

/**
 * GET /api/v1/problems/stats (same filters as the list): "累计解决问题 N 个" — the RESOLVED
 * problems the actor may see — and how long they took, in working days from the day raised
 * to the day resolved (Asia/Shanghai), on average and at the median, per category and per
 * department.
 */
export async function problemStats({ actor, query }: { actor: Actor; query: unknown }) {
  const q = parseInput(listProblemsSchema, query);
  const today = shanghaiToday();
  const db = getDb();
  const where = { AND: [problemWhere(actor, { ...q, state: undefined }, today), { state: "RESOLVED" as const }] };
  const [rows, cal] = await Promise.all([
    db.problem.findMany({
      where,
      select: { category: true, createdAt: true, resolvedAt: true, department: { select: { code: true, name: true } } },
    }),
    loadCalendar(db),
  ]);
  const byCategory = new Map<ProblemCategory, number[]>();
  const byDepartment = new Map<string, { name: string; days: number[] }>();
  const all: number[] = [];
  for (const r of rows) {
    const days = workingDaysBetween(cal, shanghaiToday(r.createdAt), shanghaiToday(r.resolvedAt ?? r.createdAt));
    all.push(days);
    const c = byCategory.get(r.category) ?? [];
    c.push(days);
    byCategory.set(r.category, c);
    const d = byDepartment.get(r.department.code) ?? { name: r.department.name, days: [] };
    d.days.push(days);
    byDepartment.set(r.department.code, d);
  }
  return {
    ...resolutionFigures(all),
    byCategory: problemCategories
      .filter((c) => byCategory.has(c))
      .map((category) => ({ category, ...resolutionFigures(byCategory.get(category)!) })),
    byDepartment: [...byDepartment.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, d]) => ({ department: { code, name: d.name }, ...resolutionFigures(d.days) })),
  };
}
export type ProblemStats = Awaited<ReturnType<typeof problemStats>>;

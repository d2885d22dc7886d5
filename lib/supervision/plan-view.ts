import "server-only";
import type { Prisma, Tx } from "../db";
import { isoDate } from "../dates";
import { planStateOf } from "./plan-machine";

/** What a plan (责任书) is read with: the letter and its four milestones. */
export const planSelect = {
  id: true,
  projectId: true,
  year: true,
  goalStage: true,
  goalInvestment: true,
  leaderId: true,
  signedAt: true,
  signedById: true,
  createdById: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  milestones: {
    orderBy: { quarter: "asc" },
    select: { quarter: true, stage: true, investment: true, task: true, dueDate: true },
  },
} as const satisfies Prisma.ProjectPlanSelect;

export type PlanRow = Prisma.ProjectPlanGetPayload<{ select: typeof planSelect }>;

/**
 * The plan as the API and the pages give it: money as decimal strings (万元), dates ISO,
 * `signedBy` the id of the leader who signed (签字认领) and the names beside the ids.
 */
export function toPlanView(row: PlanRow, names: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    projectId: row.projectId,
    year: row.year,
    state: planStateOf(row)!,
    goalStage: row.goalStage,
    goalInvestment: row.goalInvestment.toFixed(2),
    leaderId: row.leaderId,
    leaderName: names.get(row.leaderId) ?? null,
    signedAt: row.signedAt?.toISOString() ?? null,
    signedBy: row.signedById,
    signedByName: row.signedById ? (names.get(row.signedById) ?? null) : null,
    createdById: row.createdById,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    milestones: row.milestones.map((m) => ({
      quarter: m.quarter,
      stage: m.stage,
      investment: m.investment.toFixed(2),
      task: m.task,
      dueDate: isoDate(m.dueDate)!,
    })),
  };
}
export type PlanView = ReturnType<typeof toPlanView>;

/** The view of a plan row, with the names of its leader and signer read in one query. */
export async function planView(db: Tx, row: PlanRow): Promise<PlanView> {
  const ids = [row.leaderId, row.signedById].filter((id): id is string => !!id);
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  return toPlanView(row, new Map(users.map((u) => [u.id, u.displayName])));
}

/** A plan's fields as its audit rows keep them (no names: the history names ids itself). */
export function planSnapshot(v: PlanView) {
  const { leaderName: _l, signedByName: _s, updatedAt: _u, ...rest } = v;
  void _l;
  void _s;
  void _u;
  return rest;
}

/** A request body as an object (anything else reads as empty, and is refused field by field). */
export const bodyOf = (input: unknown): Record<string, unknown> =>
  input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};

// No "server-only" marker: it works on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) writes through it too.
import type { Tx } from "../db";
import type { ProblemState } from "./problem-machine";

export type ProblemEventAction =
  "RAISED" | "STARTED" | "RESOLVED" | "CLOSED_UNRESOLVED" | "REOPENED" | "EDITED" | "ESCALATION_PROPOSED" | "ESCALATED";

/** The one writer of a problem's timeline (problem_events): one step, its states and levels, by whom, why. */
export async function writeProblemEvent(
  tx: Tx,
  e: {
    problemId: string;
    action: ProblemEventAction;
    fromState: ProblemState | null;
    toState: ProblemState;
    fromLevel?: number | null;
    toLevel: number;
    actorId: string | null;
    note?: string | null;
    /** When it happened, if not now (the demo's past problems). */
    at?: Date;
  },
) {
  await tx.problemEvent.create({
    data: {
      problemId: e.problemId,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      fromLevel: e.fromLevel ?? null,
      toLevel: e.toLevel,
      actorId: e.actorId,
      note: e.note ?? null,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}

/** A problem's timeline, oldest first, with who did each step (the caller checked the problem is visible). */
export async function readProblemEvents(db: Tx, problemId: string) {
  const rows = await db.problemEvent.findMany({ where: { problemId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })
    : [];
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id,
    action: r.action as ProblemEventAction,
    fromState: r.fromState,
    toState: r.toState,
    fromLevel: r.fromLevel,
    toLevel: r.toLevel,
    note: r.note,
    at: r.at.toISOString(),
    by: r.actorId ? (name.get(r.actorId) ?? null) : null,
  }));
}
export type ProblemEventView = Awaited<ReturnType<typeof readProblemEvents>>[number];

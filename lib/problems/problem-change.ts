import "server-only";
import type { Tx } from "../db";
import { can, type Actor } from "../auth/permissions";
import { writeAudit } from "../audit/log";
import { shanghaiToday } from "../dates";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { notify } from "../notifications/notify";
import { recomputeWarning } from "../supervision/recompute-warning";
import type { ProblemFacts, ProblemRule, ProblemState, ProblemVerdict } from "./problem-machine";
import {
  problemAudit,
  problemHref,
  problemSelect,
  problemView,
  visibleProblemsWhere,
  type ProblemRow,
  type ProblemView,
} from "./problem-access";
import { writeProblemEvent, type ProblemEventAction } from "./problem-timeline";

/** The actor's side in a problem, as the machine asks it. */
export function problemFacts(
  actor: Actor,
  p: Pick<ProblemRow, "state" | "level" | "departmentId" | "project">,
): ProblemFacts {
  const manager = can(actor.role, "problem.manage");
  const leader = p.project.leaderId === actor.id;
  return {
    state: p.state,
    level: p.level,
    manager,
    departmentMember: !!actor.departmentId && actor.departmentId === p.departmentId,
    projectOwnerOrLeader: p.project.ownerId === actor.id || leader,
    escalator: can(actor.role, "problem.escalate") && (manager || leader),
  };
}

/**
 * Throws what the machine refused, in the order every problem use-case answers: FORBIDDEN
 * with the permission it lacked, then a stale `version` (409), then the rule (422).
 */
export function enforceProblem(
  verdict: ProblemVerdict,
  permission: string,
  version: { current: number; sent: number },
) {
  if (!verdict.ok && verdict.rule === "FORBIDDEN") throw new AppError("FORBIDDEN", { params: { action: permission } });
  assertVersion(version.current, version.sent);
  if (verdict.ok) return verdict.next;
  throw new AppError(verdict.rule satisfies ProblemRule);
}

/**
 * What every change of a problem starts with inside its transaction: the problem locked (404
 * when the actor may not see it) and the machine's facts.
 */
export async function beginProblemChange(tx: Tx, actor: Actor, id: string) {
  if (!(await lockRow(tx, "problems", id))) throw new AppError("NOT_FOUND");
  const p = await tx.problem.findFirst({ where: { id, AND: [visibleProblemsWhere(actor)] }, select: problemSelect });
  if (!p) throw new AppError("NOT_FOUND");
  const today = shanghaiToday();
  return { p, today, facts: problemFacts(actor, p), before: problemAudit(await problemView(tx, id, today)) };
}

/** The active users of a department. */
export async function departmentUsers(tx: Tx, departmentId: string): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { departmentId, active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * And what it ends with, in the same transaction: the step on the problem's timeline, the
 * audit row (before and after), the people concerned told (`to`, never the actor), and the
 * project's colour recomputed (an overdue level-3 problem turns it YELLOW). Answers the
 * problem as it now is.
 */
export async function endProblemChange(
  tx: Tx,
  {
    actor,
    p,
    next,
    today,
    event,
    note = null,
    toLevel,
    audit,
    before,
    extraAudit = {},
    to,
    kind,
    params = {},
  }: {
    actor: Actor;
    p: { id: string; state: ProblemState; level: number };
    next: ProblemState;
    today: string;
    event: ProblemEventAction;
    note?: string | null;
    toLevel?: number;
    audit: string;
    before: unknown;
    extraAudit?: Record<string, unknown>;
    to: (string | null)[];
    kind: string | null;
    params?: Record<string, string | number>;
  },
): Promise<ProblemView> {
  await writeProblemEvent(tx, {
    problemId: p.id,
    action: event,
    fromState: p.state,
    toState: next,
    fromLevel: p.level,
    toLevel: toLevel ?? p.level,
    actorId: actor.id,
    note,
  });
  const view = await problemView(tx, p.id, today);
  await writeAudit(tx, {
    actorId: actor.id,
    entityType: "Problem",
    entityId: p.id,
    action: audit,
    before,
    after: { ...problemAudit(view), ...extraAudit },
  });
  if (kind)
    await notify(tx, {
      userIds: to.filter((u) => u !== actor.id),
      kind,
      params: { projectName: view.projectName, title: view.title, ...params },
      href: problemHref(view.id),
      entity: { type: "Problem", id: view.id },
    });
  await recomputeWarning(tx, view.projectId, { actorId: actor.id });
  return view;
}

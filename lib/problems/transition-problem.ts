import "server-only";
import { getDb } from "../db";
import type { Actor } from "../auth/permissions";
import { parseInput } from "../validation";
import { checkProblemAction, transitionAction, type ProblemAction } from "./problem-machine";
import { beginProblemChange, departmentUsers, endProblemChange, enforceProblem } from "./problem-change";
import type { ProblemEventAction } from "./problem-timeline";
import { transitionProblemSchema } from "./schemas";

const steps: Record<
  ProblemAction,
  { event: ProblemEventAction; audit: string; kind: string; permission: string } | null
> = {
  START: { event: "STARTED", audit: "start", kind: "problemStarted", permission: "problem.work" },
  RESOLVE: { event: "RESOLVED", audit: "resolve", kind: "problemResolved", permission: "problem.work" },
  CLOSE_UNRESOLVED: {
    event: "CLOSED_UNRESOLVED",
    audit: "close-unresolved",
    kind: "problemClosedUnresolved",
    permission: "project.problem",
  },
  REOPEN: { event: "REOPENED", audit: "reopen", kind: "problemReopened", permission: "problem.manage" },
  ESCALATE: null,
  EDIT: null,
};

/**
 * POST /api/v1/problems/{id}/transitions `{"to", "resolution"|"reason", "version"}`: start
 * (IN_PROGRESS), resolve with the resolution (RESOLVED), close unresolved with the reason, or
 * reopen (OPEN, a manager, with the reason: the level's clock starts afresh). The department
 * and the project's owner and leader are told.
 */
export async function transitionProblem({
  actor,
  problemId,
  input,
}: {
  actor: Actor;
  problemId: string;
  input: unknown;
}) {
  const data = parseInput(transitionProblemSchema, input);
  const action = transitionAction(data.to);
  const step = steps[action]!;
  return getDb().$transaction(async (tx) => {
    const { p, today, facts, before } = await beginProblemChange(tx, actor, problemId);
    const next = enforceProblem(checkProblemAction(action, facts), step.permission, {
      current: p.version,
      sent: data.version,
    });
    const now = new Date();
    await tx.problem.update({
      where: { id: p.id },
      data: {
        state: next,
        ...(action === "RESOLVE" ? { resolution: data.resolution!, resolvedAt: now, resolvedById: actor.id } : {}),
        ...(action === "CLOSE_UNRESOLVED" ? { closeReason: data.reason! } : {}),
        ...(action === "REOPEN"
          ? { resolvedAt: null, resolvedById: null, levelSince: now, escalationProposedAt: null }
          : {}),
        version: { increment: 1 },
      },
    });
    const note = action === "RESOLVE" ? data.resolution! : action === "START" ? null : data.reason!;
    return endProblemChange(tx, {
      actor,
      p,
      next,
      today,
      event: step.event,
      note,
      audit: step.audit,
      before,
      extraAudit: action === "REOPEN" ? { reason: data.reason } : {},
      to: [
        p.project.ownerId,
        p.project.leaderId,
        p.raisedById,
        ...(action === "REOPEN" || action === "CLOSE_UNRESOLVED" ? await departmentUsers(tx, p.departmentId) : []),
      ],
      kind: step.kind,
      params: { resolution: data.resolution ?? "", reason: data.reason ?? "" },
    });
  });
}

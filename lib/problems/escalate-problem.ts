import "server-only";
import { getDb, type Tx } from "../db";
import { assertCan, rolesWith, type Actor } from "../auth/permissions";
import { parseInput } from "../validation";
import { checkProblemAction } from "./problem-machine";
import { beginProblemChange, departmentUsers, endProblemChange, enforceProblem } from "./problem-change";
import { escalateProblemSchema } from "./schemas";

/** The active users who may act on any problem (the managers: told of escalations and proposals). */
export async function problemManagers(tx: Tx): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { role: { in: rolesWith("problem.manage") }, active: true },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * POST /api/v1/problems/{id}/escalate `{"reason", "version"}` (三级调度): a manager, or the
 * project's leader in charge, takes an open problem to the next level (at most 3), with why.
 * The level's clock starts afresh and a pending proposal is settled; the timeline keeps the
 * levels, who decided and why. The project's people, the department and the managers are told.
 */
export async function escalateProblem({
  actor,
  problemId,
  input,
}: {
  actor: Actor;
  problemId: string;
  input: unknown;
}) {
  assertCan(actor, "problem.escalate");
  const data = parseInput(escalateProblemSchema, input);
  return getDb().$transaction(async (tx) => {
    const { p, today, facts, before } = await beginProblemChange(tx, actor, problemId);
    const next = enforceProblem(checkProblemAction("ESCALATE", facts), "problem.escalate", {
      current: p.version,
      sent: data.version,
    });
    const toLevel = p.level + 1;
    await tx.problem.update({
      where: { id: p.id },
      data: { level: toLevel, levelSince: new Date(), escalationProposedAt: null, version: { increment: 1 } },
    });
    return endProblemChange(tx, {
      actor,
      p,
      next,
      today,
      event: "ESCALATED",
      note: data.reason,
      toLevel,
      audit: "escalate",
      before,
      extraAudit: { reason: data.reason },
      to: [
        p.project.ownerId,
        p.project.leaderId,
        p.raisedById,
        ...(await departmentUsers(tx, p.departmentId)),
        ...(await problemManagers(tx)),
      ],
      kind: "problemEscalated",
      params: { level: toLevel, reason: data.reason },
    });
  });
}

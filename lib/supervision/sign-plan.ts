import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, can, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { notify } from "../notifications/notify";
import { lockProject } from "../projects/load";
import { parseInput } from "../validation";
import { checkPlanAction, planStateOf } from "./plan-machine";
import { bodyOf, planSelect, planSnapshot, planView } from "./plan-view";
import { recomputeWarning } from "./recompute-warning";
import { signPlanSchema } from "./schemas";

/**
 * 签字认领: the leader named on the plan signs it in the app (who and when are kept);
 * anyone else is refused (403), a signed plan is not signed twice (422). The owner and
 * the drafter hear of it.
 */
export async function signPlan({
  actor,
  projectId,
  year,
  input,
}: {
  actor: Actor;
  projectId: string;
  year: unknown;
  input: unknown;
}) {
  const data = parseInput(signPlanSchema, { ...bodyOf(input), year });
  return getDb().$transaction(async (tx) => {
    const { row: project } = await lockProject(tx, { actor, id: projectId });
    assertCan(actor, "supervision.read");
    const plan = await tx.projectPlan.findUnique({
      where: { projectId_year: { projectId, year: data.year } },
      select: planSelect,
    });
    if (!plan) throw new AppError("NOT_FOUND");
    await lockRow(tx, "project_plans", plan.id);
    const verdict = checkPlanAction("SIGN", {
      state: planStateOf(plan),
      drafter: false,
      planLeader: plan.leaderId === actor.id && can(actor.role, "project.lead"),
      changeSigned: false,
      hasReason: false,
    });
    if (!verdict.ok) throw new AppError(verdict.rule, { fields: verdict.fields, labels: "plan" });
    assertVersion(plan.version, data.version);
    const row = await tx.projectPlan.update({
      where: { id: plan.id },
      data: { signedAt: new Date(), signedById: actor.id, version: { increment: 1 } },
      select: planSelect,
    });
    const view = await planView(tx, row);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "ProjectPlan",
      entityId: plan.id,
      action: "sign",
      before: planSnapshot(await planView(tx, plan)),
      after: planSnapshot(view),
    });
    await notify(tx, {
      userIds: [project.ownerId, plan.createdById].filter((id) => id !== actor.id),
      kind: "planSigned",
      params: { project: project.name, year: data.year, by: actor.displayName },
      href: `/projects/${projectId}?tab=supervision&year=${data.year}`,
      entity: { type: "ProjectPlan", id: plan.id },
    });
    await recomputeWarning(tx, projectId, { actorId: actor.id });
    return view;
  });
}

import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, can, canOnProject, rolesWith, type Actor } from "../auth/permissions";
import { storedDate } from "../dates";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { notify } from "../notifications/notify";
import { lockProject } from "../projects/load";
import { pipelineStages, type Stage } from "../projects/stages";
import { parseInput } from "../validation";
import { checkPlanAction, planStateOf, saveActionFor } from "./plan-machine";
import { quarterEnd } from "./plan-dates";
import { bodyOf, planSelect, planSnapshot, planView } from "./plan-view";
import { recomputeWarning } from "./recompute-warning";
import { savePlanSchema } from "./schemas";

const order = (s: Stage) => (pipelineStages as readonly Stage[]).indexOf(s);

/**
 * Drafts or edits a project's plan for a year (责任书, PUT): the owner, the leader in charge
 * or a manager while it is a draft; once the leader has signed, only a manager, with a
 * reason — the changed plan goes back to the leader to sign. One transaction: the project
 * and the plan locked, the version checked (required from the second save), the plan and
 * its four milestones written, the audit row (with the reason), the leader's inbox, and the
 * project's colour recomputed.
 */
export async function savePlan({
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
  const data = parseInput(savePlanSchema, { ...bodyOf(input), year });
  return getDb().$transaction(async (tx) => {
    const { row: project } = await lockProject(tx, { actor, id: projectId });
    assertCan(actor, "supervision.read");
    const existing = await tx.projectPlan.findUnique({
      where: { projectId_year: { projectId, year: data.year } },
      select: planSelect,
    });
    if (existing) await lockRow(tx, "project_plans", existing.id);
    const state = planStateOf(existing);
    const action = saveActionFor(state);
    const verdict = checkPlanAction(action, {
      state,
      drafter: canOnProject(actor, project, "plan"),
      planLeader: false,
      changeSigned: can(actor.role, "plan.changeSigned"),
      hasReason: !!data.reason,
    });
    if (!verdict.ok) throw new AppError(verdict.rule, { fields: verdict.fields, labels: "plan" });
    if (existing) {
      if (data.version === undefined)
        throw new AppError("VALIDATION", { fields: { version: "validation.version" }, labels: "plan" });
      assertVersion(existing.version, data.version);
    }

    // The goal cannot be behind where the project already is (a suspended one: where it stopped).
    if (project.stage === "TERMINATED") throw new AppError("RULE_PLAN_PROJECT_TERMINATED");
    const current = (project.stage === "SUSPENDED" ? project.suspendedFrom : project.stage) as Stage | null;
    if (current && order(data.goalStage) < order(current))
      throw new AppError("VALIDATION", { fields: { goalStage: "validation.planGoalBehind" }, labels: "plan" });

    const leaderId = data.leaderId ?? existing?.leaderId ?? project.leaderId;
    if (!leaderId) throw new AppError("VALIDATION", { fields: { leaderId: "validation.required" }, labels: "plan" });
    const leader = await tx.user.findFirst({
      where: { id: leaderId, active: true, role: { in: rolesWith("project.lead") } },
      select: { id: true },
    });
    if (!leader) throw new AppError("VALIDATION", { fields: { leaderId: "validation.leaderMissing" }, labels: "plan" });

    const milestones = [...data.milestones]
      .sort((a, b) => a.quarter - b.quarter)
      .map((m) => ({
        quarter: m.quarter,
        stage: m.stage,
        investment: m.investment,
        task: m.task,
        dueDate: m.dueDate ?? storedDate(quarterEnd(data.year, m.quarter)),
      }));
    const fields = { goalStage: data.goalStage, goalInvestment: data.goalInvestment, leaderId };
    const row = existing
      ? await tx.projectPlan.update({
          where: { id: existing.id },
          data: {
            ...fields,
            // A changed letter is signed again by its leader.
            ...(action === "CHANGE" ? { signedAt: null, signedById: null } : {}),
            version: { increment: 1 },
            milestones: { deleteMany: {}, create: milestones },
          },
          select: planSelect,
        })
      : await tx.projectPlan.create({
          data: { projectId, year: data.year, ...fields, createdById: actor.id, milestones: { create: milestones } },
          select: planSelect,
        });
    const view = await planView(tx, row);
    const before = existing ? planSnapshot(await planView(tx, existing)) : null;
    const audited = !existing ? "create" : action === "CHANGE" ? "change" : "update";
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "ProjectPlan",
      entityId: row.id,
      action: audited,
      before,
      after: { ...planSnapshot(view), reason: data.reason ?? null },
    });
    // The leader signs a new draft, a changed letter, and a draft newly put in their charge;
    // the owner hears of a change to the signed letter.
    const href = `/projects/${projectId}?tab=supervision&year=${data.year}`;
    const params = { project: project.name, year: data.year, by: actor.displayName };
    const entity = { type: "ProjectPlan", id: row.id };
    if (!existing || action === "CHANGE" || existing.leaderId !== leaderId)
      await notify(tx, { userIds: [leaderId], kind: "planToSign", params, href, entity });
    if (action === "CHANGE")
      await notify(tx, {
        userIds: [project.ownerId].filter((id) => id !== actor.id),
        kind: "planChanged",
        params: { ...params, reason: data.reason ?? "" },
        href,
        entity,
      });
    await recomputeWarning(tx, projectId, { actorId: actor.id });
    return view;
  });
}

import "server-only";
import { Decimal, getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, assertCanOnProject, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { lockProject } from "../projects/load";
import { parseInput } from "../validation";
import { syncPlanProgress } from "./plan-progress";
import { progressSelect, toProgressView } from "./progress-view";
import { recomputeWarning } from "./recompute-warning";
import { progressEntrySchema } from "./schemas";

/** The most Decimal(5, 2) holds. */
const maxPercent = new Decimal("999.99");

/**
 * 日调度: a progress entry on a project under dispatch (it has a plan for the entry's year;
 * else 422 RULE_NOT_UNDER_DISPATCH). The percent of the year's goal is computed from the
 * goal when not given. Attachments were uploaded to the project before and are linked
 * here: each must be the project's and not linked to anything yet. One transaction with
 * the audit row and the recomputed colour.
 */
export async function addProgressEntry({
  actor,
  projectId,
  input,
}: {
  actor: Actor;
  projectId: string;
  input: unknown;
}) {
  const data = parseInput(progressEntrySchema, input);
  return getDb().$transaction(async (tx) => {
    const { row: project } = await lockProject(tx, { actor, id: projectId });
    assertCan(actor, "supervision.read");
    assertCanOnProject(actor, project, "progress");
    const year = data.date.getUTCFullYear();
    const plan = await tx.projectPlan.findUnique({
      where: { projectId_year: { projectId, year } },
      select: { goalInvestment: true },
    });
    if (!plan) throw new AppError("RULE_NOT_UNDER_DISPATCH", { params: { year } });
    const percent =
      data.percent ??
      Decimal.min(new Decimal(data.investmentCompleted).div(plan.goalInvestment).times(100), maxPercent).toFixed(
        2,
        Decimal.ROUND_HALF_UP,
      );
    const ids = [...new Set(data.attachmentIds)];
    const entry = await tx.progressEntry.create({
      data: {
        projectId,
        date: data.date,
        investmentCompleted: data.investmentCompleted,
        percent,
        note: data.note ?? null,
        problems: data.problems ?? null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await syncPlanProgress(tx, [projectId]);
    if (ids.length) {
      // Only the project's own files, not yet linked to an entry, a notice or the permit case;
      // the condition is in the update itself, so two entries cannot take the same file.
      const linked = await tx.attachment.updateMany({
        where: { id: { in: ids }, projectId, progressEntryId: null, noticeId: null, permitCaseId: null },
        data: { progressEntryId: entry.id },
      });
      if (linked.count !== ids.length)
        throw new AppError("VALIDATION", {
          fields: { attachmentIds: "validation.attachmentUnavailable" },
          labels: "progress",
        });
    }
    const view = toProgressView(
      await tx.progressEntry.findUniqueOrThrow({ where: { id: entry.id }, select: progressSelect }),
    );
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Project",
      entityId: projectId,
      action: "progress:add",
      after: { progress: view },
    });
    await recomputeWarning(tx, projectId, { actorId: actor.id });
    return view;
  });
}

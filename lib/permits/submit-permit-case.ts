import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/permissions";
import { addWorkingDays } from "../calendar/working-days";
import { shanghaiToday, storedDate } from "../dates";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { loadCalendar } from "../calendar/load-calendar";
import { caseFacts, caseView, enforce, lockCase } from "./load";
import { checkCaseAction } from "./permit-machine";
import { requiredToSubmit, versionSchema } from "./schemas";
import { writePermitEvent } from "./timeline";

/**
 * Submits a draft: every active permit type becomes an item of its department, all at
 * once (并联审批), each with its working-day limit (fast-track or statutory) from today.
 * The application must be complete and at least one document attached (一套材料).
 */
export async function submitPermitCase({ actor, caseId, input }: { actor: Actor; caseId: string; input: unknown }) {
  const { version } = parseInput(versionSchema, input);
  return getDb().$transaction(async (tx) => {
    const c = await lockCase(tx, { actor, id: caseId });
    const next = enforce(checkCaseAction("SUBMIT", caseFacts(actor, c)), "project.permit", {
      current: c.version,
      sent: version,
    });
    const fields: Record<string, string> = {};
    for (const k of requiredToSubmit) {
      const v = c[k];
      if (v === null || v === "") fields[k] = "validation.required";
    }
    if (Object.keys(fields).length)
      throw new AppError("RULE_PERMIT_APPLICATION_INCOMPLETE", { fields, labels: "permitCase" });
    if ((await tx.attachment.count({ where: { permitCaseId: caseId } })) === 0)
      throw new AppError("RULE_PERMIT_DOCUMENTS_MISSING");
    const types = await tx.permitType.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } });
    const cal = await loadCalendar(tx);
    const today = shanghaiToday();
    let latest = today;
    for (const t of types) {
      const limitDays = c.fastTrack ? t.fastTrackDays : t.statutoryDays;
      const due = addWorkingDays(cal, today, limitDays);
      if (due > latest) latest = due;
      await tx.permitItem.create({
        data: {
          caseId,
          permitTypeId: t.id,
          departmentId: t.departmentId,
          limitDays,
          startDate: storedDate(today),
          dueDate: storedDate(due),
        },
      });
    }
    await tx.permitCase.update({
      where: { id: caseId },
      data: {
        state: next,
        submittedAt: new Date(),
        startDate: storedDate(today),
        dueDate: storedDate(latest),
        version: { increment: 1 },
      },
    });
    await writePermitEvent(tx, {
      caseId,
      type: "SUBMITTED",
      userId: actor.id,
      data: { items: types.length, fastTrack: c.fastTrack },
    });
    const view = await caseView(tx, caseId);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PermitCase",
      entityId: caseId,
      action: "submit",
      after: { state: view.state, dueDate: view.dueDate },
    });
    return view;
  });
}

import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/permissions";
import { parseInput } from "../validation";
import { caseFacts, caseView, enforce, lockCase } from "./load";
import { checkCaseAction } from "./permit-machine";
import { updateApplicationSchema } from "./schemas";
import { writePermitEvent } from "./timeline";

/** The application (一表申请) changes while the case is a draft, or while an item waits for 补正. */
export async function updateApplication({ actor, caseId, input }: { actor: Actor; caseId: string; input: unknown }) {
  const data = parseInput(updateApplicationSchema, input);
  return getDb().$transaction(async (tx) => {
    const c = await lockCase(tx, { actor, id: caseId });
    const facts = caseFacts(actor, c);
    enforce(checkCaseAction("EDIT_APPLICATION", facts), "project.permit", { current: c.version, sent: data.version });
    if (data.fastTrack !== undefined && data.fastTrack !== c.fastTrack)
      enforce(checkCaseAction("CHANGE_FAST_TRACK", facts), "project.permit");
    const before = await caseView(tx, caseId);
    const { version: _v, ...patch } = data;
    void _v;
    await tx.permitCase.update({ where: { id: caseId }, data: { ...patch, version: { increment: 1 } } });
    await writePermitEvent(tx, { caseId, type: "UPDATED", userId: actor.id });
    const after = await caseView(tx, caseId);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PermitCase",
      entityId: caseId,
      action: "update",
      before: before.application,
      after: after.application,
    });
    return after;
  });
}

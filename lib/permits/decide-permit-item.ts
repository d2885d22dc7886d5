import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { workingDaysBetween } from "../calendar/working-days";
import { isoDate, shanghaiToday, storedDate } from "../dates";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { loadCalendar } from "../calendar/load-calendar";
import { enforce, itemFacts, lockItem } from "./load";
import { caseStateAfter, checkItemAction } from "./permit-machine";
import { decisionSchema } from "./schemas";
import { writePermitEvent } from "./timeline";
import { caseSelect, toCaseView } from "./view";

/**
 * An approver's decision on an item of their own department: APPROVE (certificate number
 * and date), RETURN for correction (what is missing; the item's clock stops), or REJECT
 * (reason; the case is REJECTED). When the last item is approved the case is ISSUED
 * (七证同发). One transaction, optimistic locking on the item, timeline and audit.
 */
export async function decidePermitItem({ actor, itemId, input }: { actor: Actor; itemId: string; input: unknown }) {
  assertCan(actor, "permit.decide");
  const data = parseInput(decisionSchema, input);
  return getDb().$transaction(async (tx) => {
    const { c, item } = await lockItem(tx, { actor, itemId });
    const next = enforce(checkItemAction(data.action, itemFacts(actor, c, item)), "permit.decide.department", {
      current: item.version,
      sent: data.version,
    });
    const cal = await loadCalendar(tx);
    const today = shanghaiToday();
    const spent = Math.max(0, workingDaysBetween(cal, isoDate(item.startDate)!, today) - item.pausedDays);
    const decided = {
      decidedDate: storedDate(today),
      decidedAt: new Date(),
      decidedById: actor.id,
      workingDays: spent,
      version: { increment: 1 },
    };

    if (data.action === "APPROVE") {
      if (isoDate(data.certificateDate)! > today)
        throw new AppError("VALIDATION", { fields: { certificateDate: "validation.notFuture" } });
      await tx.permitItem.update({
        where: { id: itemId },
        data: { state: next, certificateNo: data.certificateNo, certificateDate: data.certificateDate, ...decided },
      });
      await writePermitEvent(tx, {
        caseId: c.id,
        itemId,
        type: "APPROVED",
        userId: actor.id,
        note: data.note,
        data: { certificateNo: data.certificateNo, certificateDate: isoDate(data.certificateDate), workingDays: spent },
      });
    } else if (data.action === "RETURN") {
      await tx.permitItem.update({
        where: { id: itemId },
        data: {
          state: next,
          missing: data.missing,
          returnedDate: storedDate(today),
          returns: { increment: 1 },
          version: { increment: 1 },
        },
      });
      await writePermitEvent(tx, {
        caseId: c.id,
        itemId,
        type: "RETURNED",
        userId: actor.id,
        note: data.note,
        data: { missing: data.missing },
      });
    } else {
      await tx.permitItem.update({
        where: { id: itemId },
        data: { state: next, rejectReason: data.reason, ...decided },
      });
      await writePermitEvent(tx, { caseId: c.id, itemId, type: "REJECTED", userId: actor.id, note: data.reason });
    }

    // The case follows its items.
    const items = await tx.permitItem.findMany({ where: { caseId: c.id }, select: { state: true } });
    const state = caseStateAfter(items.map((i) => i.state));
    const closing = state === "ISSUED" || state === "REJECTED";
    await tx.permitCase.update({
      where: { id: c.id },
      data: {
        state,
        ...(closing ? { closedAt: new Date(), closedDate: storedDate(today) } : {}),
        version: { increment: 1 },
      },
    });
    if (state === "ISSUED")
      await writePermitEvent(tx, {
        caseId: c.id,
        type: "ISSUED",
        userId: actor.id,
        data: { workingDays: workingDaysBetween(cal, isoDate(c.startDate)!, today) },
      });
    if (state === "REJECTED")
      await writePermitEvent(tx, { caseId: c.id, type: "CASE_REJECTED", userId: actor.id, note: item.permitType.name });
    const view = toCaseView(
      cal,
      await tx.permitCase.findUniqueOrThrow({ where: { id: c.id }, select: caseSelect }),
      today,
    );
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PermitCase",
      entityId: c.id,
      action: `item:${data.action.toLowerCase()}`,
      before: { itemId, state: item.state, version: item.version },
      after: { item: view.items.find((i) => i.id === itemId), caseState: view.state },
    });
    return view;
  });
}

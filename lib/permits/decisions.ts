import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, assertCanOnProject, type Actor } from "../auth/permissions";
import { addWorkingDays, workingDaysBetween } from "../calendar/working-days";
import { isoDate, shanghaiToday, storedDate } from "../dates";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { parseInput } from "../validation";
import { loadCalendar, refreshCaseDueDate } from "./calendar";
import { event, lockCase } from "./cases";
import { decisionSchema, resubmitSchema } from "./schemas";
import { caseSelect, toCaseView } from "./view";

async function lockedItem(tx: Parameters<typeof lockCase>[0], itemId: string) {
  const found = await tx.permitItem.findUnique({ where: { id: itemId }, select: { caseId: true } });
  if (!found) throw new AppError("NOT_FOUND");
  // The case row first: every decision on a case queues here, so the last two approvals
  // arriving together see each other and the case is issued exactly once.
  const c = await lockCase(tx, found.caseId);
  await lockRow(tx, "permit_items", itemId);
  const item = await tx.permitItem.findUniqueOrThrow({
    where: { id: itemId },
    include: { permitType: { select: { code: true, name: true } } },
  });
  return { c, item };
}

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
    const { c, item } = await lockedItem(tx, itemId);
    if (!actor.departmentId || item.departmentId !== actor.departmentId)
      throw new AppError("FORBIDDEN", { params: { action: "permit.decide.department" } });
    if (c.state !== "SUBMITTED" && c.state !== "IN_REVIEW") throw new AppError("RULE_PERMIT_CASE_CLOSED");
    assertVersion(item.version, data.version);
    if (item.state !== "PENDING") throw new AppError("RULE_PERMIT_ITEM_NOT_PENDING");
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
        data: {
          state: "APPROVED",
          certificateNo: data.certificateNo,
          certificateDate: data.certificateDate,
          ...decided,
        },
      });
      await event(tx, {
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
          state: "RETURNED",
          missing: data.missing,
          returnedDate: storedDate(today),
          returns: { increment: 1 },
          version: { increment: 1 },
        },
      });
      await event(tx, {
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
        data: { state: "REJECTED", rejectReason: data.reason, ...decided },
      });
      await event(tx, { caseId: c.id, itemId, type: "REJECTED", userId: actor.id, note: data.reason });
    }

    // The case follows its items.
    const counts = await tx.permitItem.groupBy({ by: ["state"], where: { caseId: c.id }, _count: { _all: true } });
    const n = (s: string) => counts.find((x) => x.state === s)?._count._all ?? 0;
    const total = counts.reduce((a, x) => a + x._count._all, 0);
    let state: "IN_REVIEW" | "ISSUED" | "REJECTED" = "IN_REVIEW";
    if (n("REJECTED") > 0) state = "REJECTED";
    else if (n("APPROVED") === total) state = "ISSUED";
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
      await event(tx, {
        caseId: c.id,
        type: "ISSUED",
        userId: actor.id,
        data: { workingDays: workingDaysBetween(cal, isoDate(c.startDate)!, today) },
      });
    if (state === "REJECTED")
      await event(tx, { caseId: c.id, type: "CASE_REJECTED", userId: actor.id, note: item.permitType.name });
    const view = toCaseView(
      cal,
      await tx.permitCase.findUniqueOrThrow({ where: { id: c.id }, select: caseSelect }),
      today,
    );
    const after = view.items.find((i) => i.id === itemId);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PermitCase",
      entityId: c.id,
      action: `item:${data.action.toLowerCase()}`,
      before: { itemId, state: item.state, version: item.version },
      after: { item: after, caseState: view.state },
    });
    return view;
  });
}

/**
 * The applicant's side of 补正: the owner resubmits a returned item with a note of what
 * was supplied. The days it waited are added to its paused days, so its due date moves
 * by exactly the working days the clock stood still.
 */
export async function resubmitPermitItem({ actor, itemId, input }: { actor: Actor; itemId: string; input: unknown }) {
  const data = parseInput(resubmitSchema, input);
  return getDb().$transaction(async (tx) => {
    const { c, item } = await lockedItem(tx, itemId);
    assertCanOnProject(actor, c.project, "permit");
    if (c.state !== "SUBMITTED" && c.state !== "IN_REVIEW") throw new AppError("RULE_PERMIT_CASE_CLOSED");
    assertVersion(item.version, data.version);
    if (item.state !== "RETURNED") throw new AppError("RULE_PERMIT_ITEM_NOT_RETURNED");
    const cal = await loadCalendar(tx);
    const today = shanghaiToday();
    const waited = workingDaysBetween(cal, isoDate(item.returnedDate)!, today);
    const pausedDays = item.pausedDays + waited;
    const due = addWorkingDays(cal, isoDate(item.startDate)!, item.limitDays + pausedDays);
    await tx.permitItem.update({
      where: { id: itemId },
      data: {
        state: "PENDING",
        pausedDays,
        dueDate: storedDate(due),
        returnedDate: null,
        missing: [],
        version: { increment: 1 },
      },
    });
    await refreshCaseDueDate(tx, c.id);
    await tx.permitCase.update({ where: { id: c.id }, data: { version: { increment: 1 } } });
    await event(tx, {
      caseId: c.id,
      itemId,
      type: "RESUBMITTED",
      userId: actor.id,
      note: data.note,
      data: { missing: item.missing, pausedDays: waited, dueDate: due },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PermitCase",
      entityId: c.id,
      action: "item:resubmit",
      before: { itemId, state: "RETURNED", dueDate: isoDate(item.dueDate) },
      after: { itemId, state: "PENDING", dueDate: due, pausedDays },
    });
    return toCaseView(cal, await tx.permitCase.findUniqueOrThrow({ where: { id: c.id }, select: caseSelect }), today);
  });
}

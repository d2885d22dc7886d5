import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/permissions";
import { addWorkingDays, workingDaysBetween } from "../calendar/working-days";
import { isoDate, shanghaiToday, storedDate } from "../dates";
import { parseInput } from "../validation";
import { loadCalendar } from "../calendar/load-calendar";
import { refreshCaseDueDate } from "./calendar";
import { enforce, itemFacts, lockItem } from "./load";
import { checkItemAction } from "./permit-machine";
import { resubmitSchema } from "./schemas";
import { writePermitEvent } from "./timeline";
import { caseSelect, toCaseView } from "./view";

/**
 * The applicant's side of 补正: the owner resubmits a returned item with a note of what
 * was supplied. The days it waited are added to its paused days, so its due date moves
 * by exactly the working days the clock stood still.
 */
export async function resubmitPermitItem({ actor, itemId, input }: { actor: Actor; itemId: string; input: unknown }) {
  const data = parseInput(resubmitSchema, input);
  return getDb().$transaction(async (tx) => {
    const { c, item } = await lockItem(tx, { actor, itemId });
    const next = enforce(checkItemAction("RESUBMIT", itemFacts(actor, c, item)), "project.permit", {
      current: item.version,
      sent: data.version,
    });
    const cal = await loadCalendar(tx);
    const today = shanghaiToday();
    const waited = workingDaysBetween(cal, isoDate(item.returnedDate)!, today);
    const pausedDays = item.pausedDays + waited;
    const due = addWorkingDays(cal, isoDate(item.startDate)!, item.limitDays + pausedDays);
    await tx.permitItem.update({
      where: { id: itemId },
      data: {
        state: next,
        pausedDays,
        dueDate: storedDate(due),
        returnedDate: null,
        missing: [],
        version: { increment: 1 },
      },
    });
    await refreshCaseDueDate(tx, c.id);
    await tx.permitCase.update({ where: { id: c.id }, data: { version: { increment: 1 } } });
    await writePermitEvent(tx, {
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
      after: { itemId, state: next, dueDate: due, pausedDays },
    });
    return toCaseView(cal, await tx.permitCase.findUniqueOrThrow({ where: { id: c.id }, select: caseSelect }), today);
  });
}

import "server-only";
import { rolesWith } from "../auth/permissions";
import { addWorkingDays } from "../calendar/working-days";
import { isoDate, shanghaiToday, storedDate } from "../dates";
import { getDb } from "../db";
import { notifyMany } from "../notifications/notify";
import { loadCalendar } from "../calendar/load-calendar";
import { decideHref } from "./links";
import { openCaseStates } from "./permit-machine";

/** Reminders written per statement (and transaction). */
const REMINDERS_PER_STATEMENT = 1000;

/** An item is near due when its due date is at most this many working days away. */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * The permits.due-reminders job (daily): every active approver (whoever may decide permits)
 * gets one inbox entry per pending item of their department that is due within
 * DUE_SOON_WORKING_DAYS working days or overdue. Returned items (补正) wait for the applicant
 * and are left out. Idempotent: the entry's dedupeKey is the item and the day, so a rerun
 * the same day writes nothing; the next day reminds again while the item is still pending.
 */
export async function sendPermitDueReminders({ today = shanghaiToday() }: { today?: string } = {}): Promise<{
  sent: number;
}> {
  const db = getDb();
  const calendar = await loadCalendar(db);
  const horizon = addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS);
  const items = await db.permitItem.findMany({
    where: { state: "PENDING", dueDate: { lte: storedDate(horizon) }, case: { state: { in: [...openCaseStates] } } },
    select: {
      id: true,
      caseId: true,
      departmentId: true,
      dueDate: true,
      permitType: { select: { name: true } },
      case: { select: { project: { select: { name: true } } } },
    },
    orderBy: { dueDate: "asc" },
  });
  if (!items.length) return { sent: 0 };
  const approvers = await db.user.findMany({
    where: {
      active: true,
      role: { in: rolesWith("permit.decide") },
      departmentId: { in: [...new Set(items.map((i) => i.departmentId))] },
    },
    select: { id: true, departmentId: true },
  });
  // One statement per chunk of items (notifyMany), not one transaction per item: a district
  // with tens of thousands of open items is reminded in seconds.
  const events = items.flatMap((item) => {
    const userIds = approvers.filter((a) => a.departmentId === item.departmentId).map((a) => a.id);
    if (!userIds.length) return [];
    const due = isoDate(item.dueDate)!;
    return [
      {
        userIds,
        kind: "permitItemDue",
        params: {
          project: item.case.project.name,
          type: item.permitType.name,
          due,
          overdue: due < today ? 1 : 0,
        },
        href: decideHref({ caseId: item.caseId, id: item.id }),
        entity: { type: "PermitItem", id: item.id },
        dedupeKey: `permitItemDue:${item.id}:${today}`,
      },
    ];
  });
  let sent = 0;
  for (let i = 0; i < events.length; i += REMINDERS_PER_STATEMENT) {
    const chunk = events.slice(i, i + REMINDERS_PER_STATEMENT);
    sent += await db.$transaction((tx) => notifyMany(tx, chunk));
  }
  return { sent };
}

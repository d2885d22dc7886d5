import "server-only";
import { getDb } from "../db";
import { shanghaiToday } from "../dates";
import { isoDate } from "../dates";
import { lockRow } from "../locks";
import { notify } from "../notifications/notify";
import { loadCalendar } from "../calendar/load-calendar";
import { noticeNumber, openNoticeStates, runningDeadline } from "./notice-machine";
import { noticeHref } from "./notice-load";
import { remindersDue, type ReminderKind } from "./notice-timers";
import { getSupervisionSettings } from "./settings";

const column = { half: "remindedHalfAt", due: "remindedDueAt", overdue: "overdueNotifiedAt" } as const;
const kindOf = { half: "noticeReminderHalf", due: "noticeReminderDue", overdue: "noticeOverdue" } as const;

/**
 * Notice reminders (a pg-boss job, daily; idempotent — it may run twice, or be retried): at
 * 督办规则's share of the running time (noticeReminderPercent), on the deadline day, and 催办
 * on the first working day the notice is overdue, copied to the issuing manager. Each is
 * marked on the notice (remindedHalfAt, remindedDueAt, overdueNotifiedAt; cleared when the
 * running deadline changes) under the notice's row lock, and carries a dedupe key naming the
 * deadline, so a second run sends nothing.
 */
export async function sendNoticeReminders(opts: { today?: string } = {}): Promise<{ sent: number }> {
  const today = opts.today ?? shanghaiToday();
  const db = getDb();
  const [cal, settings] = await Promise.all([loadCalendar(db), getSupervisionSettings(db)]);
  const open = await db.supervisionNotice.findMany({
    where: { state: { in: [...openNoticeStates] } },
    select: {
      id: true,
      state: true,
      replyDue: true,
      resolveDue: true,
      issuedAt: true,
      remindedHalfAt: true,
      remindedDueAt: true,
      overdueNotifiedAt: true,
      // The reply's time starts when the notice is issued, or again when a reply is rejected.
      events: {
        where: { action: { in: ["ISSUED", "REJECTED"] } },
        orderBy: { at: "desc" },
        take: 1,
        select: { at: true },
      },
    },
  });
  let sent = 0;
  for (const n of open) {
    const clock = { state: n.state, replyDue: isoDate(n.replyDue)!, resolveDue: isoDate(n.resolveDue)! };
    const from = n.state === "ISSUED" ? (n.events[0]?.at ?? n.issuedAt) : n.issuedAt;
    const due = remindersDue(
      {
        ...clock,
        runningFrom: shanghaiToday(from),
        sent: { half: !!n.remindedHalfAt, due: !!n.remindedDueAt, overdue: !!n.overdueNotifiedAt },
      },
      today,
      cal,
      settings.noticeReminderPercent,
    );
    for (const kind of due) if (await remind(n.id, kind, today)) sent++;
  }
  return { sent };
}

/** One reminder, in its own transaction under the notice's lock: false when another run sent it first. */
async function remind(id: string, kind: ReminderKind, today: string): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "supervision_notices", id))) return false;
    const n = await tx.supervisionNotice.findUniqueOrThrow({
      where: { id },
      select: {
        year: true,
        seq: true,
        subject: true,
        state: true,
        replyDue: true,
        resolveDue: true,
        leaderId: true,
        ownerId: true,
        issuedById: true,
        remindedHalfAt: true,
        remindedDueAt: true,
        overdueNotifiedAt: true,
        project: { select: { name: true } },
      },
    });
    const running = runningDeadline({
      state: n.state,
      replyDue: isoDate(n.replyDue)!,
      resolveDue: isoDate(n.resolveDue)!,
    });
    if (!running || n[column[kind]]) return false;
    await notify(tx, {
      userIds: kind === "overdue" ? [n.leaderId, n.ownerId, n.issuedById] : [n.leaderId, n.ownerId],
      kind: kindOf[kind],
      params: {
        number: noticeNumber(n.year, n.seq),
        project: n.project.name,
        subject: n.subject,
        due: running.due,
        today,
      },
      href: noticeHref(id),
      entity: { type: "SupervisionNotice", id },
      dedupeKey: `notice:${id}:${kind}:${running.kind}:${running.due}`,
    });
    await tx.supervisionNotice.update({ where: { id }, data: { [column[kind]]: new Date() } });
    return true;
  });
}

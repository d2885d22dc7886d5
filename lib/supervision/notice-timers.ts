// The reminders a notice is due today (pure; days are "YYYY-MM-DD" in Asia/Shanghai, working
// days from the permit calendar). The daily job (notice-reminders.ts) asks this and sends
// what it answers, once each: at the set share of the running time, on the deadline day, and
// 催办 on the first working day the notice is overdue (noticeOverdue, the one definition).
import { addWorkingDays, isWorkingDay, workingDaysBetween, type Calendar } from "../calendar/working-days";
import { runningDeadline, type NoticeState } from "./notice-machine";
import { noticeOverdue } from "./notice-overdue";

export type ReminderKind = "half" | "due" | "overdue";

export type NoticeTimer = {
  state: NoticeState;
  replyDue: string;
  resolveDue: string;
  /** The day the running deadline's time started (issued, or a reply rejected). */
  runningFrom: string;
  sent: { half: boolean; due: boolean; overdue: boolean };
};

/** The day the share `percent` of the running time has passed; null when the time is too short to split. */
export function reminderDay(cal: Calendar, from: string, due: string, percent: number): string | null {
  const total = workingDaysBetween(cal, from, due);
  const day = addWorkingDays(cal, from, Math.ceil((total * percent) / 100));
  return day < due ? day : null;
}

export function remindersDue(n: NoticeTimer, today: string, cal: Calendar, percent: number): ReminderKind[] {
  const running = runningDeadline(n);
  if (!running) return [];
  const out: ReminderKind[] = [];
  if (noticeOverdue(n, today).overdue) {
    if (!n.sent.overdue && isWorkingDay(cal, today)) out.push("overdue");
    return out;
  }
  if (today === running.due) {
    if (!n.sent.due) out.push("due");
    return out;
  }
  const half = reminderDay(cal, n.runningFrom, running.due, percent);
  if (!n.sent.half && half && today >= half && today < running.due) out.push("half");
  return out;
}

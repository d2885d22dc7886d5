// When a supervision notice is overdue (pure; days are "YYYY-MM-DD" in Asia/Shanghai). The
// colour rules (an overdue notice turns its project RED), the lists and the reminder jobs
// all ask this one function.
import type { Prisma } from "../db";
import { storedDate } from "../dates";

export type NoticeClock = { state: "ISSUED" | "REPLIED" | "CLOSED"; replyDue: string; resolveDue: string };

/**
 * Overdue: not closed and past the day to resolve, or still unanswered past the day to reply.
 * The due day itself is not late; the next day is.
 */
export function noticeOverdue(
  n: NoticeClock,
  today: string,
): { overdue: boolean; kind: "reply" | "resolve" | null; due: string | null } {
  if (n.state === "CLOSED") return { overdue: false, kind: null, due: null };
  if (today > n.resolveDue) return { overdue: true, kind: "resolve", due: n.resolveDue };
  if (n.state === "ISSUED" && today > n.replyDue) return { overdue: true, kind: "reply", due: n.replyDue };
  return { overdue: false, kind: null, due: null };
}

/**
 * The `where` of the notices overdue on `today`: the SQL twin of noticeOverdue
 * (above) — not closed and past the day to resolve, or unanswered past the day
 * to reply. tests/integration/notices.test.ts holds the two together.
 */
export function overdueNoticesWhere(today: string): Prisma.SupervisionNoticeWhereInput {
  const day = storedDate(today);
  return {
    state: { not: "CLOSED" },
    OR: [{ resolveDue: { lt: day } }, { state: "ISSUED", replyDue: { lt: day } }],
  };
}

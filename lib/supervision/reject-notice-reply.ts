import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { addWorkingDays } from "../calendar/working-days";
import { isoDate, storedDate } from "../dates";
import { parseInput } from "../validation";
import { checkNoticeAction } from "./notice-machine";
import { beginNoticeChange, endNoticeChange } from "./notice-change";
import { enforceNotice, noticeAudit, noticeView } from "./notice-load";
import { rejectNoticeSchema } from "./schemas";

/**
 * A manager does not accept the reply (with the reason): the notice is ISSUED again and the
 * recipients are told. They get the notice's reply time again from today for a new reply
 * (never less than they had, never past the resolution's deadline).
 */
export async function rejectNoticeReply({
  actor,
  noticeId,
  input,
}: {
  actor: Actor;
  noticeId: string;
  input: unknown;
}) {
  assertCan(actor, "notice.manage");
  const data = parseInput(rejectNoticeSchema, input);
  return getDb().$transaction(async (tx) => {
    const { n, cal, today, facts } = await beginNoticeChange(tx, actor, noticeId);
    const next = enforceNotice(checkNoticeAction("REJECT", facts), "notice.manage", {
      current: n.version,
      sent: data.version,
    });
    const before = noticeAudit(await noticeView(tx, n.id, today));
    const fresh = addWorkingDays(cal, today, n.replyDays);
    const previous = isoDate(n.replyDue)!;
    const resolveDue = isoDate(n.resolveDue)!;
    const replyDue = [fresh > previous ? fresh : previous, resolveDue].sort()[0];
    await tx.supervisionNotice.update({
      where: { id: n.id },
      data: {
        state: next,
        rejectReason: data.reason,
        replyAcceptedAt: null,
        replyAcceptedById: null,
        replyDue: storedDate(replyDue),
        remindedHalfAt: null,
        remindedDueAt: null,
        overdueNotifiedAt: null,
        version: { increment: 1 },
      },
    });
    return endNoticeChange(tx, {
      actor,
      n,
      next,
      today,
      event: "REJECTED",
      note: data.reason,
      audit: "reject",
      before,
      to: [n.leaderId, n.ownerId],
      kind: "noticeRejected",
      params: { reason: data.reason, due: replyDue },
    });
  });
}

import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { parseInput } from "../validation";
import { checkNoticeAction } from "./notice-machine";
import { beginNoticeChange, endNoticeChange } from "./notice-change";
import { enforceNotice, noticeAudit, noticeView } from "./notice-load";
import { noticeVersionSchema } from "./schemas";

/**
 * 办结销号: a manager closes a replied notice whose reply carries evidence (text and at least
 * one attachment). A reply not yet accepted is accepted with the close. Recipients are told.
 */
export async function closeNotice({ actor, noticeId, input }: { actor: Actor; noticeId: string; input: unknown }) {
  assertCan(actor, "notice.manage");
  const data = parseInput(noticeVersionSchema, input);
  return getDb().$transaction(async (tx) => {
    const { n, today, facts } = await beginNoticeChange(tx, actor, noticeId);
    const next = enforceNotice(checkNoticeAction("CLOSE", facts), "notice.manage", {
      current: n.version,
      sent: data.version,
    });
    const before = noticeAudit(await noticeView(tx, n.id, today));
    const now = new Date();
    await tx.supervisionNotice.update({
      where: { id: n.id },
      data: {
        state: next,
        closedAt: now,
        closedById: actor.id,
        ...(n.replyAcceptedAt ? {} : { replyAcceptedAt: now, replyAcceptedById: actor.id }),
        version: { increment: 1 },
      },
    });
    return endNoticeChange(tx, {
      actor,
      n,
      next,
      today,
      event: "CLOSED",
      audit: "close",
      before,
      to: [n.leaderId, n.ownerId],
      kind: "noticeClosed",
    });
  });
}

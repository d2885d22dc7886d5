import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { parseInput } from "../validation";
import { checkNoticeAction } from "./notice-machine";
import { beginNoticeChange, endNoticeChange } from "./notice-change";
import { enforceNotice } from "./notice-load";
import { noticeVersionSchema } from "./schemas";

/**
 * A manager accepts the reply's measures (认可整改措施): who and when are kept, the recipients
 * told. The notice stays REPLIED — the work goes on until the manager closes it (办结销号).
 */
export async function acceptNotice({ actor, noticeId, input }: { actor: Actor; noticeId: string; input: unknown }) {
  assertCan(actor, "notice.manage");
  const data = parseInput(noticeVersionSchema, input);
  return getDb().$transaction(async (tx) => {
    const { n, today, facts } = await beginNoticeChange(tx, actor, noticeId);
    const next = enforceNotice(checkNoticeAction("ACCEPT", facts), "notice.manage", {
      current: n.version,
      sent: data.version,
    });
    await tx.supervisionNotice.update({
      where: { id: n.id },
      data: { replyAcceptedAt: new Date(), replyAcceptedById: actor.id, version: { increment: 1 } },
    });
    return endNoticeChange(tx, {
      actor,
      n,
      next,
      today,
      event: "ACCEPTED",
      audit: "accept",
      to: [n.leaderId, n.ownerId],
      kind: "noticeAccepted",
    });
  });
}

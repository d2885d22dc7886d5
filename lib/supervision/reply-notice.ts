import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { checkNoticeAction } from "./notice-machine";
import { beginNoticeChange, endNoticeChange } from "./notice-change";
import { enforceNotice, noticeAudit, noticeView } from "./notice-load";
import { replyNoticeSchema } from "./schemas";

/**
 * The leader or owner answers a notice: the measures taken, with evidence — at least one
 * attachment of the project, uploaded first and not yet linked to a notice. The notice is
 * REPLIED, its resolution's deadline runs, and the issuing manager is told.
 */
export async function replyNotice({ actor, noticeId, input }: { actor: Actor; noticeId: string; input: unknown }) {
  assertCan(actor, "notice.reply");
  const data = parseInput(replyNoticeSchema, input);
  return getDb().$transaction(async (tx) => {
    const { n, today, facts } = await beginNoticeChange(tx, actor, noticeId);
    const next = enforceNotice(checkNoticeAction("REPLY", facts), "notice.reply", {
      current: n.version,
      sent: data.version,
    });
    const before = noticeAudit(await noticeView(tx, n.id, today));
    const ids = [...new Set(data.attachmentIds)];
    const linked = await tx.attachment.updateMany({
      where: { id: { in: ids }, projectId: n.projectId, noticeId: null, permitCaseId: null, progressEntryId: null },
      data: { noticeId: n.id },
    });
    if (linked.count !== ids.length)
      throw new AppError("VALIDATION", {
        labels: "notice",
        fields: { attachmentIds: "validation.noticeEvidenceInvalid" },
      });
    await tx.supervisionNotice.update({
      where: { id: n.id },
      data: {
        state: next,
        reply: data.reply,
        repliedAt: new Date(),
        repliedById: actor.id,
        // The resolution's deadline runs now: its reminders start afresh.
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
      event: "REPLIED",
      note: data.reply,
      audit: "reply",
      before,
      to: [n.issuedById],
      kind: "noticeReplied",
    });
  });
}

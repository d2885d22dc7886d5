import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { addWorkingDays } from "../calendar/working-days";
import { isoDate, storedDate } from "../dates";
import { parseInput } from "../validation";
import { checkNoticeAction, extensionMoves } from "./notice-machine";
import { beginNoticeChange, endNoticeChange } from "./notice-change";
import { enforceNotice, noticeAudit, noticeView } from "./notice-load";
import { decideExtensionSchema } from "./schemas";

/**
 * A manager grants or refuses the extension asked for. Granted, the running deadline(s)
 * move by the days asked, in working days: waiting for a reply, both the reply's and the
 * resolution's; after the reply, the resolution's. The recipients are told.
 */
export async function decideNoticeExtension({
  actor,
  noticeId,
  input,
}: {
  actor: Actor;
  noticeId: string;
  input: unknown;
}) {
  assertCan(actor, "notice.manage");
  const data = parseInput(decideExtensionSchema, input);
  return getDb().$transaction(async (tx) => {
    const { n, cal, today, facts } = await beginNoticeChange(tx, actor, noticeId);
    const next = enforceNotice(checkNoticeAction("DECIDE_EXTENSION", facts), "notice.manage", {
      current: n.version,
      sent: data.version,
    });
    const before = noticeAudit(await noticeView(tx, n.id, today));
    const days = n.extensionDays ?? 0;
    const moves = extensionMoves(n.state);
    const moved = (d: Date) => storedDate(addWorkingDays(cal, isoDate(d)!, days));
    await tx.supervisionNotice.update({
      where: { id: n.id },
      data: {
        extension: data.grant ? "GRANTED" : "REFUSED",
        extensionDecidedById: actor.id,
        ...(data.grant
          ? {
              ...(moves.reply ? { replyDue: moved(n.replyDue) } : {}),
              ...(moves.resolve ? { resolveDue: moved(n.resolveDue) } : {}),
              remindedHalfAt: null,
              remindedDueAt: null,
              overdueNotifiedAt: null,
            }
          : {}),
        version: { increment: 1 },
      },
    });
    return endNoticeChange(tx, {
      actor,
      n,
      next,
      today,
      event: data.grant ? "EXTENSION_GRANTED" : "EXTENSION_REFUSED",
      note: data.reason ?? null,
      audit: data.grant ? "extension:grant" : "extension:refuse",
      before,
      to: [n.leaderId, n.ownerId],
      kind: data.grant ? "noticeExtensionGranted" : "noticeExtensionRefused",
      params: (view) => ({ days, due: view.running?.due ?? view.resolveDue, reason: data.reason ?? "" }),
    });
  });
}

import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { checkNoticeAction } from "./notice-machine";
import { beginNoticeChange, endNoticeChange } from "./notice-change";
import { enforceNotice } from "./notice-load";
import { extendNoticeSchema } from "./schemas";
import { getSupervisionSettings } from "./settings";

/**
 * The leader or owner asks once for more time (working days, with the reason), at least one
 * working day before the running deadline. The issuing manager is told and decides.
 */
export async function requestNoticeExtension({
  actor,
  noticeId,
  input,
}: {
  actor: Actor;
  noticeId: string;
  input: unknown;
}) {
  assertCan(actor, "notice.reply");
  const data = parseInput(extendNoticeSchema, input);
  return getDb().$transaction(async (tx) => {
    const { n, today, facts } = await beginNoticeChange(tx, actor, noticeId);
    const next = enforceNotice(checkNoticeAction("REQUEST_EXTENSION", facts), "notice.reply", {
      current: n.version,
      sent: data.version,
    });
    const { noticeMaxDays: max } = await getSupervisionSettings(tx);
    if (data.days > max)
      throw new AppError("VALIDATION", {
        labels: "notice",
        fields: { days: { key: "validation.max", params: { max } } },
      });
    await tx.supervisionNotice.update({
      where: { id: n.id },
      data: {
        extension: "REQUESTED",
        extensionDays: data.days,
        extensionReason: data.reason,
        version: { increment: 1 },
      },
    });
    return endNoticeChange(tx, {
      actor,
      n,
      next,
      today,
      event: "EXTENSION_REQUESTED",
      note: data.reason,
      audit: "extension:request",
      to: [n.issuedById],
      kind: "noticeExtensionRequested",
      params: { days: data.days, reason: data.reason },
    });
  });
}

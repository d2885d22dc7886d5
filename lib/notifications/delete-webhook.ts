import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { parseInput } from "../validation";
import { deleteWebhookSchema } from "./schemas";
import { webhookAudit } from "./webhook-view";

/** Deletes a robot and its delivery log (ADMIN; the UI asks first). `version`, when sent, must be current. */
export async function deleteWebhook({ actor, id, input }: { actor: Actor; id: string; input?: unknown }) {
  assertCan(actor, "webhook.manage");
  const data = parseInput(deleteWebhookSchema, input ?? {});
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "webhooks", id))) throw new AppError("NOT_FOUND");
    const before = await tx.webhook.findUniqueOrThrow({ where: { id } });
    assertVersion(before.version, data.version);
    await tx.webhook.delete({ where: { id } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Webhook",
      entityId: id,
      action: "delete",
      before: webhookAudit(before),
    });
    return { id, deleted: true };
  });
}

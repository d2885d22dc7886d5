import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { parseInput } from "../validation";
import { updateWebhookSchema } from "./schemas";
import { departmentName, webhookAudit, webhookView } from "./webhook-view";

/**
 * Changes a robot (ADMIN), deactivation included (its queued messages wait, unsent, until it
 * is active again). A blank URL or secret keeps the saved one; turning it into a 企业微信
 * robot drops the secret.
 */
export async function updateWebhook({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "webhook.manage");
  const data = parseInput(updateWebhookSchema, input);
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "webhooks", id))) throw new AppError("NOT_FOUND");
    const before = await tx.webhook.findUniqueOrThrow({ where: { id } });
    assertVersion(before.version, data.version);
    if (data.departmentId) await departmentName(tx, data.departmentId);
    const kind = data.kind ?? before.kind;
    const secret = kind === "WECOM" || data.clearSecret ? null : (data.secret ?? before.secret);
    const after = await tx.webhook.update({
      where: { id },
      data: {
        name: data.name,
        kind: data.kind,
        url: data.url,
        secret,
        departmentId: data.departmentId,
        events: data.events,
        active: data.active,
        version: { increment: 1 },
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Webhook",
      entityId: id,
      action: "update",
      before: webhookAudit(before),
      after: webhookAudit(after),
    });
    return webhookView(after, await departmentName(tx, after.departmentId));
  });
}

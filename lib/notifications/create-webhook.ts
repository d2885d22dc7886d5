import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { parseInput } from "../validation";
import { createWebhookSchema } from "./schemas";
import { departmentName, webhookAudit, webhookView } from "./webhook-view";

/** A group robot (ADMIN). 企业微信 robots have no secret: one given with them is not kept. */
export async function createWebhook({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "webhook.manage");
  const data = parseInput(createWebhookSchema, input);
  return getDb().$transaction(async (tx) => {
    const unit = await departmentName(tx, data.departmentId);
    const row = await tx.webhook.create({
      data: {
        name: data.name,
        kind: data.kind,
        url: data.url,
        secret: data.kind === "DINGTALK" ? (data.secret ?? null) : null,
        departmentId: data.departmentId ?? null,
        events: data.events,
        active: data.active,
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Webhook",
      entityId: row.id,
      action: "create",
      after: webhookAudit(row),
    });
    return webhookView(row, unit);
  });
}

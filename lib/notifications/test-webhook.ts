import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { webhookTestKind } from "./kinds";
import { absoluteLink, robotPayload } from "./queue-webhooks";

/**
 * Queues a test message to one robot (ADMIN), whatever its unit and kinds, even when it is
 * inactive (it then waits until activated): the delivery log shows what came of it.
 */
export async function testWebhook({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "webhook.manage");
  const db = getDb();
  const webhook = await db.webhook.findUnique({ where: { id }, select: { id: true, kind: true, name: true } });
  if (!webhook) throw new AppError("NOT_FOUND");
  const t = (key: string, params?: Record<string, string>) => translate("zh-CN", `webhooks.test.${key}`, params);
  const delivery = await db.webhookDelivery.create({
    data: {
      webhookId: webhook.id,
      kind: webhookTestKind,
      body: robotPayload(webhook.kind, {
        title: t("title"),
        link: absoluteLink("/"),
        facts: [
          [t("robot"), webhook.name],
          [t("by"), actor.displayName],
        ],
      }),
    },
  });
  return { id: delivery.id, status: delivery.status };
}

// No "server-only" marker: it works on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) writes through it too.
import { randomUUID } from "node:crypto";
import type { Prisma, Tx } from "../db";
import { queueWebhookDeliveries } from "./queue-webhooks";

/**
 * What happened, for whom: one inbox entry per user, written in the caller's transaction so
 * it commits (or not) with the change. `kind` names the catalogue entry
 * (`notifications.kinds.<kind>`) that words it with `params` in the reader's language
 * (give `projectName` when the event is about a project: the robots' message names and links
 * it; `notifications.facts.<param>` labels the other params the robots show);
 * `dedupeKey` makes a repeated job write nothing the second time.
 *
 * The same event goes to the group robots (企业微信 / 钉钉) whose unit and kinds take it: one
 * outbox row per webhook, also in this transaction, sent afterwards by
 * deliverPendingWebhooks — a robot never delays or fails the change.
 */
export type NotifyInput = {
  userIds: readonly (string | null | undefined)[];
  kind: string;
  params?: Record<string, string | number>;
  href?: string;
  entity?: { type: string; id: string };
  dedupeKey?: string;
};

export async function notify(tx: Tx, input: NotifyInput): Promise<void> {
  const userIds = [...new Set(input.userIds.filter((u): u is string => !!u))];
  if (!userIds.length) return;
  const { count } = await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: input.kind,
      params: (input.params ?? {}) as Prisma.InputJsonValue,
      href: input.href,
      entityType: input.entity?.type,
      entityId: input.entity?.id,
      dedupeKey: input.dedupeKey,
    })),
    skipDuplicates: true,
  });
  // Every recipient had it already (a repeated job): the robots had it too.
  if (count === 0) return;
  await queueWebhookDeliveries(tx, {
    kind: input.kind,
    params: input.params ?? {},
    href: input.href,
    entity: input.entity,
    dedupeKey: input.dedupeKey,
    userIds,
  });
}

/** Many notifications in one insert (a batch job: one statement, not one per event). */
export async function notifyMany(tx: Tx, inputs: readonly NotifyInput[]): Promise<void> {
  const data = inputs.flatMap((input) =>
    [...new Set(input.userIds.filter((u): u is string => !!u))].map((userId) => ({
      userId,
      kind: input.kind,
      params: (input.params ?? {}) as Prisma.InputJsonValue,
      href: input.href,
      entityType: input.entity?.type,
      entityId: input.entity?.id,
      dedupeKey: input.dedupeKey,
    })),
  );
  if (!data.length) return;
  await tx.$executeRawUnsafe(
    `insert into notifications (id, "userId", kind, params, href, "entityType", "entityId", "dedupeKey", "createdAt")
     select *, clock_timestamp() at time zone 'UTC' from unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[], $7::text[], $8::text[])
     on conflict ("userId", "dedupeKey") do nothing`,
    data.map(() => randomUUID()),
    data.map((d) => d.userId),
    data.map((d) => d.kind),
    data.map((d) => JSON.stringify(d.params)),
    data.map((d) => d.href ?? null),
    data.map((d) => d.entityType ?? null),
    data.map((d) => d.entityId ?? null),
    data.map((d) => d.dedupeKey ?? null),
  );
}

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
  await notifyMany(tx, [input]);
}

/**
 * Many events in one insert (a batch job writes thousands: one statement, not one per event);
 * `notify` is this with one. The events that wrote a new entry (not all there already from a
 * repeated job) go on to the robots. Returns how many inbox entries were written.
 */
export async function notifyMany(tx: Tx, inputs: readonly NotifyInput[]): Promise<number> {
  const events = inputs
    .map((input) => ({ input, userIds: [...new Set(input.userIds.filter((u): u is string => !!u))] }))
    .filter((e) => e.userIds.length);
  const rows = events.flatMap((e, event) =>
    e.userIds.map((userId) => ({ id: randomUUID(), event, userId, ...e.input })),
  );
  if (!rows.length) return 0;
  const inserted = await tx.$queryRawUnsafe<{ id: string }[]>(
    `insert into notifications (id, "userId", kind, params, href, "entityType", "entityId", "dedupeKey", "createdAt")
     select *, clock_timestamp() at time zone 'UTC' from unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[], $7::text[], $8::text[])
     on conflict ("userId", "dedupeKey") do nothing
     returning id`,
    rows.map((r) => r.id),
    rows.map((r) => r.userId),
    rows.map((r) => r.kind),
    rows.map((r) => JSON.stringify((r.params ?? {}) as Prisma.InputJsonValue)),
    rows.map((r) => r.href ?? null),
    rows.map((r) => r.entity?.type ?? null),
    rows.map((r) => r.entity?.id ?? null),
    rows.map((r) => r.dedupeKey ?? null),
  );
  const fresh = new Set(inserted.map((r) => r.id));
  const newEvents = [...new Set(rows.filter((r) => fresh.has(r.id)).map((r) => r.event))];
  // One look for robots at all, so that a batch with none costs nothing more.
  if (!newEvents.length || !(await tx.webhook.count({ where: { active: true } }))) return inserted.length;
  for (const i of newEvents) {
    const { input, userIds } = events[i];
    await queueWebhookDeliveries(tx, {
      kind: input.kind,
      params: input.params ?? {},
      href: input.href,
      entity: input.entity,
      dedupeKey: input.dedupeKey,
      userIds,
    });
  }
  return inserted.length;
}

import "server-only";
import type { Prisma, Tx } from "../db";

/**
 * What happened, for whom: one inbox entry per user, written in the caller's transaction so
 * it commits (or not) with the change. `kind` names the catalogue entry
 * (`notifications.kinds.<kind>`) that words it with `params` in the reader's language;
 * `dedupeKey` makes a repeated job write nothing the second time.
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
  await tx.notification.createMany({
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
  if (data.length) await tx.notification.createMany({ data, skipDuplicates: true });
}

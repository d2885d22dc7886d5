import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { parseInput } from "../validation";
import { markReadSchema } from "./schemas";

/**
 * Marks the reader's own notifications read: the ids given (anyone else's ids, and ones
 * already read, change nothing) or all of them. Answers how many changed.
 */
export async function markNotificationsRead({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "notification.own");
  const data = parseInput(markReadSchema, input);
  const { count } = await getDb().notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(data.all ? {} : { id: { in: data.ids ?? [] } }) },
    data: { readAt: new Date() },
  });
  return { updated: count };
}

import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";

/** The bell's number: one count on the index (userId, readAt, createdAt). */
export async function unreadCount({ actor }: { actor: Actor }): Promise<number> {
  assertCan(actor, "notification.own");
  return getDb().notification.count({ where: { userId: actor.id, readAt: null } });
}

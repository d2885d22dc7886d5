import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { unreadCountSql } from "./unread-sql";

/** The bell's number, up to UNREAD_CAP (lib/notifications/unread-sql.ts). */
export async function unreadCount({ actor }: { actor: Actor }): Promise<number> {
  assertCan(actor, "notification.own");
  const [row] = await getDb().$queryRawUnsafe<{ n: number }[]>(unreadCountSql, actor.id);
  return row?.n ?? 0;
}

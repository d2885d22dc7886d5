import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import type { Locale } from "../i18n/config";
import { parseInput } from "../validation";
import { notificationMessage, notificationParams } from "./message";
import { listNotificationsSchema } from "./schemas";

export type NotificationItem = {
  id: string;
  kind: string;
  message: string;
  href: string | null;
  entityType: string | null;
  entityId: string | null;
  readAt: string | null;
  createdAt: string;
};

/**
 * The reader's own inbox, newest first (unread ones marked by `readAt: null`), each entry
 * worded in the reader's language; `unread` is the count of all unread ones.
 */
export async function listNotifications({ actor, query, locale }: { actor: Actor; query: unknown; locale: Locale }) {
  assertCan(actor, "notification.own");
  const q = parseInput(listNotificationsSchema, query);
  const db = getDb();
  const where = {
    userId: actor.id,
    ...(q.unread === true ? { readAt: null } : q.unread === false ? { readAt: { not: null } } : {}),
  };
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.notification.count({ where }),
    db.notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  const items: NotificationItem[] = rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    message: notificationMessage(locale, n.kind, notificationParams(n.params)),
    href: n.href,
    entityType: n.entityType,
    entityId: n.entityId,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  }));
  return { items, total, unread, page: q.page, pageSize: q.pageSize };
}

import "server-only";
import { getDb } from "../db";
import type { SecurityEventType } from "@/generated/prisma/enums";

export type SecurityEventInput = {
  type: SecurityEventType;
  username?: string | null;
  userId?: string | null;
  ip?: string | null;
  path?: string | null;
  detail?: string | null;
};

/** A refused authorization (ASVS: every one is logged), from any entry point. */
export async function logAccessDenied(
  actor: { id: string; username: string },
  where: { path?: string | null; detail: string },
) {
  await logSecurityEvent({
    type: "ACCESS_DENIED",
    username: actor.username,
    userId: actor.id,
    path: where.path,
    detail: where.detail,
  });
}

export async function logSecurityEvent(event: SecurityEventInput) {
  await getDb().securityEvent.create({
    data: {
      type: event.type,
      username: event.username?.slice(0, 100) ?? null,
      userId: event.userId ?? null,
      ip: event.ip?.slice(0, 100) ?? null,
      path: event.path?.slice(0, 500) ?? null,
      detail: event.detail?.slice(0, 1000) ?? null,
    },
  });
}

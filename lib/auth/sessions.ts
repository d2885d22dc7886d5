import "server-only";
import { getDb, type Tx } from "../db";
import { writeAudit } from "../audit/log";
import { logSecurityEvent } from "../security/log";
import { AppError } from "../errors";
import { assertCan, type Actor } from "./permissions";

// Server-side sessions (OWASP ASVS 5.0 §7.4): each login opens a row whose id the session
// token carries (`sid`); every request checks the row (lib/auth/session.ts). Ending the row
// ends the session at once, whatever the token's signature and lifetime say.

export type SessionEndReason = "LOGOUT" | "ADMIN" | "PASSWORD_RESET" | "ROLE_CHANGE" | "DEACTIVATED";

export async function openSession(userId: string, ip: string | null): Promise<string> {
  const row = await getDb().userSession.create({ data: { userId, ip: ip?.slice(0, 100) ?? null } });
  return row.id;
}

/** Logout: ends the one session. */
export async function endSession(sid: string, reason: SessionEndReason) {
  await getDb().userSession.updateMany({
    where: { id: sid, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
}

/**
 * Ends every open session of a user, and with `tokens` revokes their API tokens too (a
 * password reset, a role change or a deactivation: nothing made under the old terms keeps
 * working). Inside the caller's transaction; returns how many of each ended.
 */
export async function endUserAccess(tx: Tx, userId: string, reason: SessionEndReason, { tokens }: { tokens: boolean }) {
  const now = new Date();
  const sessions = await tx.userSession.updateMany({
    where: { userId, endedAt: null },
    data: { endedAt: now, endReason: reason },
  });
  const revoked = tokens
    ? await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
    : { count: 0 };
  return { sessions: sessions.count, tokens: revoked.count };
}

/** An admin ends a user's sessions from the user page (e.g. a lost laptop); the user signs in again. */
export async function endUserSessions({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "user.manage");
  const ended = await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, username: true } });
    if (!user) return null;
    const counts = await endUserAccess(tx, id, "ADMIN", { tokens: false });
    await writeAudit(tx, { actorId: actor.id, entityType: "User", entityId: id, action: "endSessions", after: counts });
    return { user, counts };
  });
  if (!ended) throw new AppError("NOT_FOUND");
  await logSecurityEvent({
    type: "SESSIONS_ENDED",
    username: ended.user.username,
    userId: id,
    detail: `${ended.counts.sessions} by ${actor.username}`,
  });
  return { sessions: ended.counts.sessions };
}

/** Open sessions of a user (for the admin's user page). */
export async function countOpenSessions(userIds: string[]) {
  const rows = await getDb().userSession.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds }, endedAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.userId, r._count._all]));
}

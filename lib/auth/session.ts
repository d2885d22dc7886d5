import "server-only";
import { getDb } from "../db";
import { logSecurityEvent } from "../security/log";
import { checkSessionClaims } from "./session-claims";
import { decodeSessionToken, sessionPolicy } from "./session-token";
import { actorSelect, toActor, type Actor } from "./permissions";

/**
 * The signed-in user behind a session token, or null. Besides the token's own lifetime,
 * its server-side session must still be open (logout, an admin's "end sessions", a password
 * reset, a role change and a deactivation end it) and the user active.
 */
export async function actorFromSessionToken(token: string | undefined, path?: string): Promise<Actor | null> {
  if (!token) return null;
  const claims = await decodeSessionToken(token);
  if (!claims) return null;
  const check = checkSessionClaims(claims, Math.floor(Date.now() / 1000), sessionPolicy());
  if (!check.ok) return null;
  const session = await getDb().userSession.findUnique({
    where: { id: check.sessionId },
    select: { endedAt: true, endReason: true, userId: true, user: { select: { ...actorSelect, active: true } } },
  });
  if (!session || session.userId !== check.userId) return null;
  if (session.endedAt || !session.user.active) {
    await logSecurityEvent({
      type: "SESSION_REVOKED",
      username: session.user.username,
      userId: session.userId,
      path,
      detail: session.endedAt ? `session ended (${session.endReason ?? ""})` : "user inactive",
    });
    return null;
  }
  return { ...toActor(session.user), via: { kind: "session", id: check.sessionId } };
}

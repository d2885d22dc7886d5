import "server-only";
import { getDb } from "../db";
import { logSecurityEvent } from "../security/log";
import { checkSessionClaims } from "./session-claims";
import { decodeSessionToken, sessionPolicy } from "./session-token";
import { actorSelect, toActor, type Actor } from "./permissions";

/**
 * The signed-in user behind a session token, or null. Besides the token's own
 * lifetime, the user must still be active and the token must carry the user's current
 * session version: deactivation, a role change and a password reset bump it, which
 * ends every older session at its next request.
 */
export async function actorFromSessionToken(token: string | undefined, path?: string): Promise<Actor | null> {
  if (!token) return null;
  const claims = await decodeSessionToken(token);
  if (!claims) return null;
  const check = checkSessionClaims(claims, Math.floor(Date.now() / 1000), sessionPolicy());
  if (!check.ok) return null;
  const user = await getDb().user.findUnique({
    where: { id: check.userId },
    select: { ...actorSelect, active: true, sessionVersion: true },
  });
  if (!user) return null;
  if (!user.active || user.sessionVersion !== check.sessionVersion) {
    await logSecurityEvent({
      type: "SESSION_REVOKED",
      username: user.username,
      userId: user.id,
      path,
      detail: user.active ? "session version changed" : "user inactive",
    });
    return null;
  }
  return toActor(user);
}

// Reading and renewing the session token (next-auth's encrypted JWT) with the app's
// secret and policy: shared by proxy.ts and the per-request session check. No database.
import { decode, encode } from "next-auth/jwt";
import { env } from "../env";
import type { SessionClaims, SessionPolicy } from "./session-claims";

export function sessionPolicy(): SessionPolicy {
  const e = env();
  return { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS };
}

export async function decodeSessionToken(token: string): Promise<SessionClaims | null> {
  try {
    return (await decode({ token, secret: env().NEXTAUTH_SECRET })) as SessionClaims | null;
  } catch {
    return null; // tampered, expired or made with another secret
  }
}

/** The same session with a fresh idle window (iat/exp set anew by encode). */
export async function renewSessionToken({
  uid,
  sid,
  authTime,
}: SessionClaims): Promise<{ token: string; maxAge: number }> {
  const maxAge = sessionPolicy().idleMinutes * 60;
  const token = await encode({
    token: { uid, sid, authTime } as Record<string, unknown>,
    secret: env().NEXTAUTH_SECRET,
    maxAge,
  });
  return { token, maxAge };
}

// Pure session rules (no database, no Next.js): which token claims are still valid.
export type SessionClaims = {
  uid?: unknown;
  /** The server-side session (user_sessions.id). */
  sid?: unknown;
  authTime?: unknown;
  iat?: unknown;
  exp?: unknown;
};

export type SessionPolicy = { idleMinutes: number; maxHours: number };

export type SessionCheck =
  | { ok: true; userId: string; sessionId: string; authTime: number }
  | { ok: false; reason: "malformed" | "idle" | "absolute" };

/**
 * A session ends after `idleMinutes` without a request (the token's iat is renewed by
 * the proxy while the user is active) and `maxHours` after login whatever happens.
 * Times are in seconds since the epoch, as in JWT claims.
 */
export function checkSessionClaims(claims: SessionClaims, nowSeconds: number, policy: SessionPolicy): SessionCheck {
  const { uid, sid, authTime, iat } = claims;
  if (typeof uid !== "string" || typeof sid !== "string" || typeof authTime !== "number" || typeof iat !== "number") {
    return { ok: false, reason: "malformed" };
  }
  if (nowSeconds - authTime > policy.maxHours * 3600) return { ok: false, reason: "absolute" };
  if (nowSeconds - iat > policy.idleMinutes * 60) return { ok: false, reason: "idle" };
  return { ok: true, userId: uid, sessionId: sid, authTime };
}

/** Renew the token (sliding idle window) at most once a minute. */
export function shouldRenew(claims: SessionClaims, nowSeconds: number): boolean {
  return typeof claims.iat === "number" && nowSeconds - claims.iat >= 60;
}

export const sessionCookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** The session cookie's value from a Cookie header. */
export function sessionTokenFromCookieHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) cookies.set(part.slice(0, i).trim(), safeDecode(part.slice(i + 1).trim()));
  }
  for (const name of sessionCookieNames) {
    const v = cookies.get(name);
    if (v) return v;
  }
  return undefined;
}

/** A cookie value as sent; a malformed %-escape (someone else's cookie) is kept as it is. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

import { checkSessionClaims, sessionTokenFromCookieHeader, shouldRenew } from "../../lib/auth/session-claims";

const policy = { idleMinutes: 480, maxHours: 168 };
const now = 1_800_000_000;

describe("checkSessionClaims", () => {
  const fresh = { uid: "u1", sid: "s1", authTime: now - 60, iat: now - 60 };

  it("accepts a fresh session", () => {
    expect(checkSessionClaims(fresh, now, policy)).toEqual({
      ok: true,
      userId: "u1",
      sessionId: "s1",
      authTime: now - 60,
    });
  });

  it("ends a session idle for longer than the idle timeout", () => {
    expect(checkSessionClaims({ ...fresh, iat: now - 480 * 60 - 1 }, now, policy)).toEqual({
      ok: false,
      reason: "idle",
    });
    expect(checkSessionClaims({ ...fresh, iat: now - 480 * 60 + 1 }, now, policy).ok).toBe(true);
  });

  it("ends a session older than the absolute lifetime even when active", () => {
    const claims = { ...fresh, authTime: now - 168 * 3600 - 1, iat: now - 5 };
    expect(checkSessionClaims(claims, now, policy)).toEqual({ ok: false, reason: "absolute" });
  });

  it("refuses tokens without the claims a login writes", () => {
    expect(checkSessionClaims({ uid: "u1", iat: now }, now, policy)).toEqual({ ok: false, reason: "malformed" });
    expect(checkSessionClaims({ uid: 5, sid: "s1", authTime: now, iat: now }, now, policy).ok).toBe(false);
    // Sessions from before server-side sessions (a session version, no session id) end.
    expect(checkSessionClaims({ uid: "u1", sv: 0, authTime: now, iat: now } as never, now, policy).ok).toBe(false);
  });

  it("reads the session cookie, and ignores other cookies with malformed escapes", () => {
    expect(sessionTokenFromCookieHeader("theme=%E0%A4%A; next-auth.session-token=abc.def; x=%")).toBe("abc.def");
    expect(sessionTokenFromCookieHeader("next-auth.session-token=%ZZ")).toBe("%ZZ");
  });

  it("renews at most once a minute", () => {
    expect(shouldRenew({ iat: now - 59 }, now)).toBe(false);
    expect(shouldRenew({ iat: now - 60 }, now)).toBe(true);
  });
});

describe("sessionTokenFromCookieHeader", () => {
  it("finds either next-auth cookie name", () => {
    expect(sessionTokenFromCookieHeader("a=1; next-auth.session-token=abc; b=2")).toBe("abc");
    expect(sessionTokenFromCookieHeader("__Secure-next-auth.session-token=xyz")).toBe("xyz");
    expect(sessionTokenFromCookieHeader("a=1")).toBeUndefined();
    expect(sessionTokenFromCookieHeader(null)).toBeUndefined();
  });
});

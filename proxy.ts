import { NextResponse, type NextRequest } from "next/server";
import { checkSessionClaims, sessionCookieNames, shouldRenew } from "./lib/auth/session-claims";
import { decodeSessionToken, renewSessionToken, sessionPolicy } from "./lib/auth/session-token";

// The network boundary: sends signed-out page requests to the login page, clears
// expired session cookies, and renews the idle window of active sessions (so the idle
// timeout counts from the last request). Authorization itself happens in every page,
// action and route through lib/auth — this file is not the only lock on any door.
const publicPaths = ["/login", "/api/auth", "/api/v1/health"];

function isPublic(path: string) {
  return publicPaths.some((p) => path === p || path.startsWith(`${p}/`));
}

export async function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  const headers = new Headers(req.headers);
  headers.set("x-crm-path", path + req.nextUrl.search);
  headers.set("x-crm-method", req.method);
  const cookieName = sessionCookieNames.find((n) => req.cookies.has(n));
  const token = cookieName ? req.cookies.get(cookieName)?.value : undefined;
  const claims = token ? await decodeSessionToken(token) : null;
  const now = Math.floor(Date.now() / 1000);
  const valid = claims ? checkSessionClaims(claims, now, sessionPolicy()).ok : false;

  if (!valid && !isPublic(path) && !path.startsWith("/api/")) {
    const login = new URL("/login", req.url);
    if (path !== "/") login.searchParams.set("callbackUrl", path + req.nextUrl.search);
    if (token) login.searchParams.set("expired", "1");
    const res = NextResponse.redirect(login);
    if (cookieName) res.cookies.delete(cookieName);
    return res;
  }
  const res = NextResponse.next({ request: { headers } });
  if (token && !valid && cookieName) res.cookies.delete(cookieName);
  if (valid && claims && cookieName && shouldRenew(claims, now)) {
    const renewed = await renewSessionToken(claims);
    res.cookies.set(cookieName, renewed.token, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookieName.startsWith("__Secure-"),
      maxAge: renewed.maxAge,
    });
  }
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

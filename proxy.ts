import { NextResponse, type NextRequest } from "next/server";
import { checkSessionClaims, sessionCookieNames, shouldRenew } from "./lib/auth/session-claims";
import { decodeSessionToken, renewSessionToken, sessionPolicy } from "./lib/auth/session-token";
import { env } from "./lib/env";
import { localeFromAcceptLanguage, resolveLocale } from "./lib/i18n/config";
import { translate } from "./lib/i18n/translate";
import { appOrigins } from "./lib/security/app-origins";
import { contentSecurityPolicy, securityHeaders } from "./lib/security/headers";
import { checkRequestOrigin } from "./lib/security/request-origin";

// The network boundary: security headers and the script nonce on every answer; requests
// that must not reach the app at all (a server action from another origin, a body over the
// upload limit); signed-out page requests sent to the login page; expired session cookies
// cleared and active ones renewed (the idle timeout counts from the last request).
// Authorization itself happens in every page, action and route through lib/auth — this
// file is not the only lock on any door.
const publicPaths = ["/login", "/api/auth", "/api/v1/health"];

function isPublic(path: string) {
  return publicPaths.some((p) => path === p || path.startsWith(`${p}/`));
}

function localeOf(req: NextRequest) {
  const cookie = req.cookies.get("NEXT_LOCALE")?.value;
  return cookie ? resolveLocale(cookie) : localeFromAcceptLanguage(req.headers.get("accept-language"));
}

/** A refusal before the app: the API's error format, with the security headers. */
function refuse(req: NextRequest, status: number, code: string, params: Record<string, string | number> = {}) {
  const message = translate(localeOf(req), `errors.${code}`, params);
  const res = NextResponse.json({ error: { code, message } }, { status });
  for (const [name, value] of Object.entries(securityHeaders({ https: req.nextUrl.protocol === "https:" })))
    res.headers.set(name, value);
  return res;
}

export async function proxy(req: NextRequest) {
  const e = env();
  const path = req.nextUrl.pathname;
  const https = (e.NEXTAUTH_URL ?? "").startsWith("https:");

  // Server actions from another origin are refused here with a clean 403 (Next.js itself
  // would answer a 500); the origin check of cookie-authenticated API changes is in apiRoute.
  if (req.method === "POST" && req.headers.has("next-action")) {
    const verdict = checkRequestOrigin(
      { origin: req.headers.get("origin"), referer: req.headers.get("referer") },
      appOrigins(),
    );
    if (!verdict.ok) return refuse(req, 403, "CROSS_SITE");
  }
  // One upload limit end to end: a body over it is answered with the size message, not cut.
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > (e.MAX_UPLOAD_MB + 1) * 1024 * 1024)
    return refuse(req, 413, "PAYLOAD_TOO_LARGE", { mb: e.MAX_UPLOAD_MB });

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, e.NODE_ENV !== "production");
  const headers = new Headers(req.headers);
  headers.set("x-crm-path", path + req.nextUrl.search);
  headers.set("x-crm-method", req.method);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const cookieName = sessionCookieNames.find((n) => req.cookies.has(n));
  const token = cookieName ? req.cookies.get(cookieName)?.value : undefined;
  const claims = token ? await decodeSessionToken(token) : null;
  const now = Math.floor(Date.now() / 1000);
  const valid = claims ? checkSessionClaims(claims, now, sessionPolicy()).ok : false;

  let res: NextResponse;
  if (!valid && !isPublic(path) && !path.startsWith("/api/")) {
    const login = new URL("/login", req.url);
    if (path !== "/") login.searchParams.set("callbackUrl", path + req.nextUrl.search);
    if (token) login.searchParams.set("expired", "1");
    res = NextResponse.redirect(login);
    if (cookieName) res.cookies.delete(cookieName);
  } else {
    res = NextResponse.next({ request: { headers } });
    if (token && !valid && cookieName) res.cookies.delete(cookieName);
    if (valid && claims && cookieName && shouldRenew(claims, now)) {
      const renewed = await renewSessionToken(claims);
      res.cookies.set(cookieName, renewed.token, {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: cookieName.startsWith("__Secure-") || https,
        maxAge: renewed.maxAge,
      });
    }
  }
  res.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) res.headers.set(name, value);
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};

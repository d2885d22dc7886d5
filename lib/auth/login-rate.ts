import "server-only";
import { env } from "../env";
import { requestAddress } from "../security/client-ip";
import { hitRateLimit, logRateLimited } from "../security/rate-limit";

/**
 * The per-address login limit (SPEC §11), beside the per-username lock: at most
 * LOGIN_IP_MAX attempts from one client address in LOGIN_IP_WINDOW_MINUTES, over any
 * usernames. Over it: 429 with Retry-After, in the shape next-auth's signIn() reads (its
 * `error` says RATE_LIMITED and the seconds to wait), logged once per window.
 */
export async function limitLoginAttempts(req: Request): Promise<Response | null> {
  const url = new URL(req.url);
  if (req.method !== "POST" || !url.pathname.endsWith("/callback/credentials")) return null;
  const e = env();
  const ip = requestAddress(req.headers) ?? "unknown";
  const key = `login:ip:${ip}`;
  const verdict = await hitRateLimit({ key, max: e.LOGIN_IP_MAX, windowSeconds: e.LOGIN_IP_WINDOW_MINUTES * 60 });
  if (verdict.allowed) return null;
  await logRateLimited(verdict, { key, ip, path: url.pathname });
  const back = new URL("/login", url);
  back.searchParams.set("error", `RATE_LIMITED:${verdict.retryAfter}`);
  return Response.json(
    { url: back.toString() },
    { status: 429, headers: { "Retry-After": String(verdict.retryAfter) } },
  );
}

import "server-only";
import { getDb } from "../db";
import { logSecurityEvent } from "./log";

export type RateLimit = { key: string; max: number; windowSeconds: number };
export type RateVerdict = { allowed: true } | { allowed: false; retryAfter: number; first: boolean };

/**
 * Counts one request against a limit in a fixed window, in PostgreSQL (so the limit holds
 * across app instances): one upsert per request. Over the limit → how many seconds until
 * the window ends (the Retry-After of a 429).
 */
export async function hitRateLimit(limit: RateLimit, now = new Date()): Promise<RateVerdict> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const db = getDb();
  const [row] = await db.$queryRaw<{ count: number }[]>`
    insert into rate_counters (key, "windowStart", count) values (${limit.key}, ${windowStart}, 1)
    on conflict (key, "windowStart") do update set count = rate_counters.count + 1
    returning count`;
  // Old windows are swept now and then, by whichever request draws the short straw.
  if (Math.random() < 0.01)
    await db.rateCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } } });
  if (row.count <= limit.max) return { allowed: true };
  return {
    allowed: false,
    retryAfter: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)),
    first: row.count === limit.max + 1,
  };
}

/** Logs a refusal, once per window and key (at the first one): a flood does not flood the log. */
export async function logRateLimited(
  verdict: Extract<RateVerdict, { allowed: false }>,
  who: { username?: string | null; userId?: string | null; ip?: string | null; path?: string | null; key: string },
) {
  if (!verdict.first) return;
  await logSecurityEvent({
    type: "RATE_LIMITED",
    username: who.username,
    userId: who.userId,
    ip: who.ip,
    path: who.path,
    detail: `${who.key}; retry after ${verdict.retryAfter}s`,
  });
}

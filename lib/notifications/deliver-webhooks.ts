import "server-only";
import { getDb } from "../db";
import { env } from "../env";
import { dingtalkSignedUrl } from "./webhook-body";

type Claimed = {
  id: string;
  attempts: number;
  body: unknown;
  url: string;
  secret: string | null;
  kind: "WECOM" | "DINGTALK";
};

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** How many messages one run sends at once, and at most in all (the job runs every minute). */
const PARALLEL = 4;
const BATCH = 100;

/**
 * Claims the due messages: one statement that locks them (FOR UPDATE SKIP LOCKED, so a second
 * worker passes them by), counts the attempt and moves their next attempt past the time
 * this one may take. Once it commits no other worker sees them as due; a worker that dies
 * mid-send leaves them to be tried again after that lease.
 */
async function claimDue(now: Date, leaseMs: number): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return getDb().$queryRaw<Claimed[]>`
    with due as (
      select d.id
      from webhook_deliveries d
      join webhooks h on h.id = d."webhookId" and h.active
      where d.status = 'PENDING' and d."nextAttemptAt" <= ${now}
      order by d."nextAttemptAt"
      limit ${BATCH}
      for update of d skip locked
    )
    update webhook_deliveries w
    set attempts = w.attempts + 1, "nextAttemptAt" = ${leaseUntil}
    from due, webhooks h
    where w.id = due.id and h.id = w."webhookId"
    returning w.id, w.attempts, w.body, h.url, h.secret, h.kind::text as kind`;
}

/** Why a request failed, in a line (the delivery log shows it). */
function reason(err: unknown, timeoutMs: number): string {
  if (err instanceof Error) {
    if (err.name === "TimeoutError" || err.name === "AbortError") return `timeout after ${timeoutMs} ms`;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return [err.message, cause?.code ?? cause?.message].filter(Boolean).join(": ").slice(0, 500);
  }
  return String(err).slice(0, 500);
}

/**
 * One POST to the robot. Success is a 2xx answer whose JSON, when it has one, says
 * errcode 0 (企业微信 and 钉钉 answer 200 with an errcode for a bad key, signature or body).
 */
async function send(d: Claimed, timeoutMs: number): Promise<Outcome> {
  const url = d.kind === "DINGTALK" && d.secret ? dingtalkSignedUrl(d.url, d.secret, Date.now()) : d.url;
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(d.body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = (await res.text()).slice(0, 2000);
    if (res.status < 200 || res.status >= 300)
      return { ok: false, status: res.status, error: `HTTP ${res.status} ${text.slice(0, 300)}`.trim() };
    let answer: unknown = null;
    try {
      answer = JSON.parse(text);
    } catch {
      // Not JSON: a 2xx is enough.
    }
    const errcode = (answer as { errcode?: unknown } | null)?.errcode;
    if (typeof errcode === "number" && errcode !== 0) {
      const errmsg = String((answer as { errmsg?: unknown }).errmsg ?? "");
      return { ok: false, status: res.status, error: `errcode ${errcode} ${errmsg}`.trim().slice(0, 500) };
    }
    return { ok: true, status: res.status };
  } catch (err) {
    return { ok: false, status: null, error: reason(err, timeoutMs) };
  }
}

/**
 * Sends the pending group-robot messages that are due (a pg-boss job runs it every minute).
 * A failed attempt is retried after WEBHOOK_RETRY_SECONDS, then twice as long each time, up
 * to WEBHOOK_MAX_ATTEMPTS attempts; then the message is FAILED. Every attempt's HTTP status
 * and error are kept for the delivery log. A bad endpoint never throws: only the database can.
 * `now` lets a test step through the back-off.
 */
export async function deliverPendingWebhooks(
  opts: { now?: Date } = {},
): Promise<{ sent: number; failed: number; retrying: number }> {
  const e = env();
  const now = opts.now ?? new Date();
  const claimed = await claimDue(now, 2 * e.WEBHOOK_TIMEOUT_MS + 60_000);
  const result = { sent: 0, failed: 0, retrying: 0 };
  const db = getDb();
  const queue = [...claimed];
  const worker = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      const outcome = await send(d, e.WEBHOOK_TIMEOUT_MS);
      if (outcome.ok) {
        result.sent++;
        await db.webhookDelivery.update({
          where: { id: d.id },
          data: { status: "SENT", responseStatus: outcome.status, lastError: null, sentAt: new Date() },
        });
        continue;
      }
      const final = d.attempts >= e.WEBHOOK_MAX_ATTEMPTS;
      if (final) result.failed++;
      else result.retrying++;
      const wait = e.WEBHOOK_RETRY_SECONDS * 1000 * 2 ** (d.attempts - 1);
      await db.webhookDelivery.update({
        where: { id: d.id },
        data: {
          status: final ? "FAILED" : "PENDING",
          responseStatus: outcome.status,
          lastError: outcome.error,
          nextAttemptAt: new Date(now.getTime() + wait),
        },
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, claimed.length) }, worker));
  return result;
}

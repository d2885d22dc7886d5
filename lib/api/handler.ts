import "server-only";
import { AppError, isAppError, statusOf } from "../errors";
import { isDatabaseUnavailable } from "../database-state";
import { localeFromAcceptLanguage, resolveLocale, type Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { localizeError } from "../i18n/errors";
import { sessionTokenFromCookieHeader } from "../auth/session-claims";
import { actorFromSessionToken } from "../auth/session";
import { actorFromBearer } from "../auth/api-tokens";
import type { Actor } from "../auth/permissions";
import { env } from "../env";
import { appOrigins } from "../security/app-origins";
import { requestAddress } from "../security/client-ip";
import { logAccessDenied, logSecurityEvent } from "../security/log";
import { hitRateLimit, logRateLimited } from "../security/rate-limit";
import { checkRequestOrigin, isAcceptedBodyType, isUnsafeMethod } from "../security/request-origin";
import { hasUnreadable, unreadableText } from "../validation";
import type { Upload } from "../attachments/files";

export type ApiContext<P> = { req: Request; actor: Actor; params: P; locale: Locale; url: URL };

type RouteContext<P> = { params: Promise<P> };

/**
 * The language of the answer. A browser (it sends cookies) gets the UI's language: the
 * language cookie, else Chinese, exactly as the pages choose it. Other systems get
 * Accept-Language, else Chinese.
 */
function requestLocale(req: Request): Locale {
  const cookies = req.headers.get("cookie");
  if (cookies) return resolveLocale(/(?:^|;\s*)NEXT_LOCALE=([^;]+)/.exec(cookies)?.[1]);
  return localeFromAcceptLanguage(req.headers.get("accept-language"));
}

/** The error body of SPEC §10: {"error": {"code", "message", "fields"}}; a 429 says when to come back. */
export function errorResponse(
  err: Pick<AppError, "code" | "fields" | "params" | "details" | "labels">,
  locale: Locale,
) {
  const headers =
    err.code === "RATE_LIMITED"
      ? { "Retry-After": String(err.params?.retryAfter ?? 60) }
      : err.code === "DATABASE_UNAVAILABLE"
        ? { "Retry-After": "5" }
        : undefined;
  return Response.json({ error: localizeError(err, locale) }, { status: statusOf(err.code), headers });
}

/** Any path under /api/v1 that names no route: a JSON 404 in the error format, never an HTML page. */
export function unknownApiPath(req: Request): Response {
  return errorResponse(new AppError("NOT_FOUND"), requestLocale(req));
}

/** The caller of an API request: `Authorization: Bearer <personal token>`, else the session cookie. */
export async function actorFromRequest(req: Request): Promise<Actor | null> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    return match ? actorFromBearer(match[1]) : null;
  }
  const path = new URL(req.url).pathname;
  return actorFromSessionToken(sessionTokenFromCookieHeader(req.headers.get("cookie")), path);
}

/**
 * What every request must pass before its handler runs: readable text in its path and
 * query (no NUL, no lone surrogates: 400), and — for a change made with the session cookie
 * — the app's own origin (403 CROSS_SITE, logged: CSRF) and a JSON or multipart body (415).
 * Bearer-token requests are not cookie-bound: no origin to check.
 */
async function guardRequest(req: Request, url: URL, actor: Actor, params: Record<string, unknown>) {
  const bad =
    unreadableText(params) ??
    unreadableText(Object.fromEntries([...url.searchParams].map(([k, v]) => [hasUnreadable(k) ? "_" : k, v])));
  if (bad !== null) throw new AppError("VALIDATION", { fields: { [bad]: "validation.characters" } });
  if (actor.via?.kind !== "session" || !isUnsafeMethod(req.method)) return;
  const origin = checkRequestOrigin(
    { origin: req.headers.get("origin"), referer: req.headers.get("referer") },
    appOrigins(),
  );
  if (!origin.ok) {
    await logSecurityEvent({
      type: "CROSS_SITE_REFUSED",
      username: actor.username,
      userId: actor.id,
      ip: requestAddress(req.headers),
      path: url.pathname,
      detail: `${req.method} from ${origin.seen ?? "no origin"}`,
    });
    throw new AppError("CROSS_SITE");
  }
  if (!isAcceptedBodyType(req.headers.get("content-type"))) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
}

/** The API's rate limit, per session or per token (429 with Retry-After, logged once per window). */
async function limitRate(req: Request, url: URL, actor: Actor) {
  if (!actor.via) return;
  const key = `api:${actor.via.kind}:${actor.via.id}`;
  const verdict = await hitRateLimit({ key, max: env().API_RATE_PER_MINUTE, windowSeconds: 60 });
  if (verdict.allowed) return;
  await logRateLimited(verdict, {
    key,
    username: actor.username,
    userId: actor.id,
    ip: requestAddress(req.headers),
    path: url.pathname,
  });
  throw new AppError("RATE_LIMITED", { params: { retryAfter: verdict.retryAfter } });
}

/**
 * Wraps a /api/v1 route: session or token required (401 otherwise), the request guards
 * (readable input, same-origin cookie changes, rate limit), AppErrors mapped to the error
 * body, refused authorizations written to the security log, plain values answered as
 * JSON, a lost database connection as 503 DATABASE_UNAVAILABLE (the request may be repeated
 * once the database is back). Handlers stay thin: zod parse → one lib call → shape.
 */
export function apiRoute<P = Record<string, never>>(handler: (ctx: ApiContext<P>) => Promise<Response | unknown>) {
  return async (req: Request, context?: RouteContext<P>): Promise<Response> => {
    const locale = requestLocale(req);
    const url = new URL(req.url);
    let actor: Actor | null = null;
    try {
      actor = await actorFromRequest(req);
      if (!actor) throw new AppError("UNAUTHENTICATED");
      const params = ((await context?.params) ?? {}) as P;
      await guardRequest(req, url, actor, params as Record<string, unknown>);
      await limitRate(req, url, actor);
      const result = await handler({ req, actor, params, locale, url });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      if (isAppError(err)) {
        if (err.code === "FORBIDDEN" && actor) {
          await logAccessDenied(actor, {
            path: url.pathname,
            detail: `${req.method} ${String(err.params?.action ?? "")}`,
          });
        }
        return errorResponse(err, locale);
      }
      if (isDatabaseUnavailable(err)) return errorResponse(new AppError("DATABASE_UNAVAILABLE"), locale);
      console.error(err);
      return Response.json(
        { error: { code: "INTERNAL", message: translate(locale, "errors.INTERNAL") } },
        { status: 500 },
      );
    }
  };
}

/** Reads a JSON body; a body that is not JSON is a 400 like any other bad input. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("VALIDATION", { fields: { _: "validation.json" } });
  }
}

/** Reads a JSON body that may be left out (an action without inputs, e.g. 签字认领): none is `{}`. */
export async function readOptionalJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", { fields: { _: "validation.json" } });
  }
}

/**
 * Reads a multipart/form-data body: the `file` part as an Upload (null when absent) and
 * the other parts as text fields, for the use-case's schema. A body that is not
 * multipart is a 400 on `file`.
 */
export async function readUpload(req: Request): Promise<{ file: Upload | null; fields: Record<string, string> }> {
  const form = await req.formData().catch(() => {
    throw new AppError("VALIDATION", { fields: { file: "validation.required" } });
  });
  let file: Upload | null = null;
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields[name] = value;
    else if (name === "file" && !file)
      file = { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { file, fields };
}

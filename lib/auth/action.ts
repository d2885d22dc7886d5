import "server-only";
import { getLocale } from "next-intl/server";
import { isAppError } from "../errors";
import { resolveLocale } from "../i18n/config";
import { localizeError, type LocalizedError } from "../i18n/errors";
import { logDeniedRequest, requireActor } from "./current";
import type { Action, Actor } from "./permissions";

export type ActionError = LocalizedError;
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * The frame of every server action: session (else the login page), role (else 403 and
 * the security log), then one lib use-case; AppErrors come back as a result with
 * field messages in the user's language, so forms can show them beside the fields.
 */
export async function runAction<T>(
  action: Action | undefined,
  fn: (actor: Actor) => Promise<T>,
): Promise<ActionResult<T>> {
  const actor = await requireActor(action);
  try {
    return { ok: true, data: await fn(actor) };
  } catch (err) {
    if (!isAppError(err)) throw err;
    // A use-case refused this actor (e.g. someone else's project): as much a refused
    // authorization as a role check, so it goes to the security log too.
    if (err.code === "FORBIDDEN") await logDeniedRequest(actor, String(err.params?.action ?? ""));
    return { ok: false, error: localizeError(err, resolveLocale(await getLocale())) };
  }
}

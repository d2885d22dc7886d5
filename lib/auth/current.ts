import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { logAccessDenied } from "../security/log";
import { can, type Action, type Actor } from "./permissions";
import { sessionCookieNames } from "./session-claims";
import { actorFromSessionToken } from "./session";

/** The signed-in user of the current page or server action, or null. */
export async function currentActor(): Promise<Actor | null> {
  const store = await cookies();
  const token = sessionCookieNames.map((n) => store.get(n)?.value).find(Boolean);
  return actorFromSessionToken(token, await currentPath());
}

async function currentPath() {
  const h = await headers();
  return h.get("x-crm-path") ?? undefined;
}

async function currentMethod() {
  return (await headers()).get("x-crm-method") ?? "GET";
}

/**
 * Guard for every signed-in page and server action: no session → the login page;
 * a role outside `action` → logged and answered 403 (Next.js forbidden()).
 */
export async function requireActor(action?: Action): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    const path = await currentPath();
    redirect(path && path !== "/" ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login");
  }
  if (action && !can(actor.role, action)) {
    await logDeniedRequest(actor, action);
    forbidden();
  }
  return actor;
}

/** Logs a refusal of the current page request or server action. */
export async function logDeniedRequest(actor: Actor, action: string) {
  await logAccessDenied(actor, { path: await currentPath(), detail: `${await currentMethod()} ${action}` });
}

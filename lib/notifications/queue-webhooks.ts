// No "server-only" marker: it works on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) writes through it too.
import type { Prisma, Tx } from "../db";
import { env } from "../env";
import { hasMessage, translate } from "../i18n/translate";
import { notificationMessage, type NotificationParams } from "./message";
import { robotBody, robotMarkdown, type RobotKind, type RobotMessage } from "./webhook-body";

// The outbox of the group robots: rows written in the caller's transaction (plain inserts,
// so the change commits with them and never waits for a robot), sent later by
// deliverPendingWebhooks. The bureau's robots speak Chinese.
const LOCALE = "zh-CN" as const;

export type RobotEvent = {
  kind: string;
  params: NotificationParams;
  href?: string;
  entity?: { type: string; id: string };
  dedupeKey?: string;
};

/** An app path as an absolute link (NEXTAUTH_URL, else this machine's address). */
export function absoluteLink(href: string | undefined | null): string | null {
  if (!href || !href.startsWith("/") || href.startsWith("//")) return null;
  const e = env();
  try {
    return new URL(href, e.NEXTAUTH_URL || `http://localhost:${e.PORT}`).toString();
  } catch {
    return null;
  }
}

const shanghaiTime = (d: Date) =>
  new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  })
    .format(d)
    .replace(/\//g, "-");

/** The message of an event: its sentence, its project (by the params' projectName, else the Project it names) and facts. */
async function eventMessage(tx: Tx, event: RobotEvent): Promise<RobotMessage> {
  let projectName = typeof event.params.projectName === "string" ? event.params.projectName : null;
  const params = { ...event.params };
  if (!projectName && event.entity?.type === "Project") {
    const p = await tx.project.findUnique({ where: { id: event.entity.id }, select: { name: true, code: true } });
    if (p) {
      projectName = p.name;
      params.projectName = p.name;
      params.projectCode ??= p.code;
    }
  }
  const facts = Object.entries(params)
    .filter(([k, v]) => k !== "projectName" && v !== "" && hasMessage(LOCALE, `notifications.facts.${k}`))
    .map(([k, v]) => [translate(LOCALE, `notifications.facts.${k}`), String(v)] as const);
  facts.push([translate(LOCALE, "notifications.facts.time"), shanghaiTime(new Date())]);
  return {
    title: notificationMessage(LOCALE, event.kind, params),
    projectName,
    link: absoluteLink(event.href),
    facts,
  };
}

export function robotPayload(kind: RobotKind, message: RobotMessage): Prisma.InputJsonValue {
  const labels = {
    project: translate(LOCALE, "notifications.facts.project"),
    details: translate(LOCALE, "notifications.facts.details"),
  };
  return robotBody(kind, message.title, robotMarkdown(message, labels)) as Prisma.InputJsonValue;
}

/**
 * One delivery per active webhook that takes the event — its unit is the whole bureau or
 * the department of one of the recipients, and its kinds are all or include this one — not
 * one per recipient. A repeated event (same dedupeKey) queues nothing again.
 */
export async function queueWebhookDeliveries(tx: Tx, event: RobotEvent & { userIds: readonly string[] }) {
  const hooks = await tx.webhook.findMany({
    where: { active: true, OR: [{ events: { isEmpty: true } }, { events: { has: event.kind } }] },
    select: { id: true, kind: true, departmentId: true },
  });
  if (!hooks.length) return 0;
  let departments = new Set<string>();
  if (hooks.some((h) => h.departmentId)) {
    const users = await tx.user.findMany({
      where: { id: { in: [...event.userIds] }, departmentId: { not: null } },
      select: { departmentId: true },
    });
    departments = new Set(users.map((u) => u.departmentId!));
  }
  const matching = hooks.filter((h) => !h.departmentId || departments.has(h.departmentId));
  if (!matching.length) return 0;
  const message = await eventMessage(tx, event);
  const { count } = await tx.webhookDelivery.createMany({
    data: matching.map((h) => ({
      webhookId: h.id,
      kind: event.kind,
      body: robotPayload(h.kind, message),
      dedupeKey: event.dedupeKey,
    })),
    skipDuplicates: true,
  });
  return count;
}

import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { listDeliveriesSchema } from "./schemas";
import { departmentName, webhookView } from "./webhook-view";

/** A robot's delivery log, newest first (ADMIN): time, kind, status, attempts, HTTP status, error, the body sent. */
export async function listDeliveries({ actor, id, query }: { actor: Actor; id: string; query: unknown }) {
  assertCan(actor, "webhook.manage");
  const q = parseInput(listDeliveriesSchema, query);
  const db = getDb();
  const webhook = await db.webhook.findUnique({ where: { id } });
  if (!webhook) throw new AppError("NOT_FOUND");
  const where = { webhookId: id, ...(q.status ? { status: q.status } : {}) };
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.webhookDelivery.count({ where }),
  ]);
  return {
    webhook: webhookView(webhook, await departmentName(db, webhook.departmentId).catch(() => null)),
    items: rows.map((d) => ({
      id: d.id,
      kind: d.kind,
      status: d.status,
      attempts: d.attempts,
      responseStatus: d.responseStatus,
      lastError: d.lastError,
      body: d.body,
      createdAt: d.createdAt.toISOString(),
      sentAt: d.sentAt?.toISOString() ?? null,
      nextAttemptAt: d.status === "PENDING" ? d.nextAttemptAt.toISOString() : null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

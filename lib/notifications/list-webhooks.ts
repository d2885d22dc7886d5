import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { webhookView } from "./webhook-view";

/** Every robot with the counts of its messages by status (ADMIN). */
export async function listWebhooks({ actor }: { actor: Actor }) {
  assertCan(actor, "webhook.manage");
  const db = getDb();
  const [rows, counts, departments] = await Promise.all([
    db.webhook.findMany({ orderBy: [{ active: "desc" }, { createdAt: "asc" }] }),
    db.webhookDelivery.groupBy({ by: ["webhookId", "status"], _count: { _all: true } }),
    db.department.findMany({ select: { id: true, name: true } }),
  ]);
  const unit = new Map(departments.map((d) => [d.id, d.name]));
  return rows.map((w) => {
    const mine = counts.filter((c) => c.webhookId === w.id);
    const of = (s: string) => mine.find((c) => c.status === s)?._count._all ?? 0;
    return {
      ...webhookView(w, w.departmentId ? (unit.get(w.departmentId) ?? null) : null),
      deliveries: { pending: of("PENDING"), sent: of("SENT"), failed: of("FAILED") },
    };
  });
}

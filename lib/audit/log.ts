// No "server-only" marker: it works on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) writes through the use-cases that call it.
import type { Prisma, Tx } from "../db";

export type AuditEntry = {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
};

const hidden = new Set(["passwordHash", "tokenHash"]);

/** A JSON-safe copy without secrets (Decimal and Date become strings). */
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (hidden.has(key) ? undefined : typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/** An audit row as stored. */
const auditRow = (entry: AuditEntry) => ({
  actorId: entry.actorId,
  entityType: entry.entityType,
  entityId: entry.entityId,
  action: entry.action,
  before: snapshot(entry.before),
  after: snapshot(entry.after),
});

/** Several audit rows in one statement, in this order, inside the caller's transaction (an import's chunk). */
export async function writeAudits(tx: Tx, entries: AuditEntry[]) {
  if (!entries.length) return;
  await tx.auditLog.createMany({ data: entries.map(auditRow) });
}

/** Writes one audit row inside the caller's transaction, so it commits with the change. */
export async function writeAudit(tx: Tx, entry: AuditEntry) {
  await tx.auditLog.create({ data: auditRow(entry) });
}

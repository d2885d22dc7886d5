import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { parseInput } from "../validation";
import { normalizeAddress } from "./client-ip";
import { securityQuerySchema } from "./schemas";

export async function listSecurityEvents({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "securityLog.read");
  const q = parseInput(securityQuerySchema, query);
  const where = { ...(q.type ? { type: q.type } : {}), ...(q.username ? { username: q.username } : {}) };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.securityEvent.findMany({ where, orderBy: { id: "desc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.securityEvent.count({ where }),
  ]);
  return {
    // Addresses logged before they were normalised read "::ffff:127.0.0.1": shown as the IPv4 address they are.
    items: rows.map((r) => ({
      ...r,
      id: r.id.toString(),
      ip: r.ip ? normalizeAddress(r.ip) : null,
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

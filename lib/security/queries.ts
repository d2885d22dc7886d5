import "server-only";
import { z } from "zod";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { blankToUndefined as blank } from "../schemas";
import { parseInput } from "../validation";

export const securityEventTypes = [
  "LOGIN_SUCCESS",
  "LOGIN_FAILURE",
  "LOGIN_LOCKED",
  "LOGOUT",
  "ACCESS_DENIED",
  "SESSION_REVOKED",
] as const;

const querySchema = z.object({
  type: z.preprocess(blank, z.enum(securityEventTypes).optional()),
  username: z.preprocess(blank, z.string().trim().toLowerCase().max(100).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).default(1)),
  pageSize: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(50)),
});

export async function listSecurityEvents({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "securityLog.read");
  const q = parseInput(querySchema, query);
  const where = { ...(q.type ? { type: q.type } : {}), ...(q.username ? { username: q.username } : {}) };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.securityEvent.findMany({ where, orderBy: { id: "desc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.securityEvent.count({ where }),
  ]);
  return {
    items: rows.map((r) => ({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString() })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

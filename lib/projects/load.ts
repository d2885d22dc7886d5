import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { projectDetailSelect, toProjectDetail } from "./project-view";

/**
 * The project a change starts from, locked for the rest of the transaction: the row
 * (for the rules) and its detail view (the audit's "before").
 */
export async function lockProject(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from projects where id = ${id} for update`;
  if (rows.length === 0) throw new AppError("NOT_FOUND");
  const row = await tx.project.findUniqueOrThrow({ where: { id }, select: projectDetailSelect });
  return { row, before: toProjectDetail(row) };
}

/** Optimistic locking: the caller's version must be the stored one. */
export function assertVersion(current: number, sent: number | undefined) {
  if (sent !== undefined && sent !== current) throw new AppError("CONFLICT", { params: { current } });
}

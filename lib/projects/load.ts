import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";

/** The project row a change starts from, locked for the rest of the transaction. */
export async function lockProject(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id from projects where id = ${id} for update`;
  if (rows.length === 0) throw new AppError("NOT_FOUND");
  return tx.project.findUniqueOrThrow({ where: { id }, include: { enterprise: true } });
}

/** Optimistic locking: the caller's version must be the stored one. */
export function assertVersion(current: number, sent: number | undefined) {
  if (sent !== undefined && sent !== current) throw new AppError("CONFLICT", { params: { current } });
}

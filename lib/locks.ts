// No "server-only" marker: it locks on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) runs the writers that use it.
import type { Tx } from "./db";
import { AppError } from "./errors";

/** Tables whose rows a change locks before it reads and checks them. */
type LockableTable =
  | "projects"
  | "permit_cases"
  | "permit_items"
  | "permit_types"
  | "enterprises"
  | "chains"
  | "chain_links"
  | "industries"
  | "project_plans"
  | "supervision_notices"
  | "meetings"
  | "problems"
  | "webhooks"
  | "supervision_settings"
  | "incentive_measures"
  | "signing_weeks";

/**
 * Locks one row for the rest of the transaction (`select … for update`), so that the
 * rules checked on it cannot race another change. False when there is no such row.
 */
export async function lockRow(tx: Tx, table: LockableTable, id: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`select id from "${table}" where id = $1 for update`, id);
  return rows.length > 0;
}

/** Optimistic locking: the caller's version must be the stored one (409 otherwise). */
export function assertVersion(current: number, sent: number | undefined) {
  if (sent !== undefined && sent !== current) throw new AppError("CONFLICT", { params: { current } });
}

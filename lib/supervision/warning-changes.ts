// No "server-only" marker: it works on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) writes through it too.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db";
import type { Color, WarningReason } from "./warning-rules";

export type WarningChangeEntry = {
  projectId: string;
  from: Color;
  to: Color;
  /** What the rules said at that moment (beside an override). */
  computed: Color;
  reasons: readonly WarningReason[];
  /** COMPUTED (the rules), OVERRIDE (a manager set one), OVERRIDE_ENDED (ended early, or its last day passed). */
  source: "COMPUTED" | "OVERRIDE" | "OVERRIDE_ENDED";
  /** The manager's reason for an override, or for ending it early. */
  reason?: string | null;
  /** Who caused it (null: the daily recompute). */
  byId?: string | null;
};

/**
 * The one writer of the colour history (SPEC §5 "every colour change is kept: from, to,
 * reasons, computed or overridden, by whom, when"): one insert for any number of rows, in
 * the caller's transaction.
 */
export async function writeWarningChanges(tx: Tx, entries: readonly WarningChangeEntry[]): Promise<number> {
  if (!entries.length) return 0;
  // One statement whatever the number of rows (the daily recompute writes thousands at once).
  return tx.$executeRawUnsafe(
    `insert into warning_changes (id, "projectId", "from", "to", computed, reasons, source, reason, "byId", at)
     select v.id, v.p, v.f::"WarningColor", v.t::"WarningColor", v.c::"WarningColor", v.r::jsonb, v.s::"WarningSource", v.why, v.by, clock_timestamp() at time zone 'UTC'
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
       as v(id, p, f, t, c, r, s, why, by)`,
    entries.map(() => randomUUID()),
    entries.map((e) => e.projectId),
    entries.map((e) => e.from),
    entries.map((e) => e.to),
    entries.map((e) => e.computed),
    entries.map((e) => JSON.stringify(e.reasons)),
    entries.map((e) => e.source),
    entries.map((e) => e.reason ?? null),
    entries.map((e) => e.byId ?? null),
  );
}

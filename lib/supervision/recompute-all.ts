import "server-only";
import { getDb } from "../db";
import { shanghaiToday } from "../dates";
import { applyWarnings } from "./apply-warnings";
import { getSupervisionSettings } from "./settings";
import { loadWarningBatch } from "./warning-inputs";

/** Projects per transaction: each batch locks its rows only for as long as it takes (tens of ms). */
const BATCH = 2000;

/**
 * The daily recompute (pg-boss job at 00:30 Asia/Shanghai, and POST /api/v1/warnings/recompute):
 * every project's colour, in batches of locked rows in id order, writing only the rows whose
 * colour or reasons changed (a second run the same day writes nothing) and ending the
 * overrides whose last day has passed (history source OVERRIDE_ENDED). Idempotent, so a
 * retried job does not apply twice.
 */
export async function recomputeAllWarnings(
  opts: { today?: string; actorId?: string | null } = {},
): Promise<{ projects: number; changed: number; overridesEnded: number; byColor: Record<string, number> }> {
  const today = opts.today ?? shanghaiToday();
  const db = getDb();
  const settings = await getSupervisionSettings(db);
  const totals = { projects: 0, changed: 0, overridesEnded: 0, byColor: { NONE: 0, BLUE: 0, YELLOW: 0, RED: 0 } };
  let after = "";
  for (;;) {
    const outcomes = await db.$transaction(
      async (tx) => {
        const rows = await loadWarningBatch(tx, { after, limit: BATCH, today });
        return rows.length ? applyWarnings(tx, rows, { today, settings, actorId: opts.actorId ?? null }) : [];
      },
      { timeout: 120_000 },
    );
    if (!outcomes.length) break;
    after = outcomes[outcomes.length - 1].id;
    totals.projects += outcomes.length;
    for (const o of outcomes) {
      totals.byColor[o.warning]++;
      if (o.changed) totals.changed++;
      if (o.overrideEnded) totals.overridesEnded++;
    }
    if (outcomes.length < BATCH) break;
  }
  return totals;
}

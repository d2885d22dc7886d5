// No "server-only" marker: it works on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) writes through it too.
import type { Tx } from "../db";
import { shanghaiToday } from "../dates";
import { applyWarnings, type WarningOutcome } from "./apply-warnings";
import { getSupervisionSettings } from "./settings";
import { loadWarningRows } from "./warning-inputs";

/**
 * Recomputes one project's 红黄蓝 inside the caller's transaction: every change that feeds
 * the colour calls it (plan, progress, stage, notice) after writing, so the colour commits
 * with the change. Writes only what changed (lib/supervision/apply-warnings.ts); null when
 * there is no such project.
 */
export async function recomputeWarning(
  tx: Tx,
  projectId: string,
  opts: { actorId?: string | null; today?: string } = {},
): Promise<WarningOutcome | null> {
  const today = opts.today ?? shanghaiToday();
  const [settings, rows] = await Promise.all([getSupervisionSettings(tx), loadWarningRows(tx, [projectId], today)]);
  if (!rows.length) return null;
  const [outcome] = await applyWarnings(tx, rows, { today, settings, actorId: opts.actorId ?? null });
  return outcome;
}

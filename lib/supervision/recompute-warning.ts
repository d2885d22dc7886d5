import "server-only";
import type { Tx } from "../db";

/**
 * Recomputes one project's 红黄蓝 inside the caller's transaction (every change that feeds
 * the colour calls it: plan, progress, stage, notice) and writes a WarningChange row when
 * the colour or its reasons change. INTERFACE ONLY in this commit: the supervision-colour
 * branch implements it (the rule function in lib/supervision/warning-rules.ts).
 */
export async function recomputeWarning(tx: Tx, projectId: string, opts: { actorId?: string | null } = {}) {
  void tx;
  void projectId;
  void opts;
}

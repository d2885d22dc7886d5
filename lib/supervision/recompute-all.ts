import "server-only";

/**
 * The daily recompute (pg-boss job at 00:30 Asia/Shanghai, and POST /api/v1/warnings/recompute):
 * every project's colour, writing only the rows whose colour or reasons changed, ending
 * expired overrides. PLACEHOLDER with its final signature: the supervision-colour branch
 * implements it.
 */
export async function recomputeAllWarnings(
  opts: { today?: string } = {},
): Promise<{ projects: number; changed: number }> {
  void opts;
  return { projects: 0, changed: 0 };
}

// No "server-only" marker: it works on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) writes through it too.
import type { Tx } from "../db";
import { supervisionSettingsSchema, type SupervisionSettings } from "./settings-schema";

export { defaultSupervisionSettings, type SupervisionSettings } from "./settings-schema";

/**
 * 督办规则 as stored (one row), every missing value filled from SPEC §5's defaults. A row
 * written by an older version with fewer keys still reads whole.
 */
export async function getSupervisionSettings(db: Tx): Promise<SupervisionSettings & { version: number }> {
  const row = await db.supervisionSettings.findUnique({ where: { id: 1 } });
  const parsed = supervisionSettingsSchema.safeParse(row?.values ?? {});
  return { ...(parsed.success ? parsed.data : supervisionSettingsSchema.parse({})), version: row?.version ?? 0 };
}

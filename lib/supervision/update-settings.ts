import "server-only";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { getDb } from "../db";
import { sendJob } from "../jobs/send-job";
import { assertVersion, lockRow } from "../locks";
import { parseInput } from "../validation";
import { supervisionSettingKeys, updateSupervisionSettingsSchema } from "./schemas";
import { getSupervisionSettings } from "./settings";

/**
 * Changes 督办规则 (ADMIN): the values given replace the stored ones (a value left out keeps
 * its value), checked whole, with the version; one transaction with the audit row (before
 * and after). After the commit every project's colour is recomputed by the job runner
 * (warnings.recompute-daily, sent on demand): `recomputing` says whether that was queued.
 */
export async function updateSupervisionSettings({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "supervision.settings");
  const saved = await getDb().$transaction(async (tx) => {
    // The one row exists from the first save on; until then the defaults read as version 0.
    await tx.supervisionSettings.createMany({ data: [{ id: 1, version: 0 }], skipDuplicates: true });
    await lockRow(tx, "supervision_settings", "1");
    const { version, ...before } = await getSupervisionSettings(tx);
    const given = input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
    const data = parseInput(updateSupervisionSettingsSchema, { ...before, ...given });
    assertVersion(version, data.version);
    const after = Object.fromEntries(supervisionSettingKeys.map((k) => [k, data[k]])) as typeof before;
    const row = await tx.supervisionSettings.update({
      where: { id: 1 },
      data: { values: after, version: { increment: 1 }, updatedById: actor.id },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SupervisionSettings",
      entityId: "1",
      action: "update",
      before,
      after,
    });
    return { ...after, version: row.version };
  });
  const recomputing = await sendJob("warnings.recompute-daily", { reason: "settings" }).then(
    () => true,
    (err) => {
      console.error("supervision settings: recompute not queued:", err);
      return false;
    },
  );
  return { ...saved, recomputing };
}

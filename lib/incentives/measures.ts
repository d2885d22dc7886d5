import "server-only";
import { getDb, type Tx } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { parseInput } from "../validation";
import { measureSelect, measureView, type MeasureView } from "./measure-view";
import { measureSchema, patchMeasureSchema, type MeasureData } from "./schemas";

// 政策措施 (SPEC §6): admin-defined measures. Everyone who reads projects reads them; only
// MANAGER and ADMIN change them (incentive.manage), each change audited.

/** Every measure (active first, then by category and name). */
export async function listMeasures({ actor }: { actor: Actor }) {
  assertCan(actor, "incentive.read");
  const rows = await getDb().incentiveMeasure.findMany({
    select: measureSelect,
    orderBy: [{ active: "desc" }, { category: "asc" }, { name: "asc" }],
  });
  return { items: rows.map(measureView) };
}

const stored = (d: MeasureData) => ({
  name: d.name,
  category: d.category,
  field: d.field,
  tiers: d.tiers.map((t) => ({ from: t.from, to: t.to, rate: t.rate })),
  threshold: d.threshold,
  cap: d.cap,
  years: d.years,
  validFrom: d.validFrom,
  validTo: d.validTo,
  description: d.description ?? null,
});

async function assertNameFree(tx: Tx, name: string, id?: string) {
  const other = await tx.incentiveMeasure.findFirst({
    where: { name, NOT: id ? { id } : undefined },
    select: { id: true },
  });
  if (other)
    throw new AppError("DUPLICATE", { fields: { name: "validation.incentiveNameTaken" }, labels: "incentive" });
}

export async function createMeasure({ actor, input }: { actor: Actor; input: unknown }): Promise<MeasureView> {
  assertCan(actor, "incentive.manage");
  const data = parseInput(measureSchema, input);
  return getDb().$transaction(async (tx) => {
    await assertNameFree(tx, data.name);
    const row = await tx.incentiveMeasure.create({ data: stored(data), select: measureSelect });
    const view = measureView(row);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "IncentiveMeasure",
      entityId: row.id,
      action: "create",
      after: view,
    });
    return view;
  });
}

/**
 * PATCH with `version`: the fields given replace the stored ones and the whole measure is
 * checked again by the create rules (a cap below the stored threshold is refused too);
 * `active: false` deactivates it (its grants stay), `active: true` brings it back.
 */
export async function updateMeasure({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "incentive.manage");
  const patch = parseInput(patchMeasureSchema, input) as Record<string, unknown> & {
    version: number;
    active?: boolean;
  };
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "incentive_measures", id))) throw new AppError("NOT_FOUND");
    const row = await tx.incentiveMeasure.findUniqueOrThrow({ where: { id }, select: measureSelect });
    assertVersion(row.version, patch.version);
    const before = measureView(row);
    const { active } = patch;
    const merged: Record<string, unknown> = {
      name: before.name,
      category: before.category,
      field: before.field,
      tiers: before.tiers,
      threshold: before.threshold,
      cap: before.cap,
      years: before.years,
      validFrom: before.validFrom,
      validTo: before.validTo,
      description: before.description ?? undefined,
    };
    // A field the body names replaces the stored one, also when it is empty ("" or null clears
    // the description, threshold, cap or end of validity).
    for (const [k, v] of Object.entries(input as Record<string, unknown>)) if (k in merged) merged[k] = v;
    const data = parseInput(measureSchema, merged);
    if (data.name !== before.name) await assertNameFree(tx, data.name, id);
    const updated = await tx.incentiveMeasure.update({
      where: { id },
      data: { ...stored(data), ...(active !== undefined ? { active } : {}), version: { increment: 1 } },
      select: measureSelect,
    });
    const after = measureView(updated);
    const action =
      before.active && !after.active ? "deactivate" : !before.active && after.active ? "activate" : "update";
    await writeAudit(tx, { actorId: actor.id, entityType: "IncentiveMeasure", entityId: id, action, before, after });
    return after;
  });
}

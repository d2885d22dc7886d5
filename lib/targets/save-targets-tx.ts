// No "server-only" marker: it works on the transaction it is given, so the demo seed (a plain
// Node script) writes its targets through the same code as a manager's save.
import type { Tx } from "../db";
import { AppError } from "../errors";
import { writeAudit } from "../audit/log";
import { assertVersion } from "../locks";
import type { SaveTargetsData } from "./schemas";

/** Whose targets a person may hold: active staff members and leaders (SPEC §8). */
export const targetPersonRoles = ["STAFF", "LEADER"] as const;

/**
 * Saves a year's targets inside the caller's transaction: the year row locked (created on
 * the first save), its version checked (409 when stale), every unit checked (400 naming the
 * item: an active STAFF or LEADER user, an existing park), the listed items upserted in one
 * statement, the version raised and one audit row written. Items not listed stay as they are.
 */
export async function saveTargetsTx(tx: Tx, { actorId, data }: { actorId: string | null; data: SaveTargetsData }) {
  await tx.$executeRaw`insert into target_years (year, version, "updatedAt") values (${data.year}, 1, now()) on conflict (year) do nothing`;
  const [year] = await tx.$queryRaw<{ version: number; saved: boolean }[]>`
    select version, exists (select 1 from targets where year = ${data.year}) as saved
      from target_years where year = ${data.year} for update`;
  // From the second save on, the version the edit was made from is required.
  if (year.saved && data.version === undefined)
    throw new AppError("VALIDATION", { labels: "target", fields: { version: "validation.version" } });
  assertVersion(year.version, data.version);

  const userIds = [...new Set(data.items.filter((i) => i.unit === "USER").map((i) => i.unitId))];
  const parkIds = [...new Set(data.items.filter((i) => i.unit === "PARK").map((i) => i.unitId))];
  const [users, parks] = await Promise.all([
    tx.user.findMany({
      where: { id: { in: userIds }, active: true, role: { in: [...targetPersonRoles] } },
      select: { id: true, username: true },
    }),
    tx.park.findMany({ where: { id: { in: parkIds } }, select: { id: true, code: true } }),
  ]);
  const names = new Map<string, string>([
    ...users.map((u) => [u.id, u.username] as const),
    ...parks.map((p) => [p.id, p.code] as const),
  ]);
  const fields: Record<string, string> = {};
  data.items.forEach((item, i) => {
    if (item.unit === "USER" && !names.has(item.unitId)) fields[`items.${i}.unitId`] = "validation.targetPerson";
    if (item.unit === "PARK" && !names.has(item.unitId)) fields[`items.${i}.unitId`] = "validation.parkMissing";
  });
  if (Object.keys(fields).length) throw new AppError("VALIDATION", { labels: "target", fields });

  const before = await tx.target.findMany({
    where: { year: data.year },
    select: { unit: true, unitId: true, indicator: true, annual: true, quarters: true },
  });
  const rows = JSON.stringify(data.items);
  await tx.$executeRaw`
    insert into targets (id, year, unit, "unitId", indicator, annual, quarters, "createdAt", "updatedAt")
    select gen_random_uuid()::text, ${data.year}, x.unit::"TargetUnit", x."unitId", x.indicator::"TargetIndicator",
           x.annual, x.quarters, now(), now()
      from jsonb_to_recordset(${rows}::jsonb) as x(unit text, "unitId" text, indicator text, annual numeric, quarters numeric[])
    on conflict (year, unit, "unitId", indicator)
    do update set annual = excluded.annual, quarters = excluded.quarters, "updatedAt" = now()`;
  const updated = await tx.targetYear.update({
    where: { year: data.year },
    data: { version: { increment: 1 }, updatedById: actorId },
    select: { year: true, version: true },
  });
  // The history reads "签约项目数 · 张三: 10（3/3/2/2）" per changed item (lib/audit/catalogue.ts TargetYear).
  const line = (i: { unit: string; unitId: string; indicator: string; annual: string; quarters: string[] }) =>
    `${i.indicator} · ${i.unit === "DISTRICT" ? "DISTRICT" : (names.get(i.unitId) ?? i.unitId)}: ${i.annual} (${i.quarters.join(" / ")})`;
  const key = (i: { unit: string; unitId: string; indicator: string }) => `${i.unit}:${i.unitId}:${i.indicator}`;
  const listed = new Set(data.items.map(key));
  const old = before
    .filter((b) => listed.has(key(b)))
    .map((b) => ({ ...b, annual: b.annual.toFixed(2), quarters: b.quarters.map((q) => q.toFixed(2)) }));
  const oldLines = new Map(old.map((o) => [key(o), line(o)]));
  const changed = data.items.filter((i) => oldLines.get(key(i)) !== line(i));
  await writeAudit(tx, {
    actorId,
    entityType: "TargetYear",
    entityId: String(data.year),
    action: "save",
    before: { year: data.year, targets: changed.flatMap((i) => oldLines.get(key(i)) ?? []) },
    after: { year: data.year, targets: changed.map(line), version: updated.version },
  });
  return updated;
}

// The demo's 年度目标 for 2026 (SPEC §8): the district's, split evenly over every park and every
// active staff member (the parts add up to the whole), and over every active leader — except
// that the leaders' 签约 count is one short, so the targets page shows its roll-up warning.
// Deterministic from the sorted park codes and usernames, whoever the seed created; written
// through the save's transaction code (lib/targets/save-targets-tx.ts), with its audit row.
// Idempotent: a year that already has targets is left alone.
import type { PrismaClient } from "../generated/prisma/client";
import { fromCents, isCountIndicator, toCents, type TargetIndicator } from "../lib/targets/indicators";
import { saveTargetsTx } from "../lib/targets/save-targets-tx";
import { saveTargetsSchema, type SaveTargetsInput } from "../lib/targets/schemas";

export const SEEDED_TARGET_YEAR = 2026;

/** The district's 2026 targets: about 30 signings worth 200 亿 (the source story's year). */
export const districtTargets2026: Record<TargetIndicator, string> = {
  SIGNED_COUNT: "30",
  SIGNED_INVESTMENT: "2000000.00",
  STARTED_COUNT: "20",
  COMPLETED_COUNT: "12",
  PRODUCTION_COUNT: "10",
  INVESTMENT_COMPLETED: "1200000.00",
};

/** `total` split over `n` parts that add up to it: whole numbers for counts, cents for money; the remainder on the first parts. */
export function splitEvenly(total: string, n: number, count: boolean): string[] {
  if (n === 0) return [];
  const step = count ? BigInt(100) : BigInt(1);
  const units = toCents(total) / step;
  const base = units / BigInt(n);
  const rest = Number(units % BigInt(n));
  return Array.from({ length: n }, (_, i) => fromCents((base + (i < rest ? BigInt(1) : BigInt(0))) * step));
}

export async function seedTargets(db: PrismaClient, year = SEEDED_TARGET_YEAR) {
  if ((await db.target.count({ where: { year } })) > 0) return;
  const [parks, people, manager] = await Promise.all([
    db.park.findMany({ select: { id: true }, orderBy: { code: "asc" } }),
    db.user.findMany({
      where: { active: true, role: { in: ["STAFF", "LEADER"] } },
      select: { id: true, role: true },
      orderBy: { username: "asc" },
    }),
    db.user.findFirst({ where: { role: "MANAGER", active: true }, select: { id: true }, orderBy: { username: "asc" } }),
  ]);
  const staff = people.filter((p) => p.role === "STAFF");
  const leaders = people.filter((p) => p.role === "LEADER");
  const items: SaveTargetsInput["items"] = [];
  for (const [indicator, whole] of Object.entries(districtTargets2026) as [TargetIndicator, string][]) {
    const count = isCountIndicator(indicator);
    items.push({ unit: "DISTRICT", unitId: null, indicator, annual: whole });
    splitEvenly(whole, parks.length, count).forEach((annual, i) =>
      items.push({ unit: "PARK", unitId: parks[i].id, indicator, annual }),
    );
    splitEvenly(whole, staff.length, count).forEach((annual, i) =>
      items.push({ unit: "USER", unitId: staff[i].id, indicator, annual }),
    );
    // The leaders' 签约 count one short of the district's: the roll-up's warning on a fresh start.
    const leadersWhole = indicator === "SIGNED_COUNT" ? fromCents(toCents(whole) - BigInt(100)) : whole;
    splitEvenly(leadersWhole, leaders.length, count).forEach((annual, i) =>
      items.push({ unit: "USER", unitId: leaders[i].id, indicator, annual }),
    );
  }
  const data = saveTargetsSchema.parse({ year, items });
  await db.$transaction((tx) => saveTargetsTx(tx, { actorId: manager?.id ?? null, data }));
}

import "server-only";
import { assertCan, can, type Actor } from "../auth/permissions";
import { shanghaiYear } from "../dates";
import { getDb } from "../db";
import { parseInput } from "../validation";
import { actualOf, loadYearActuals, targetedUnits } from "../reports/year-actuals";
import {
  isCountIndicator,
  progressPercent,
  sumDecimals,
  targetIndicators,
  toCents,
  type TargetIndicator,
  type TargetUnit,
} from "./indicators";
import { yearQuery } from "./schemas";
import { targetPersonRoles } from "./save-targets-tx";

/** The figure as the API answers it: counts as whole numbers' strings ("10"), money as "12.50". */
export const figureOut = (indicator: TargetIndicator, v: string) => (isCountIndicator(indicator) ? v.split(".")[0] : v);

export type TargetRollup = {
  indicator: TargetIndicator;
  district: string | null;
  parts: Record<"staff" | "leaders" | "parks", { sum: string; units: number; warning: boolean }>;
};

/**
 * GET /api/v1/targets?year=: the year's targets with each one's progress (actual, clean-counted,
 * against the annual target), the roll-ups of staff, leaders and parks per indicator against the
 * district's target (a warning where the parts do not add up to the whole), and the units a
 * manager may give targets to. Managers, leaders and admins read everything; a staff member
 * reads only their own targets (no roll-ups, no other people).
 */
export async function getTargets({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "target.read");
  const year = parseInput(yearQuery, query).year ?? shanghaiYear();
  const all = can(actor.role, "target.readAll");
  const db = getDb();
  // The targets first: the actuals are summed for the units they name (read once, so that every
  // target listed has its actual).
  const targets = await db.target.findMany({
    where: all ? { year } : { year, unit: "USER", unitId: actor.id },
    select: { unit: true, unitId: true, indicator: true, annual: true, quarters: true },
  });
  const [yearRow, users, parks, actuals] = await Promise.all([
    db.targetYear.findUnique({ where: { year }, select: { version: true, updatedAt: true } }),
    db.user.findMany({
      // Deactivated people too: their targets still count in the roll-ups until a manager moves them.
      where: all ? { role: { in: [...targetPersonRoles] } } : { id: actor.id },
      select: { id: true, username: true, displayName: true, role: true, active: true },
      orderBy: [{ role: "asc" }, { username: "asc" }],
    }),
    all
      ? db.park.findMany({
          select: { id: true, code: true, name: true },
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        })
      : [],
    loadYearActuals(db, year, targetedUnits(targets), all ? {} : { ownerId: actor.id }),
  ]);
  const roleOf = new Map(users.map((u) => [u.id, u.role]));
  const items = targets.map((t) => {
    const annual = t.annual.toFixed(2);
    const actual = actualOf(actuals, t.unit as TargetUnit, t.unitId, t.indicator);
    return {
      unit: t.unit,
      unitId: t.unit === "DISTRICT" ? null : t.unitId,
      indicator: t.indicator,
      annual: figureOut(t.indicator, annual),
      quarters: t.quarters.map((q) => figureOut(t.indicator, q.toFixed(2))),
      actual: figureOut(t.indicator, actual),
      progress: progressPercent(actual, annual),
    };
  });
  const rollups: TargetRollup[] = all
    ? targetIndicators.map((indicator) => {
        const of = (pred: (t: (typeof targets)[number]) => boolean) => {
          const parts = targets.filter((t) => t.indicator === indicator && pred(t));
          return { sum: sumDecimals(parts.map((p) => p.annual.toFixed(2))), units: parts.length };
        };
        const district = targets.find((t) => t.indicator === indicator && t.unit === "DISTRICT");
        const whole = district ? district.annual.toFixed(2) : null;
        const check = (p: { sum: string; units: number }) => ({
          sum: figureOut(indicator, p.sum),
          units: p.units,
          // Parts without a whole, or a whole its parts miss or exceed.
          warning: (whole !== null || p.units > 0) && toCents(p.sum) !== toCents(whole ?? "0"),
        });
        return {
          indicator,
          district: whole === null ? null : figureOut(indicator, whole),
          parts: {
            staff: check(of((t) => t.unit === "USER" && roleOf.get(t.unitId) === "STAFF")),
            leaders: check(of((t) => t.unit === "USER" && roleOf.get(t.unitId) === "LEADER")),
            parks: check(of((t) => t.unit === "PARK")),
          },
        };
      })
    : [];
  return {
    year,
    version: yearRow?.version ?? null,
    updatedAt: yearRow?.updatedAt.toISOString() ?? null,
    canEdit: can(actor.role, "target.edit"),
    items,
    rollups,
    units: {
      users: users.map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        active: u.active,
      })),
      parks,
    },
  };
}

export type TargetsView = Awaited<ReturnType<typeof getTargets>>;

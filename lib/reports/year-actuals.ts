import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { TargetIndicator, TargetUnit } from "../targets/indicators";
import { sumDecimals } from "../targets/indicators";

// What a year actually achieved, clean-counted (SPEC §2, §8): a project counts once, in the
// year of its FIRST entry into a stage (stage_changes.firstEntry, createdAt within the year in
// Asia/Shanghai). A capital increase (增资扩产) is an increment on its project, never a stage
// change, so it never counts as a project. Investment completed is each plan's latest 日调度
// entry of the year (its figure is cumulative within the year).
//
// The figures are summed in PostgreSQL per unit with a target in the year (grouping sets): the
// district (every project in scope), each person (the projects they own or lead, once) and each
// park. Targets' progress and the dashboard's ranking read the same rows; a unit without a
// target has no progress and is not summed.

export type ActualRow = {
  indicator: TargetIndicator;
  unit: TargetUnit;
  /** The user's or the park's id; "" for the district. */
  unitId: string;
  count: number;
  /** 万元: signed = the contract investment (else the total); others the total investment. */
  amount: string;
};

/** The stages 三个一批 and 投产 count, by the count indicator they feed. */
export const countedStages = {
  SIGNED: "SIGNED_COUNT",
  CONSTRUCTION: "STARTED_COUNT",
  COMPLETED: "COMPLETED_COUNT",
  PRODUCTION: "PRODUCTION_COUNT",
} as const;
export type CountedStage = keyof typeof countedStages;

/** The instants a Shanghai calendar year starts and ends (timestamps are stored in UTC). */
export function yearBounds(year: number) {
  return {
    from: new Date(`${year}-01-01T00:00:00+08:00`),
    to: new Date(`${year + 1}-01-01T00:00:00+08:00`),
    fromDay: `${year}-01-01`,
    toDay: `${year + 1}-01-01`,
  };
}

/** Whose projects: everyone's (the district), one owner's (STAFF) or one leader's. */
export type ActualScope = { ownerId?: string; leaderId?: string };

/** The condition narrowing `alias`'s rows to the scope, its parameter numbered `next`. */
export function scopeSql(
  scope: ActualScope,
  alias: string,
  next: number,
  columns = { owner: "ownerId", leader: "leaderId" },
) {
  if (scope.ownerId) return { sql: `and ${alias}."${columns.owner}" = $${next}`, params: [scope.ownerId] };
  if (scope.leaderId) return { sql: `and ${alias}."${columns.leader}" = $${next}`, params: [scope.leaderId] };
  return { sql: "", params: [] as string[] };
}

/** The people and parks with a target in the year: the units whose figures are summed, besides the district's. */
export type TargetedUnits = { users: string[]; parks: string[] };
export function targetedUnits(targets: readonly { unit: string; unitId: string }[]): TargetedUnits {
  const of = (unit: string) => [...new Set(targets.filter((t) => t.unit === unit).map((t) => t.unitId))];
  return { users: of("USER"), parks: of("PARK") };
}

/**
 * The first entries (stage_changes.firstEntry) into the counted stages from `$1` to before `$2`
 * (instants), one row per stage and project with the Shanghai year (`y`) and month (`m`) of the
 * entry and the project's figures. Each project keeps its first entry into each counted stage
 * (projects.signedFirstAt … productionFirstAt, kept by PostgreSQL on every insert into
 * stage_changes), and each of those columns leads an index holding everything read here: the
 * year's entries are four index-only range scans. `scope` (scopeSql on alias "x") narrows them
 * to a person's projects; `since` reads a stage's entries from another parameter than `$1`.
 */
export function firstEntriesSql(scope: { sql: string }, since: Partial<Record<CountedStage, string>> = {}) {
  const stage = (name: CountedStage, column: string) =>
    `select '${name}'::text as stage, x.id as "projectId", x."${column}" as at, x."ownerId", x."leaderId", x."parkId",
            x."industryId", x."sourceChannel", x."totalInvestment", x."contractInvestment"
       from projects x where x."${column}" >= ${since[name] ?? "$1"} and x."${column}" < $2 ${scope.sql}`;
  // Shanghai's year and month of an instant stored in UTC: the fixed +08:00 of yearBounds (China
  // has kept no summer time since 1991) — a third of the statement's time went into time zone
  // lookups for 13,000 rows.
  return `select fe.stage, fe."projectId",
                 date_part('year', fe.at + interval '8 hours')::int as y,
                 date_part('month', fe.at + interval '8 hours')::int as m,
                 fe."ownerId", fe."leaderId", fe."parkId", fe."industryId", fe."sourceChannel", fe."totalInvestment",
                 coalesce(fe."contractInvestment", fe."totalInvestment") as signed
            from (${stage("SIGNED", "signedFirstAt")}
                  union all ${stage("CONSTRUCTION", "constructionFirstAt")}
                  union all ${stage("COMPLETED", "completedFirstAt")}
                  union all ${stage("PRODUCTION", "productionFirstAt")}) fe`;
}

/** The groups `unitSums` answers: a unit's sums (OWNER and LEADER are a person's two parts). */
type UnitGroup = { unit: "DISTRICT" | "OWNER" | "LEADER" | "PARK"; unitId: string; count: number; amount: string };
/** First entries summed per stage and unit (what `entriesByUnitSql` answers). */
export type EntryGroup = UnitGroup & { stage: CountedStage; signed: string };

/**
 * Rows of `from` (a table expression) summed for the district, per owner, per leader and per park
 * in one pass (grouping sets), keeping the groups of the units with a target: `targeted` names
 * the parameters holding their ids (text[], from the same read of the targets as the caller's).
 * The leader's part leaves out the projects they also own, so a person counts each project once.
 * `keys` are grouped in every set.
 */
function unitSums(
  from: string,
  columns: { owner: string; leader: string; park: string },
  targeted: { users: string; parks: string },
  keys: string[],
  sums: string,
) {
  const sets = ["", "u.o", "u.l", "u.k"].map(
    (c) => `(${[...keys.map((k) => `u.${k}`), c].filter(Boolean).join(", ")})`,
  );
  return `select ${keys.map((k) => `u.${k}, `).join("")}
                 case when grouping(u.o) = 0 then 'OWNER' when grouping(u.l) = 0 then 'LEADER'
                      when grouping(u.k) = 0 then 'PARK' else 'DISTRICT' end as unit,
                 coalesce(u.o, u.l, u.k, '') as "unitId", count(*)::int as count, ${sums}
            from (select x.*, x.${columns.owner} as o, nullif(x.${columns.leader}, x.${columns.owner}) as l,
                         x.${columns.park} as k
                    from ${from} x) u
           group by grouping sets (${sets.join(", ")})
          -- Tested once per group, not per row.
          having grouping(u.o, u.l, u.k) = 7 or u.o = any(${targeted.users}::text[])
              or u.l = any(${targeted.users}::text[]) or u.k = any(${targeted.parks}::text[])`;
}

/** `f` (rows of firstEntriesSql, a table expression) summed per stage and unit with a target (see unitSums). */
export function entriesByUnitSql(f: string, targeted: { users: string; parks: string }) {
  return unitSums(
    f,
    { owner: '"ownerId"', leader: '"leaderId"', park: '"parkId"' },
    targeted,
    ["stage"],
    `coalesce(sum(u."totalInvestment"), 0)::text as amount, coalesce(sum(u.signed), 0)::text as signed`,
  );
}

/**
 * Each plan's latest 日调度 figure of the year (kept on the plan by
 * lib/supervision/plan-progress.ts), summed per unit by its project's owner, leader and park (kept
 * on the plan by PostgreSQL: project_plans.projectOwnerId …) in one scan.
 */
export function loadInvestmentCompleted(db: PrismaClient, year: number, units: TargetedUnits, scope: ActualScope = {}) {
  // The project's owner or leader (the plan's own leaderId is the plan's responsible leader).
  const s = scopeSql(scope, "pl", 4, { owner: "projectOwnerId", leader: "projectLeaderId" });
  return db.$queryRawUnsafe<UnitGroup[]>(
    unitSums(
      `(select pl."projectOwnerId", pl."projectLeaderId", pl."projectParkId", pl."investmentCompleted"
          from project_plans pl where pl.year = $1 and pl."progressDate" is not null ${s.sql})`,
      { owner: '"projectOwnerId"', leader: '"projectLeaderId"', park: '"projectParkId"' },
      { users: "$2", parks: "$3" },
      [],
      `coalesce(sum(u."investmentCompleted"), 0)::text as amount`,
    ),
    year,
    units.users,
    units.parks,
    ...s.params,
  );
}

/** The year's first entries and investment completed, for the district and the targeted units. */
export async function loadYearActuals(
  db: PrismaClient,
  year: number,
  units: TargetedUnits,
  scope: ActualScope = {},
): Promise<ActualRow[]> {
  const { from, to } = yearBounds(year);
  const s = scopeSql(scope, "x", 5);
  const [entries, completed] = await Promise.all([
    db.$queryRawUnsafe<EntryGroup[]>(
      entriesByUnitSql(`(${firstEntriesSql(s)})`, { users: "$3", parks: "$4" }),
      from,
      to,
      units.users,
      units.parks,
      ...s.params,
    ),
    loadInvestmentCompleted(db, year, units, scope),
  ]);
  return actualRows(entries, completed);
}

/** The rows of every indicator from the summed first entries and investment completed. */
export function actualRows(entries: EntryGroup[], completed: UnitGroup[]): ActualRow[] {
  const rows: ActualRow[] = [];
  const unitOf = (g: UnitGroup) => ({
    unit: g.unit === "OWNER" || g.unit === "LEADER" ? ("USER" as const) : g.unit,
    unitId: g.unitId,
    count: g.count,
  });
  for (const e of entries) {
    const unit = unitOf(e);
    rows.push({ indicator: countedStages[e.stage], ...unit, amount: e.amount });
    if (e.stage === "SIGNED") rows.push({ indicator: "SIGNED_INVESTMENT", ...unit, amount: e.signed });
  }
  for (const c of completed) rows.push({ indicator: "INVESTMENT_COMPLETED", ...unitOf(c), amount: c.amount });
  return rows;
}

const mineOf = (rows: ActualRow[], unit: TargetUnit, unitId: string, indicator: TargetIndicator) =>
  rows.filter((r) => r.indicator === indicator && r.unit === unit && r.unitId === unitId);

/** A unit's money for an indicator in 万元 (for a count, its projects' total investment). A person's sums their two parts (owned, led). */
export function amountOf(rows: ActualRow[], unit: TargetUnit, unitId: string, indicator: TargetIndicator): string {
  return sumDecimals(mineOf(rows, unit, unitId, indicator).map((r) => r.amount));
}

/**
 * A unit's actual for an indicator: a count as "N.00", money in 万元 (a decimal string). A
 * person's is the sum of their two parts (owned, led); a unit without a target in the year has
 * none summed ("0.00").
 */
export function actualOf(rows: ActualRow[], unit: TargetUnit, unitId: string, indicator: TargetIndicator): string {
  if (indicator === "SIGNED_INVESTMENT" || indicator === "INVESTMENT_COMPLETED")
    return amountOf(rows, unit, unitId, indicator);
  return `${mineOf(rows, unit, unitId, indicator).reduce((s, r) => s + r.count, 0)}.00`;
}

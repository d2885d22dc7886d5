import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { TargetIndicator } from "../targets/indicators";
import { sumDecimals } from "../targets/indicators";

// What a year actually achieved, clean-counted (SPEC §2, §8): a project counts once, in the
// year of its FIRST entry into a stage (stage_changes.firstEntry, createdAt within the year in
// Asia/Shanghai). A capital increase (增资扩产) is an increment on its project, never a stage
// change, so it never counts as a project. Investment completed is each project's latest 日调度
// entry of the year (its figure is cumulative within the year).
//
// One grouped row per (stage, owner, leader, park): the district, each person and each park
// are sums over these rows, so targets' progress and the dashboard's ranking share them.

export type ActualRow = {
  indicator: TargetIndicator;
  ownerId: string;
  leaderId: string | null;
  parkId: string | null;
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

export function scopeSql(scope: ActualScope, alias: string, next: number) {
  if (scope.ownerId) return { sql: `and ${alias}."ownerId" = $${next}`, params: [scope.ownerId] };
  if (scope.leaderId) return { sql: `and ${alias}."leaderId" = $${next}`, params: [scope.leaderId] };
  return { sql: "", params: [] as string[] };
}

/**
 * The first entries (stage_changes.firstEntry) into the counted stages from `$1` to before `$2`
 * (instants), one row per stage and project with the Shanghai year (`y`) and month (`m`) of the
 * entry and the project's figures. Each project keeps its first entry into each counted stage
 * (projects.signedFirstAt … productionFirstAt, kept by PostgreSQL on every insert into
 * stage_changes), and each of those columns leads an index holding everything read here: the
 * year's entries are four index-only range scans. `scope` (scopeSql on alias "x") narrows them
 * to a person's projects.
 */
export function firstEntriesSql(scope: { sql: string }) {
  const stage = (name: CountedStage, column: string) =>
    `select '${name}'::text as stage, x.id as "projectId", x."${column}" as at, x."ownerId", x."leaderId", x."parkId",
            x."industryId", x."sourceChannel", x."totalInvestment", x."contractInvestment"
       from projects x where x."${column}" >= $1 and x."${column}" < $2 ${scope.sql}`;
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

/** First entries grouped by stage, owner, leader and park (what `entriesByUnitSql` answers). */
export type EntryGroup = {
  stage: CountedStage;
  ownerId: string;
  leaderId: string | null;
  parkId: string | null;
  count: number;
  amount: string;
  signed: string;
};
type CompletedGroup = {
  ownerId: string;
  leaderId: string | null;
  parkId: string | null;
  count: number;
  amount: string;
};

/** `f` (rows of firstEntriesSql, a table expression) grouped by stage, owner, leader and park. */
export function entriesByUnitSql(f: string) {
  return `select f.stage, f."ownerId", f."leaderId", f."parkId", count(*)::int as count,
                 coalesce(sum(f."totalInvestment"), 0)::text as amount, coalesce(sum(f.signed), 0)::text as signed
            from ${f} f group by 1, 2, 3, 4`;
}

/**
 * Each plan's latest 日调度 figure of the year (kept on the plan by
 * lib/supervision/plan-progress.ts), grouped by its project's owner, leader and park (kept on the
 * plan by PostgreSQL: project_plans.projectOwnerId …): one index-only scan.
 */
export function loadInvestmentCompleted(db: PrismaClient, year: number, scope: ActualScope = {}) {
  // The project's owner or leader (the plan's own leaderId is the plan's responsible leader).
  const s = scope.ownerId
    ? { sql: `and pl."projectOwnerId" = $2`, params: [scope.ownerId] }
    : scope.leaderId
      ? { sql: `and pl."projectLeaderId" = $2`, params: [scope.leaderId] }
      : { sql: "", params: [] as string[] };
  return db.$queryRawUnsafe<CompletedGroup[]>(
    `select pl."projectOwnerId" as "ownerId", pl."projectLeaderId" as "leaderId", pl."projectParkId" as "parkId",
            count(*)::int as count, coalesce(sum(pl."investmentCompleted"), 0)::text as amount
       from project_plans pl
      where pl.year = $1 and pl."progressDate" is not null ${s.sql}
      group by 1, 2, 3`,
    year,
    ...s.params,
  );
}

/** The year's first entries grouped by stage, owner, leader and park, and the investment completed. */
export async function loadYearActuals(db: PrismaClient, year: number, scope: ActualScope = {}): Promise<ActualRow[]> {
  const { from, to } = yearBounds(year);
  const s = scopeSql(scope, "x", 3);
  const [entries, completed] = await Promise.all([
    db.$queryRawUnsafe<EntryGroup[]>(entriesByUnitSql(`(${firstEntriesSql(s)})`), from, to, ...s.params),
    loadInvestmentCompleted(db, year, scope),
  ]);
  return actualRows(entries, completed);
}

/** The rows of every indicator from the grouped first entries and investment completed. */
export function actualRows(entries: EntryGroup[], completed: CompletedGroup[]): ActualRow[] {
  const rows: ActualRow[] = [];
  for (const e of entries) {
    const unit = { ownerId: e.ownerId, leaderId: e.leaderId, parkId: e.parkId, count: e.count };
    rows.push({ indicator: countedStages[e.stage], ...unit, amount: e.amount });
    if (e.stage === "SIGNED") rows.push({ indicator: "SIGNED_INVESTMENT", ...unit, amount: e.signed });
  }
  for (const c of completed) rows.push({ indicator: "INVESTMENT_COMPLETED", ...c });
  return rows;
}

/** Which rows a unit's figures are made of: all (district), a person's (owned or led), a park's. */
export function rowsOf(rows: ActualRow[], unit: "DISTRICT" | "USER" | "PARK", unitId: string) {
  if (unit === "DISTRICT") return rows;
  if (unit === "PARK") return rows.filter((r) => r.parkId === unitId);
  return rows.filter((r) => r.ownerId === unitId || r.leaderId === unitId);
}

/** A unit's actual for an indicator: a count as "N.00", money in 万元 (a decimal string). */
export function actualOf(
  rows: ActualRow[],
  unit: "DISTRICT" | "USER" | "PARK",
  unitId: string,
  indicator: TargetIndicator,
): string {
  const mine = rowsOf(rows, unit, unitId).filter((r) => r.indicator === indicator);
  if (indicator === "SIGNED_INVESTMENT" || indicator === "INVESTMENT_COMPLETED")
    return sumDecimals(mine.map((r) => r.amount));
  return `${mine.reduce((s, r) => s + r.count, 0)}.00`;
}

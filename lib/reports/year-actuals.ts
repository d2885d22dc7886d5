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

/** The year's first entries, grouped by stage, owner, leader and park (uses stage_changes (toStage, firstEntry, createdAt)). */
export async function loadYearActuals(db: PrismaClient, year: number, scope: ActualScope = {}): Promise<ActualRow[]> {
  const { from, to, fromDay, toDay } = yearBounds(year);
  const s = scopeSql(scope, "p", 3);
  const [entries, completed] = await Promise.all([
    db.$queryRawUnsafe<
      {
        stage: CountedStage;
        ownerId: string;
        leaderId: string | null;
        parkId: string | null;
        count: number;
        amount: string;
        signed: string;
      }[]
    >(
      // The year's first entries through the index stage_changes (toStage, firstEntry, createdAt),
      // then each project by its key (lateral): never a scan of every project.
      `select fe.stage, p."ownerId", p."leaderId", p."parkId", count(*)::int as count,
              coalesce(sum(p."totalInvestment"), 0)::text as amount,
              coalesce(sum(coalesce(p."contractInvestment", p."totalInvestment")), 0)::text as signed
         from (select distinct sc."toStage"::text as stage, sc."projectId" from stage_changes sc
                where sc."firstEntry" and sc."toStage" in ('SIGNED', 'CONSTRUCTION', 'COMPLETED', 'PRODUCTION')
                  and sc."createdAt" >= $1 and sc."createdAt" < $2) fe
         cross join lateral (select x."ownerId", x."leaderId", x."parkId", x."totalInvestment", x."contractInvestment"
                               from projects x where x.id = fe."projectId") p
        where true ${s.sql}
        group by 1, 2, 3, 4`,
      from,
      to,
      ...s.params,
    ),
    db.$queryRawUnsafe<
      { ownerId: string; leaderId: string | null; parkId: string | null; count: number; amount: string }[]
    >(
      `select p."ownerId", p."leaderId", p."parkId", count(*)::int as count, coalesce(sum(e."investmentCompleted"), 0)::text as amount
         from (select distinct on (pe."projectId") pe."projectId", pe."investmentCompleted"
                 from progress_entries pe
                where pe.date >= $1::date and pe.date < $2::date
                order by pe."projectId", pe.date desc, pe."createdAt" desc) e
         cross join lateral (select x."ownerId", x."leaderId", x."parkId" from projects x where x.id = e."projectId") p
        where true ${s.sql}
        group by 1, 2, 3`,
      fromDay,
      toDay,
      ...s.params,
    ),
  ]);
  const rows: ActualRow[] = [];
  for (const e of entries) {
    rows.push({
      indicator: countedStages[e.stage],
      ownerId: e.ownerId,
      leaderId: e.leaderId,
      parkId: e.parkId,
      count: e.count,
      amount: e.amount,
    });
    if (e.stage === "SIGNED")
      rows.push({
        indicator: "SIGNED_INVESTMENT",
        ownerId: e.ownerId,
        leaderId: e.leaderId,
        parkId: e.parkId,
        count: e.count,
        amount: e.signed,
      });
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

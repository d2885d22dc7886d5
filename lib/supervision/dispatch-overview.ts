import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { parseInput } from "../validation";
import { weekBounds } from "./plan-dates";
import { dispatchQuerySchema } from "./schemas";

export type UnreportedProject = {
  id: string;
  code: string;
  name: string;
  stage: string;
  ownerId: string;
  ownerName: string;
  /** The leader in charge named on the year's plan. */
  leaderId: string;
  leaderName: string;
  /** The latest progress entry's date, null when none ever. */
  lastDate: string | null;
};

/**
 * The projects under dispatch in the day's year (a plan for that year; suspended and
 * terminated projects rest) with no progress entry from `from` to `to`: one query, the
 * NOT EXISTS and the latest date both served by the index progress_entries (projectId, date).
 */
async function unreported(year: number, from: string, to: string): Promise<UnreportedProject[]> {
  const rows = await getDb().$queryRaw<(Omit<UnreportedProject, "lastDate"> & { lastDate: Date | null })[]>`
    select p.id, p.code, p.name, p.stage::text as stage,
           p."ownerId", o."displayName" as "ownerName",
           pl."leaderId", l."displayName" as "leaderName",
           (select max(e.date) from progress_entries e where e."projectId" = p.id) as "lastDate"
      from project_plans pl
      join projects p on p.id = pl."projectId"
      join users o on o.id = p."ownerId"
      join users l on l.id = pl."leaderId"
     where pl.year = ${year}
       and p.stage not in ('SUSPENDED', 'TERMINATED')
       and not exists (
         select 1 from progress_entries e
          where e."projectId" = p.id and e.date >= ${from}::date and e.date <= ${to}::date)
     order by o."displayName", p.code`;
  return rows.map((r) => ({ ...r, lastDate: r.lastDate ? r.lastDate.toISOString().slice(0, 10) : null }));
}

/**
 * 日调度 overview (managers, leaders, admins): who has not reported on the day (today in
 * Shanghai unless given) and in its week (Monday–Sunday), among the projects under dispatch
 * that year.
 */
export async function dispatchOverview({ actor, today }: { actor: Actor; today?: string }) {
  assertCan(actor, "dispatch.overview");
  const q = parseInput(dispatchQuerySchema, { date: today });
  const day = q.date ? q.date.toISOString().slice(0, 10) : shanghaiToday();
  const year = Number(day.slice(0, 4));
  const { monday, sunday } = weekBounds(day);
  const [notToday, notThisWeek] = [await unreported(year, day, day), await unreported(year, monday, sunday)];
  const underDispatch = await getDb().projectPlan.count({
    where: { year, project: { stage: { notIn: ["SUSPENDED", "TERMINATED"] } } },
  });
  return { date: day, year, monday, sunday, underDispatch, notToday, notThisWeek };
}
export type DispatchOverview = Awaited<ReturnType<typeof dispatchOverview>>;

/** Projects grouped by their owner or by the leader in charge, groups in name order. */
export function groupUnreported(items: readonly UnreportedProject[], by: "owner" | "leader") {
  const groups = new Map<string, { id: string; name: string; items: UnreportedProject[] }>();
  for (const p of items) {
    const [id, name] = by === "owner" ? [p.ownerId, p.ownerName] : [p.leaderId, p.leaderName];
    const g = groups.get(id) ?? { id, name, items: [] };
    g.items.push(p);
    groups.set(id, g);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

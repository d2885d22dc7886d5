// No "server-only" marker: the seeds (plain Node scripts) keep the plans' figures with it too.
import type { Tx } from "../db";

/**
 * The one way a plan's latest 日调度 figure (project_plans."investmentCompleted" and
 * "progressDate") is derived: the latest progress entry of the plan's year, by date, then by
 * entry time. `$1` is the projects to bring up to date (a text array), or null for all; only
 * plans whose figure differs are written. The migration `dashboard_figures` ran the same
 * statement over the entries that existed before.
 */
export const syncPlanProgressSql = `
  update project_plans pl
     set "investmentCompleted" = e."investmentCompleted", "progressDate" = e.date
    from (select distinct on (pe."projectId", extract(year from pe.date))
                 pe."projectId", extract(year from pe.date)::int as year, pe.date, pe."investmentCompleted"
            from progress_entries pe
           where $1::text[] is null or pe."projectId" = any($1::text[])
           order by pe."projectId", extract(year from pe.date), pe.date desc, pe."createdAt" desc) e
   where pl."projectId" = e."projectId" and pl.year = e.year
     and (pl."progressDate" is distinct from e.date or pl."investmentCompleted" is distinct from e."investmentCompleted")`;

/** Brings the plans of `projectIds` (all plans when null) to their latest progress entry. */
export async function syncPlanProgress(tx: Tx, projectIds: string[] | null): Promise<number> {
  return tx.$executeRawUnsafe(syncPlanProgressSql, projectIds);
}

// No "server-only" marker: it works on the transaction it is given (no client, no secrets), so
// the demo seed (a plain Node script) writes through it too.
import type { Tx } from "../db";
import type { Stage } from "../projects/stages";
import type { Color, RuleNotice, RulePlan, RuleProblem } from "./warning-rules";

/** What the rules need of one project, with the colour it has now (read and locked in one statement). */
export type WarningRow = {
  id: string;
  code: string;
  name: string;
  ownerId: string;
  leaderId: string | null;
  stage: Stage;
  plannedStartDate: string | null;
  constructionDate: string | null;
  warning: Color;
  warningComputed: Color;
  warningReasons: unknown;
  overrideColor: Color | null;
  overrideUntil: string | null;
  plan: RulePlan | null;
  latest: { date: string; investmentCompleted: string } | null;
  notices: RuleNotice[] | null;
  topLevelProblems: RuleProblem[] | null;
};

// One statement for a set of projects, each input through its own index: the year's plan
// (project_plans (projectId, year)) with its milestones, the latest progress entry of the
// year up to today (progress_entries (projectId, date)), the open notices
// (supervision_notices (projectId, state)), the open level-3 problems (problems (projectId,
// state)) and the last entry into CONSTRUCTION
// (stage_changes (projectId, createdAt)) where the project has no 开工 date. The projects'
// rows are locked (FOR UPDATE), so a change that feeds the colour waits or is seen.
const select = `
select p.id, p.code, p.name, p."ownerId", p."leaderId", p.stage::text as stage,
  to_char(p."plannedStartDate", 'YYYY-MM-DD') as "plannedStartDate",
  to_char(coalesce(p."constructionDate", sc.entered), 'YYYY-MM-DD') as "constructionDate",
  p.warning::text as warning, p."warningComputed"::text as "warningComputed", p."warningReasons",
  p."warningOverrideColor"::text as "overrideColor", to_char(p."warningOverrideUntil", 'YYYY-MM-DD') as "overrideUntil",
  pl.plan, lp.latest, nt.notices, pr.problems as "topLevelProblems"
from projects p
left join lateral (
  select json_build_object('year', pp.year, 'goalStage', pp."goalStage", 'goalInvestment', pp."goalInvestment"::text,
    'milestones', coalesce((select json_agg(json_build_object('quarter', m.quarter, 'stage', m.stage,
      'investment', m.investment::text, 'dueDate', to_char(m."dueDate", 'YYYY-MM-DD')) order by m.quarter)
      from plan_milestones m where m."planId" = pp.id), '[]'::json)) as plan
  from project_plans pp where pp."projectId" = p.id and pp.year = $1) pl on true
left join lateral (
  select json_build_object('date', to_char(e.date, 'YYYY-MM-DD'), 'investmentCompleted', e."investmentCompleted"::text) as latest
  from progress_entries e where e."projectId" = p.id and e.date >= $2::date and e.date <= $3::date
  order by e.date desc, e."investmentCompleted" desc limit 1) lp on true
left join lateral (
  select json_agg(json_build_object('year', n.year, 'seq', n.seq, 'state', n.state,
    'replyDue', to_char(n."replyDue", 'YYYY-MM-DD'), 'resolveDue', to_char(n."resolveDue", 'YYYY-MM-DD'))) as notices
  from supervision_notices n where n."projectId" = p.id and n.state <> 'CLOSED') nt on true
left join lateral (
  select json_agg(json_build_object('title', q.title, 'dueDate', to_char(q."dueDate", 'YYYY-MM-DD'))) as problems
  from problems q where q."projectId" = p.id and q.state in ('OPEN', 'IN_PROGRESS') and q.level = 3) pr on true
left join lateral (
  select (max(s."createdAt") at time zone 'UTC' at time zone 'Asia/Shanghai')::date as entered
  from stage_changes s where s."projectId" = p.id and s."toStage" = 'CONSTRUCTION' and p."constructionDate" is null) sc on true`;

const params = (today: string) => [Number(today.slice(0, 4)), `${today.slice(0, 4)}-01-01`, today] as const;

/** The inputs of the given projects, their rows locked for the rest of the transaction. */
export async function loadWarningRows(tx: Tx, ids: readonly string[], today: string): Promise<WarningRow[]> {
  return tx.$queryRawUnsafe<WarningRow[]>(
    `${select} where p.id = any($4::text[]) order by p.id for update of p`,
    ...params(today),
    ids,
  );
}

/** The next `limit` projects after `after` in id order (the daily recompute's batches), locked. */
export async function loadWarningBatch(
  tx: Tx,
  { after, limit, today }: { after: string; limit: number; today: string },
): Promise<WarningRow[]> {
  return tx.$queryRawUnsafe<WarningRow[]>(
    `${select} where p.id > $4 order by p.id limit $5 for update of p`,
    ...params(today),
    after,
    limit,
  );
}

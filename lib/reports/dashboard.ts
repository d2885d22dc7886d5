import "server-only";
import { assertCan, can, projectScope, type Actor, type Role } from "../auth/permissions";
import { shanghaiToday, shanghaiYear } from "../dates";
import { getDb } from "../db";
import { parseInput } from "../validation";
import { permitCycleTimes } from "../permits/reports";
import { stages } from "../projects/stages";
import { overdueNoticesWhere } from "../supervision/notice-overdue";
import { progressPercent, targetIndicators, type TargetIndicator } from "../targets/indicators";
import { figureOut } from "../targets/get-targets";
import { yearQuery } from "../targets/schemas";
import { targetPersonRoles } from "../targets/save-targets-tx";
import { sumGroups } from "./sum-groups";
import {
  actualOf,
  actualRows,
  amountOf,
  entriesByUnitSql,
  firstEntriesSql,
  loadInvestmentCompleted,
  type EntryGroup,
  scopeSql,
  targetedUnits,
  yearBounds,
  type ActualRow,
  type ActualScope,
} from "./year-actuals";

// 驾驶舱 (SPEC §8, §10 GET /api/v1/reports/dashboard): a year's figures against its targets,
// clean-counted (lib/reports/year-actuals.ts). The district for leaders and managers; a staff
// member's own projects against their own targets. Every query is set-based and they run
// concurrently; every figure has the grid query that lists exactly its projects
// (lib/reports/dashboard-links.ts).

export type SplitRow = { key: string; name: string; count: number; investment: string };
export type MonthRow = {
  month: number;
  signedCount: number;
  signedInvestment: string;
  startedCount: number;
  lastSignedCount: number;
  lastSignedInvestment: string;
  lastStartedCount: number;
};
export type RankingRow = {
  unit: "USER" | "PARK";
  unitId: string;
  /** The grid's filter for the unit's projects: a username (owner or leader) or a park code. */
  ref: string;
  role: "STAFF" | "LEADER" | null;
  /** The grid's filter naming the unit's projects: their owner, their leader (by the role's scope), or the park. */
  by: "owner" | "leader" | "park";
  name: string;
  indicators: Partial<Record<TargetIndicator, { actual: string; target: string; progress: number | null }>>;
  /** The mean progress over the indicators with a target (percent), null without targets. */
  score: number | null;
};

/** What the one figures statement returns (json_build_object): this year's entries by unit, months, splits and chains. */
type DashboardFigures = {
  entries: EntryGroup[];
  monthly: { y: number; m: number; stage: string; count: number; investment: string }[];
  splits: {
    kind: "industry" | "park" | "channel";
    key: string | null;
    name: string | null;
    count: number;
    investment: string;
  }[];
  chains: { key: string; name: string; count: number; investment: string }[];
};

const batches = [
  ["signed", "SIGNED_COUNT", "SIGNED_INVESTMENT"],
  ["started", "STARTED_COUNT", null],
  ["completed", "COMPLETED_COUNT", null],
  ["production", "PRODUCTION_COUNT", null],
] as const;

export async function dashboard({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "report.read");
  const year = parseInput(yearQuery, query).year ?? shanghaiYear();
  const district = can(actor.role, "report.district");
  const scope: ActualScope = district ? {} : { ownerId: actor.id };
  const db = getDb();
  const { from, to } = yearBounds(year);
  const last = yearBounds(year - 1);
  const projectScope = scope.ownerId ? { ownerId: scope.ownerId } : {};
  const today = shanghaiToday();

  // The first entries of this year, and of last year for the monthly trend's 签约 and 开工, read
  // once (lib/reports/year-actuals.ts): this year's summed per unit with a target (三个一批 and
  // the ranking), the monthly figures of both years, and this year's signings split by industry,
  // park, channel (grouping sets) and chain (a project linked to two chains counts in each), in
  // one statement.
  const own = scopeSql(scope, "x", 7);
  const figuresSql = `with f as materialized (${firstEntriesSql(own, { COMPLETED: "$4", PRODUCTION: "$4" })}),
       signed as (select * from f where f.stage = 'SIGNED' and f.y = $3)
  select json_build_object(
    'entries', (select coalesce(json_agg(r), '[]') from (${entriesByUnitSql("(select * from f where f.y = $3)", { users: "$5", parks: "$6" })}) r),
    'monthly', (select coalesce(json_agg(r), '[]') from (
        select f.y, f.m, f.stage, count(*)::int as count, coalesce(sum(f.signed), 0)::text as investment
          from f where f.stage in ('SIGNED', 'CONSTRUCTION') group by 1, 2, 3) r),
    'splits', (select coalesce(json_agg(r), '[]') from (
        select g.kind, coalesce(i.code, k.code, g.channel) as key, coalesce(i.name, k.name) as name, g.count, g.investment
          from (select case when grouping(s."industryId") = 0 then 'industry' when grouping(s."parkId") = 0 then 'park'
                            else 'channel' end as kind,
                       s."industryId", s."parkId", s."sourceChannel"::text as channel,
                       count(*)::int as count, coalesce(sum(s.signed), 0)::text as investment
                  from signed s group by grouping sets ((s."industryId"), (s."parkId"), (s."sourceChannel"))) g
          -- The names of the few groups, after grouping.
          left join industries i on g.kind = 'industry' and i.id = g."industryId"
          left join parks k on g.kind = 'park' and k.id = g."parkId"
         order by 1, g.count desc, 2) r),
    'chains', (select coalesce(json_agg(r), '[]') from (
        select c.code as key, c.name as name, count(*)::int as count, coalesce(sum(s.signed), 0)::text as investment
          from signed s join chains c
            on exists (select 1 from project_links pl join chain_links cl on cl.id = pl."linkId"
                        where pl."projectId" = s."projectId" and cl."chainId" = c.id)
         group by c.code, c.name, c."sortOrder" order by count(*) desc, c."sortOrder") r)
  ) as figures`;
  // The year's targets first: the figures are summed for the units they name (read once, so
  // that every target shown has its actual).
  const targets = await db.target.findMany({
    where: { year },
    select: { unit: true, unitId: true, indicator: true, annual: true },
  });
  const units = targetedUnits(targets);
  const [completed, people, parks, byStageAndColour, problemsResolved, noticesOverdue, cycle, [{ figures }]] =
    await Promise.all([
      loadInvestmentCompleted(db, year, units, scope),
      // The people the ranking can list: those with a target in the year (a staff member: themselves).
      db.user.findMany({
        where: { role: { in: [...targetPersonRoles] }, id: district ? { in: units.users } : actor.id },
        select: { id: true, username: true, displayName: true, role: true },
        orderBy: { username: "asc" },
      }),
      district
        ? db.park.findMany({
            select: { id: true, code: true, name: true },
            orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
          })
        : [],
      // The funnel and the colours from one scan (index-only over projects (stage, warning, totalInvestment, id)).
      db.project.groupBy({
        by: ["stage", "warning"],
        where: projectScope,
        _count: { _all: true },
        _sum: { totalInvestment: true },
      }),
      db.problem.count({ where: { state: "RESOLVED", resolvedAt: { gte: from, lt: to }, project: projectScope } }),
      db.supervisionNotice.count({ where: { ...overdueNoticesWhere(today), ...projectScope } }),
      permitCycleTimes({ actor, year, by: "all", ownerId: scope.ownerId }),
      db.$queryRawUnsafe<{ figures: DashboardFigures }[]>(
        figuresSql,
        last.from,
        to,
        year,
        from,
        units.users,
        units.parks,
        ...own.params,
      ),
    ]);
  const { monthly, splits, chains } = figures;
  const actuals = actualRows(figures.entries, completed);
  const byWarning = sumGroups(byStageAndColour, (g) => g.warning);
  const funnel = sumGroups(byStageAndColour, (g) => g.stage);

  const targetOf = targetLookup(targets);
  // The district's targets; a staff member's own.
  const [tUnit, tId] = district ? (["DISTRICT", ""] as const) : (["USER", actor.id] as const);
  const three = Object.fromEntries(
    batches.map(([name, countIndicator, moneyIndicator]) => {
      const count = actualOf(actuals, "DISTRICT", "", countIndicator);
      const signed = moneyIndicator ? actualOf(actuals, "DISTRICT", "", moneyIndicator) : null;
      const target = targetOf(tUnit, tId, countIndicator);
      const investmentTarget = moneyIndicator ? targetOf(tUnit, tId, moneyIndicator) : null;
      const investment = signed ?? amountOf(actuals, "DISTRICT", "", countIndicator);
      return [
        name,
        {
          count: Number(figureOut(countIndicator, count)),
          investment,
          target: target === null ? null : Number(figureOut(countIndicator, target)),
          progress: target === null ? null : progressPercent(count, target),
          ...(moneyIndicator
            ? {
                investmentTarget,
                investmentProgress: investmentTarget === null ? null : progressPercent(investment, investmentTarget),
              }
            : {}),
        },
      ];
    }),
  ) as Record<
    (typeof batches)[number][0],
    { count: number; investment: string; target: number | null; progress: number | null }
  >;
  const investmentCompleted = actualOf(actuals, "DISTRICT", "", "INVESTMENT_COMPLETED");
  const investmentCompletedTarget = targetOf(tUnit, tId, "INVESTMENT_COMPLETED");

  const months = Array.from({ length: 12 }, (_, i): MonthRow => {
    const pick = (y: number, stage: string) => monthly.find((r) => r.y === y && r.m === i + 1 && r.stage === stage);
    return {
      month: i + 1,
      signedCount: pick(year, "SIGNED")?.count ?? 0,
      signedInvestment: pick(year, "SIGNED")?.investment ?? "0.00",
      startedCount: pick(year, "CONSTRUCTION")?.count ?? 0,
      lastSignedCount: pick(year - 1, "SIGNED")?.count ?? 0,
      lastSignedInvestment: pick(year - 1, "SIGNED")?.investment ?? "0.00",
      lastStartedCount: pick(year - 1, "CONSTRUCTION")?.count ?? 0,
    };
  });
  const split = (kind: "industry" | "park" | "channel"): SplitRow[] =>
    splits
      .filter((r) => r.kind === kind)
      .map((r) => ({ key: r.key ?? "", name: r.name ?? r.key ?? "", count: r.count, investment: r.investment }));

  const overall = cycle[0];
  return {
    year,
    scope: district ? ("district" as const) : ("own" as const),
    threeBatches: three,
    investmentCompleted: {
      amount: investmentCompleted,
      target: investmentCompletedTarget,
      progress:
        investmentCompletedTarget === null ? null : progressPercent(investmentCompleted, investmentCompletedTarget),
    },
    byWarning: Object.fromEntries(
      (["BLUE", "YELLOW", "RED", "NONE"] as const).map((w) => [w, byWarning.get(w)?.count ?? 0]),
    ) as Record<"BLUE" | "YELLOW" | "RED" | "NONE", number>,
    problemsResolved,
    noticesOverdue,
    permitCycle: {
      decided: overall?.decided ?? 0,
      avgDays: overall?.avgDays ?? null,
      p90Days: overall?.p90Days ?? null,
    },
    funnel: stages.map((stage) => {
      const g = funnel.get(stage);
      return { stage, count: g?.count ?? 0, investment: g?.investment.toFixed(2) ?? "0.00" };
    }),
    byIndustry: split("industry"),
    byPark: split("park"),
    byChannel: split("channel"),
    byChain: chains,
    monthly: months,
    ranking: ranking({ actuals, targetOf, people, parks }),
  };
}

/**
 * 红黑榜: each person and park with targets, their actual, target and progress per indicator and
 * the mean progress; best first. Leaders and managers see everyone; a staff member their own row.
 */
function ranking({
  actuals,
  targetOf,
  people,
  parks,
}: {
  actuals: ActualRow[];
  targetOf: ReturnType<typeof targetLookup>;
  /** Already scoped: the people with a target (a staff member: themselves) and the parks (none for staff). */
  people: { id: string; username: string; displayName: string; role: string }[];
  parks: { id: string; code: string; name: string }[];
}): RankingRow[] {
  const units = [
    ...people.map((u) => ({
      unit: "USER" as const,
      unitId: u.id,
      ref: u.username,
      role: u.role as "STAFF" | "LEADER",
      by: projectScope(u.role as Role, "update") === "led" ? ("leader" as const) : ("owner" as const),
      name: u.displayName,
    })),
    ...parks.map((k) => ({
      unit: "PARK" as const,
      unitId: k.id,
      ref: k.code,
      role: null,
      by: "park" as const,
      name: k.name,
    })),
  ];
  const rows = units.map((u): RankingRow => {
    const indicators: RankingRow["indicators"] = {};
    const progresses: number[] = [];
    for (const indicator of targetIndicators) {
      const target = targetOf(u.unit, u.unitId, indicator);
      if (target === null) continue;
      const actual = actualOf(actuals, u.unit, u.unitId, indicator);
      const progress = progressPercent(actual, target);
      indicators[indicator] = { actual: figureOut(indicator, actual), target: figureOut(indicator, target), progress };
      if (progress !== null) progresses.push(progress);
    }
    const score = progresses.length
      ? Math.round((progresses.reduce((a, b) => a + b, 0) / progresses.length) * 10) / 10
      : null;
    return { ...u, indicators, score };
  });
  return rows
    .filter((r) => r.score !== null)
    .sort((a, b) => b.score! - a.score! || a.name.localeCompare(b.name, "zh-CN"));
}

/** The annual target of a unit's indicator ("12.50"), null without one. */
function targetLookup(
  targets: { unit: string; unitId: string; indicator: string; annual: { toFixed(n: number): string } }[],
) {
  const annual = new Map(targets.map((t) => [`${t.unit}|${t.unitId}|${t.indicator}`, t.annual.toFixed(2)]));
  return (unit: string, unitId: string, indicator: TargetIndicator) =>
    annual.get(`${unit}|${unitId}|${indicator}`) ?? null;
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

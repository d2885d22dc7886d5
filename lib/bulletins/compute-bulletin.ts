// No "server-only" marker: it reads on the client or transaction it is given, so the demo
// seed (a plain Node script) generates bulletins through it too.
//
// 周通报 (SPEC §5): every section of one week, as of now, in set-based statements (a fixed
// number of queries whatever the number of projects). Week boundaries are Shanghai days:
// moments in [Monday 00:00, next Monday 00:00) +08:00, date columns Monday..Sunday.
import type { Tx } from "../db";
import { loadCalendar } from "../calendar/load-calendar";
import { workingDaysBetween } from "../calendar/working-days";
import { isoDate, storedDate } from "../dates";
import { noticeNumber } from "../supervision/notice-machine";
import { noticeOverdue, overdueNoticesWhere } from "../supervision/notice-overdue";
import { reasonMessage } from "../supervision/reason-message";
import type { SupervisionSettings } from "../supervision/settings-schema";
import { readReasons } from "../supervision/warning-rules";
import { rankPeople, type RankInput, type Ranking } from "./ranking";
import { weekMoments, type Week } from "./week";

/** Rows kept per list; the count beside each list is the full one. */
export const LIST_CAP = 50;

export type ProjectRow = { id: string; code: string; name: string; investment: string };
export type ProjectSet = { count: number; investment: string; rows: ProjectRow[] };
export type NoticeRow = {
  id: string;
  number: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  leaderName: string | null;
  ownerName: string | null;
  due: string | null;
  workingDaysOverdue?: number;
};
export type NoticeSet = { count: number; rows: NoticeRow[] };
export type RedRow = {
  id: string;
  code: string;
  name: string;
  investment: string;
  leaderName: string | null;
  ownerName: string | null;
  reasons: { code: string; message: string }[];
};
export type ProblemRow = { id: string; title: string; projectCode: string; projectName: string; level: number };
export type ProblemSet = { count: number; rows: ProblemRow[] };
export type PermitRow = {
  id: string;
  projectCode: string;
  projectName: string;
  permitType: string;
  department: string;
  dueDate: string;
  decidedDate: string;
  workingDays: number | null;
  onTime: boolean;
};

export type BulletinSections = {
  week: Week;
  /** The Shanghai day the numbers were taken ("at generation" counts are of this day). */
  asOf: string;
  newLeads: ProjectSet;
  signings: ProjectSet;
  firstEntries: { CONSTRUCTION: ProjectSet; COMPLETED: ProjectSet; PRODUCTION: ProjectSet };
  colours: {
    current: { BLUE: number; YELLOW: number; RED: number; NONE: number };
    toRed: ProjectSet;
    toYellow: ProjectSet;
    improved: ProjectSet;
  };
  redList: { count: number; rows: RedRow[] };
  ranking: { year: number; asOf: string; size: number; leaders: Ranking; owners: Ranking };
  notices: {
    issued: NoticeSet;
    closed: NoticeSet;
    overdue: NoticeSet;
    /** 通报: overdue more than `bulletinDays` working days at generation. */
    bulletined: NoticeSet & { bulletinDays: number; people: { name: string; notices: number }[] };
  };
  problems: {
    raised: ProblemSet;
    resolved: ProblemSet;
    escalated: ProblemSet;
    openByLevel: { "1": number; "2": number; "3": number };
  };
  permits: { decided: number; onTime: number; late: number; averageWorkingDays: string | null; rows: PermitRow[] };
};

export const firstEntryStages = ["CONSTRUCTION", "COMPLETED", "PRODUCTION"] as const;

/** count, summed investment and the top rows (by investment) of a set of (id, inv) given by `hit`. */
async function projectSet(db: Tx, hit: string, params: unknown[]): Promise<ProjectSet> {
  const [r] = await db.$queryRawUnsafe<{ count: number; investment: string; rows: ProjectRow[] }[]>(
    `with hit as materialized (${hit})
     select (select count(*) from hit)::int as count,
            (select coalesce(sum(inv), 0)::numeric(18, 2)::text from hit) as investment,
            coalesce((select json_agg(r) from (
              select p.id, p.code, p.name, h.inv::numeric(18, 2)::text as investment
                from hit h join projects p on p.id = h.id
               order by h.inv desc, p.code limit ${LIST_CAP}) r), '[]'::json) as rows`,
    ...params,
  );
  return r;
}

/**
 * Projects entering `stage` for the first time ever within the week (SPEC §2: a project counts
 * once, at its first entry; a move back and forward again does not count twice). `firstEntry`
 * is set by the one writer of stage changes; the NOT EXISTS also guards dated histories
 * written out of order (imports).
 */
const firstEntryHit = (stage: string, inv: string) => `
  select p.id, ${inv} as inv from projects p
   where p.id in (
     select s."projectId" from stage_changes s
      where s."toStage" = '${stage}' and s."firstEntry" and s."createdAt" >= $1 and s."createdAt" < $2
        and not exists (select 1 from stage_changes e
                         where e."projectId" = s."projectId" and e."toStage" = '${stage}' and e."createdAt" < $1))`;

const colourHit = (cond: string) => `
  select p.id, p."totalInvestment" as inv from projects p
   where p.id in (select c."projectId" from warning_changes c where c.at >= $1 and c.at < $2 and (${cond}))`;

export async function computeBulletin(
  db: Tx,
  { week, today, settings }: { week: Week; today: string; settings: SupervisionSettings },
): Promise<BulletinSections> {
  const { from, to } = weekMoments(week);
  const range = [from, to];
  const [newLeads, signings, construction, completed, production, toRed, toYellow, improved] = await Promise.all([
    projectSet(
      db,
      `select id, "totalInvestment" as inv from projects where "createdAt" >= $1 and "createdAt" < $2`,
      range,
    ),
    projectSet(db, firstEntryHit("SIGNED", `coalesce(p."contractInvestment", p."totalInvestment")`), range),
    ...firstEntryStages.map((s) => projectSet(db, firstEntryHit(s, `p."totalInvestment"`), range)),
    projectSet(db, colourHit(`c."to" = 'RED'`), range),
    projectSet(db, colourHit(`c."to" = 'YELLOW'`), range),
    projectSet(
      db,
      colourHit(`(c."from" = 'RED' and c."to" in ('YELLOW', 'BLUE')) or (c."from" = 'YELLOW' and c."to" = 'BLUE')`),
      range,
    ),
  ]);
  const [current, redList, ranking, notices, problems, permits] = await Promise.all([
    colourCounts(db),
    readRedList(db),
    readRanking(db, week.weekEnd, settings.bulletinRankingSize),
    readNotices(db, { from, to, today, bulletinDays: settings.noticeBulletinDays }),
    readProblems(db, from, to),
    readPermits(db, week),
  ]);
  return {
    week,
    asOf: today,
    newLeads,
    signings,
    firstEntries: { CONSTRUCTION: construction, COMPLETED: completed, PRODUCTION: production },
    colours: { current, toRed, toYellow, improved },
    redList,
    ranking,
    notices,
    problems,
    permits,
  };
}

async function colourCounts(db: Tx) {
  const rows = await db.$queryRawUnsafe<{ warning: string; n: number }[]>(
    `select warning::text as warning, count(*)::int as n from projects group by warning`,
  );
  const out = { BLUE: 0, YELLOW: 0, RED: 0, NONE: 0 };
  for (const r of rows) out[r.warning as keyof typeof out] = r.n;
  return out;
}

async function readRedList(db: Tx): Promise<BulletinSections["redList"]> {
  const where = { warning: "RED" } as const;
  const [count, rows] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: [{ totalInvestment: "desc" }, { code: "asc" }],
      take: LIST_CAP,
      select: {
        id: true,
        code: true,
        name: true,
        totalInvestment: true,
        warningReasons: true,
        warningOverrideColor: true,
        warningOverrideReason: true,
        leader: { select: { displayName: true } },
        owner: { select: { displayName: true } },
      },
    }),
  ]);
  return {
    count,
    rows: rows.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      investment: p.totalInvestment.toFixed(2),
      leaderName: p.leader?.displayName ?? null,
      ownerName: p.owner.displayName,
      reasons: [
        ...(p.warningOverrideColor === "RED" ? [{ code: "override", message: p.warningOverrideReason ?? "" }] : []),
        ...readReasons(p.warningReasons).map((r) => ({ code: r.code, message: reasonMessage(r, "zh-CN") })),
      ],
    })),
  };
}

/** $1 year, $2 its 1 January, $3 the day (asOf), $4 the next 1 January → (kind, userId, name, projects, score). */
export const rankingSql = `with g as (
       select pp."leaderId", p."ownerId",
              (100 * (coalesce(lp.done, 0) / pp."goalInvestment"
                 - greatest(($3::date - $2::date + 1)::numeric / ($4::date - $2::date),
                            coalesce(ms.investment, 0) / pp."goalInvestment"))) as gap
         from project_plans pp
         join projects p on p.id = pp."projectId"
         left join lateral (select m.investment from plan_milestones m
                             where m."planId" = pp.id and m."dueDate" <= $3::date
                             order by m.quarter desc limit 1) ms on true
         left join lateral (select e."investmentCompleted" as done from progress_entries e
                             where e."projectId" = p.id and e.date >= $2::date and e.date <= $3::date
                             order by e.date desc, e."investmentCompleted" desc limit 1) lp on true
        where pp.year = $1 and pp."goalInvestment" > 0 and p.stage <> 'TERMINATED'),
     per as (
       select 'LEADER' as kind, "leaderId" as "userId", count(*)::int as projects, round(avg(gap), 1) as score from g group by "leaderId"
       union all
       select 'OWNER', "ownerId", count(*)::int, round(avg(gap), 1) from g group by "ownerId")
     select per.kind, per."userId", u."displayName" as name, per.projects, per.score::text as score
       from per join users u on u.id = per."userId"`;

/**
 * 红黑榜 at the week's last day (`asOf`): per project under dispatch in that year with an
 * investment goal, planned % = the greater of the straight line from 1 January
 * ((days elapsed incl. asOf) / days in the year) and the last milestone already due
 * (its cumulative investment / goal); actual % = the latest progress entry of the year up
 * to asOf (investment completed / goal), 0 without one — SPEC §5's 序时进度, as the colour
 * rules compute it. Score = avg(actual − planned) in points per person (ranking.ts).
 * A milestone's due date lies in its quarter (plan schema), so the last one due is the one of
 * the highest quarter due: read backwards on plan_milestones (planId, quarter), no sort.
 */
async function readRanking(db: Tx, asOf: string, size: number): Promise<BulletinSections["ranking"]> {
  const year = Number(asOf.slice(0, 4));
  const rows = await db.$queryRawUnsafe<(RankInput & { kind: "LEADER" | "OWNER" })[]>(
    rankingSql,
    year,
    `${year}-01-01`,
    asOf,
    `${year + 1}-01-01`,
  );
  const of = (kind: string) =>
    rankPeople(
      rows
        .filter((r) => r.kind === kind)
        .map(({ userId, name, projects, score }) => ({ userId, name, projects, score })),
      size,
    );
  return { year, asOf, size, leaders: of("LEADER"), owners: of("OWNER") };
}

const noticeSelect = {
  id: true,
  year: true,
  seq: true,
  state: true,
  replyDue: true,
  resolveDue: true,
  project: { select: { id: true, code: true, name: true } },
  leaderId: true,
  ownerId: true,
} as const;

async function readNotices(
  db: Tx,
  { from, to, today, bulletinDays }: { from: Date; to: Date; today: string; bulletinDays: number },
): Promise<BulletinSections["notices"]> {
  const issuedWhere = { issuedAt: { gte: from, lt: to } };
  const closedWhere = { closedAt: { gte: from, lt: to } };
  const overdueWhere = overdueNoticesWhere(today);
  const order = [{ year: "asc" as const }, { seq: "asc" as const }];
  const [issuedCount, issued, closedCount, closed, overdue, calendar] = await Promise.all([
    db.supervisionNotice.count({ where: issuedWhere }),
    db.supervisionNotice.findMany({ where: issuedWhere, orderBy: order, take: LIST_CAP, select: noticeSelect }),
    db.supervisionNotice.count({ where: closedWhere }),
    db.supervisionNotice.findMany({ where: closedWhere, orderBy: order, take: LIST_CAP, select: noticeSelect }),
    // Overdue notices are few (each one turns its project RED): all of them, to count the 通报.
    db.supervisionNotice.findMany({ where: overdueWhere, orderBy: order, select: noticeSelect }),
    loadCalendar(db),
  ]);
  const userIds = [...new Set([...issued, ...closed, ...overdue].flatMap((n) => [n.leaderId, n.ownerId]))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } })).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const row = (n: (typeof issued)[number], due: string | null = null, days?: number): NoticeRow => ({
    id: n.id,
    number: noticeNumber(n.year, n.seq),
    projectId: n.project.id,
    projectCode: n.project.code,
    projectName: n.project.name,
    leaderName: names.get(n.leaderId) ?? null,
    ownerName: names.get(n.ownerId) ?? null,
    due,
    ...(days === undefined ? {} : { workingDaysOverdue: days }),
  });
  const late = overdue.map((n) => {
    const due = noticeOverdue(
      { state: n.state, replyDue: isoDate(n.replyDue)!, resolveDue: isoDate(n.resolveDue)! },
      today,
    ).due!;
    return row(n, due, workingDaysBetween(calendar, due, today));
  });
  const bulletined = late.filter((n) => n.workingDaysOverdue! > bulletinDays);
  const people = new Map<string, number>();
  for (const n of overdue.filter((x) => bulletined.some((b) => b.id === x.id)))
    for (const id of new Set([n.leaderId, n.ownerId])) people.set(id, (people.get(id) ?? 0) + 1);
  return {
    issued: { count: issuedCount, rows: issued.map((n) => row(n, isoDate(n.resolveDue))) },
    closed: { count: closedCount, rows: closed.map((n) => row(n, isoDate(n.resolveDue))) },
    overdue: { count: late.length, rows: late.slice(0, LIST_CAP) },
    bulletined: {
      bulletinDays,
      count: bulletined.length,
      rows: bulletined.slice(0, LIST_CAP),
      people: [...people]
        .map(([id, notices]) => ({ name: names.get(id) ?? "", notices }))
        .sort((a, b) => b.notices - a.notices || a.name.localeCompare(b.name, "zh-CN")),
    },
  };
}

async function readProblems(db: Tx, from: Date, to: Date): Promise<BulletinSections["problems"]> {
  const select = { id: true, title: true, level: true, project: { select: { code: true, name: true } } } as const;
  const shape = (p: { id: string; title: string; level: number; project: { code: string; name: string } }) => ({
    id: p.id,
    title: p.title,
    level: p.level,
    projectCode: p.project.code,
    projectName: p.project.name,
  });
  const raisedWhere = { createdAt: { gte: from, lt: to } };
  const resolvedWhere = { state: "RESOLVED" as const, resolvedAt: { gte: from, lt: to } };
  const escalatedWhere = { action: "ESCALATED", at: { gte: from, lt: to } };
  const [raisedCount, raised, resolvedCount, resolved, escalatedCount, escalated, open] = await Promise.all([
    db.problem.count({ where: raisedWhere }),
    db.problem.findMany({ where: raisedWhere, orderBy: { createdAt: "asc" }, take: LIST_CAP, select }),
    db.problem.count({ where: resolvedWhere }),
    db.problem.findMany({ where: resolvedWhere, orderBy: { resolvedAt: "asc" }, take: LIST_CAP, select }),
    db.problemEvent.count({ where: escalatedWhere }),
    db.problemEvent.findMany({
      where: escalatedWhere,
      orderBy: { at: "asc" },
      take: LIST_CAP,
      select: { toLevel: true, problem: { select } },
    }),
    db.problem.groupBy({ by: ["level"], where: { state: { in: ["OPEN", "IN_PROGRESS"] } }, _count: { _all: true } }),
  ]);
  const openByLevel = { "1": 0, "2": 0, "3": 0 };
  for (const g of open) openByLevel[String(Math.min(3, Math.max(1, g.level))) as "1"] += g._count._all;
  return {
    raised: { count: raisedCount, rows: raised.map(shape) },
    resolved: { count: resolvedCount, rows: resolved.map(shape) },
    escalated: { count: escalatedCount, rows: escalated.map((e) => ({ ...shape(e.problem), level: e.toLevel })) },
    openByLevel,
  };
}

/**
 * 审批 performance: items decided (approved or rejected) in the week; on time = decided on
 * or before the due date, as the permit report counts overdue (lib/permits/reports.ts);
 * average working days from start to decision, less the paused days (the items' own
 * `workingDays`). The list shows the late ones first.
 */
async function readPermits(db: Tx, week: Week): Promise<BulletinSections["permits"]> {
  const [r] = await db.$queryRawUnsafe<
    { decided: number; onTime: number; late: number; averageWorkingDays: string | null; rows: PermitRow[] | null }[]
  >(
    `with d as materialized (
       select i.id, i."dueDate", i."decidedDate", i."workingDays", i."decidedDate" <= i."dueDate" as "onTime",
              c."projectId", t.name as "permitType", dp.name as department
         from permit_items i
         join permit_cases c on c.id = i."caseId"
         join permit_types t on t.id = i."permitTypeId"
         join departments dp on dp.id = i."departmentId"
        where i."decidedDate" >= $1 and i."decidedDate" <= $2 and i.state in ('APPROVED', 'REJECTED'))
     select (select count(*) from d)::int as decided,
            (select count(*) from d where "onTime")::int as "onTime",
            (select count(*) from d where not "onTime")::int as late,
            (select round(avg("workingDays"), 1)::text from d) as "averageWorkingDays",
            (select json_agg(x) from (
               select d.id, p.code as "projectCode", p.name as "projectName", d."permitType", d.department,
                      to_char(d."dueDate", 'YYYY-MM-DD') as "dueDate", to_char(d."decidedDate", 'YYYY-MM-DD') as "decidedDate",
                      d."workingDays", d."onTime"
                 from d join projects p on p.id = d."projectId"
                order by d."onTime", d."decidedDate", p.code limit ${LIST_CAP}) x) as rows`,
    storedDate(week.weekStart),
    storedDate(week.weekEnd),
  );
  return { ...r, rows: r.rows ?? [] };
}

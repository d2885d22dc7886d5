// The supervision numbers of `npm run bench` (run by scripts/bench.ts in its own process with
// the react-server condition, so the app's lib modules load as on the server), against the
// database in DATABASE_URL that bench.ts seeded:
// - the daily recompute of every project (recomputeAllWarnings): the first run, a second run
//   right after (must write nothing), and the next day's run (the points behind move);
// - the recompute of one project inside a change (recomputeWarning in a transaction), p50/p95;
// - the unread notification count of one user (an index-only count on
//   notifications (userId, readAt, createdAt)), p50/p95, through Prisma and as plain SQL;
// - a meeting's proposed agenda (agendaCandidates: RED and YELLOW projects, overdue notices,
//   open level-2/3 problems; 50 a group and the counts), p50/p95, on the colours of the
//   recompute above plus 20,000 problems and 5,000 notices (a fifth overdue) added here.
// - the weekly bulletin (周通报) of last week: generateBulletin end to end (every section's
//   set-based queries, the stored revision, audit and inbox rows), three runs; target < 5 s.
import { unreadCountSql } from "../lib/notifications/unread-sql";
import pg from "pg";
import { generateBulletin } from "../lib/bulletins/generate-bulletin";
import { previousWeek } from "../lib/bulletins/week";
import { getDb, disconnectDb } from "../lib/db";
import { recomputeAllWarnings } from "../lib/supervision/recompute-all";
import { recomputeWarning } from "../lib/supervision/recompute-warning";
import { agendaCandidates } from "../lib/meetings/agenda-candidates";

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const f = (n: number) => n.toFixed(1);

async function main() {
  const today = process.env.BENCH_TODAY!;
  const manager = process.env.BENCH_MANAGER!;
  const runs = Number(process.env.BENCH_RUNS ?? 200);
  const db = getDb();
  const sql = new pg.Client(process.env.DATABASE_URL);
  await sql.connect();
  const counts = (
    await sql.query(
      `select (select count(*) from projects)::int as projects,
              (select count(*) from project_plans where year = $1)::int as plans,
              (select count(*) from progress_entries)::int as progress,
              (select count(*) from notifications)::int as notifications`,
      [Number(today.slice(0, 4))],
    )
  ).rows[0];
  console.log(
    `\n## Supervision (${counts.projects} projects, ${counts.plans} under dispatch, ${counts.progress} progress entries, ${counts.notifications} notifications)\n`,
  );
  const rowsOf = async () =>
    (await sql.query(`select (select count(*) from warning_changes)::int as changes`)).rows[0].changes as number;

  console.log("| daily recompute (recomputeAllWarnings) | seconds | projects | rows changed | history rows written |");
  console.log("| --- | --- | --- | --- | --- |");
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const [name, day] of [
    ["first run (every colour from nothing)", today],
    ["second run right after", today],
    ["the next day", tomorrow],
    ["the next day, again", tomorrow],
  ] as const) {
    const before = await rowsOf();
    const t = performance.now();
    const r = await recomputeAllWarnings({ today: day });
    const s = (performance.now() - t) / 1000;
    console.log(`| ${name} | ${s.toFixed(1)} | ${r.projects} | ${r.changed} | ${(await rowsOf()) - before} |`);
    if (name === "first run (every colour from nothing)")
      console.log(
        `|  colours: ${Object.entries(r.byColor)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")} | | | | |`,
      );
  }

  // One project inside a change: the recompute as a change's transaction runs it (projects under dispatch).
  const ids = (
    await sql.query(`select "projectId" as id from project_plans where year = $1 order by md5("projectId") limit $2`, [
      Number(today.slice(0, 4)),
      runs + 10,
    ])
  ).rows.map((r) => r.id as string);
  const one: number[] = [];
  for (const [i, id] of ids.entries()) {
    await db.$transaction(async (tx) => {
      const t = performance.now();
      await recomputeWarning(tx, id, { today: tomorrow });
      if (i >= 10) one.push(performance.now() - t);
    });
  }
  console.log(`\n| measure | p50 ms | p95 ms |\n| --- | --- | --- |`);
  console.log(`| recomputeWarning, one project inside a change | ${f(pct(one, 50))} | ${f(pct(one, 95))} |`);

  // The bell: unread count of the demo manager (10,000 notifications, ~1,500 unread) and of an ordinary user.
  const other = (await sql.query(`select "userId" from notifications where "userId" <> $1 limit 1`, [manager])).rows[0]
    .userId as string;
  for (const [who, userId] of [
    ["manager (10k notifications)", manager],
    ["ordinary user (~1k)", other],
  ] as const) {
    const viaPrisma: number[] = [];
    const viaSql: number[] = [];
    let n = 0;
    for (let i = 0; i < runs + 10; i++) {
      // The app's statement (capped at 100: the bell shows 99+), through Prisma and plain pg.
      let t = performance.now();
      n = (await db.$queryRawUnsafe<{ n: number }[]>(unreadCountSql, userId))[0].n;
      if (i >= 10) viaPrisma.push(performance.now() - t);
      t = performance.now();
      await sql.query(unreadCountSql, [userId]);
      if (i >= 10) viaSql.push(performance.now() - t);
    }
    console.log(`| unread count, ${who}: ${n} unread, Prisma | ${f(pct(viaPrisma, 50))} | ${f(pct(viaPrisma, 95))} |`);
    console.log(`| unread count, ${who}: plain SQL | ${f(pct(viaSql, 50))} | ${f(pct(viaSql, 95))} |`);
  }
  // A meeting's proposed agenda: problems at every level and state, and notices, some overdue.
  await sql.query(
    `insert into problems (id, "projectId", title, category, "departmentId", "dueDate", state, level, "raisedById", "updatedAt")
     with p as (select id, row_number() over (order by id) as n from projects),
          d as (select id, row_number() over (order by id) as n from departments),
          c as (select (select count(*) from projects) as p, (select count(*) from departments) as d)
     select 'bench-problem-' || i, p.id, '要素保障问题 ' || i, 'LAND', d.id, $1::date + (i % 40 - 20),
            (array['OPEN','IN_PROGRESS','RESOLVED','CLOSED_UNRESOLVED'])[1 + i % 4]::"ProblemState", 1 + i % 3, $2, now()
       from generate_series(1, 20000) i cross join c
       join p on p.n = 1 + (i::bigint * 7919) % c.p
       join d on d.n = 1 + i % c.d
     on conflict do nothing`,
    [today, manager],
  );
  await sql.query(
    `insert into supervision_notices (id, year, seq, "projectId", subject, content, "issuedById", "leaderId", "ownerId",
        "replyDays", "resolveDays", "replyDue", "resolveDue", "updatedAt")
     with p as (select id, "ownerId", row_number() over (order by id) as n from projects),
          c as (select count(*) as p from projects)
     select 'bench-notice-' || i, 2099, i, p.id, '督办 ' || i, '督办内容', $2, $2, p."ownerId", 3, 15,
            $1::date + (i % 25 - 5), $1::date + (i % 25 - 3), now()
       from generate_series(1, 5000) i cross join c
       join p on p.n = 1 + (i::bigint * 7919) % c.p
     on conflict do nothing`,
    [today, manager],
  );
  await sql.query("analyze problems; analyze supervision_notices");
  for (const kind of ["MONTHLY", "COORDINATION"] as const) {
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof agendaCandidates>> | null = null;
    for (let i = 0; i < Math.min(runs, 100) + 5; i++) {
      const t = performance.now();
      last = await agendaCandidates(db, { kind, today, locale: "zh-CN" });
      if (i >= 5) times.push(performance.now() - t);
    }
    const groups = last!.groups.map((g) => `${g.group} ${g.shown}/${g.total}`).join(", ");
    console.log(`| agenda proposal, ${kind} (${groups}) | ${f(pct(times, 50))} | ${f(pct(times, 95))} |`);
  }
  // 周通报 of last week, as the Monday job makes it (each run a new revision).
  const week = previousWeek(today);
  console.log(
    `\n| weekly bulletin ${week.weekStart}–${week.weekEnd} (generateBulletin) | seconds | sections' headline |`,
  );
  console.log("| --- | --- | --- |");
  for (const run of [1, 2, 3]) {
    const t = performance.now();
    const b = await generateBulletin(db, { actor: null, input: { weekStart: week.weekStart }, today });
    const s = b!.sections;
    console.log(
      `| run ${run} (revision ${b!.revision}) | ${((performance.now() - t) / 1000).toFixed(2)} | new ${s.newLeads.count}, signed ${s.signings.count}, started ${s.firstEntries.CONSTRUCTION.count}, red ${s.colours.current.RED}, ranked ${s.ranking.owners.people} owners, overdue notices ${s.notices.overdue.count}, permits ${s.permits.decided} |`,
    );
  }

  const plan = await sql.query(`explain (analyze, buffers) ${unreadCountSql}`, [manager]);
  console.log(`\nplan of the unread count:\n${plan.rows.map((r) => `    ${r["QUERY PLAN"]}`).join("\n")}`);
  await sql.end();
  await disconnectDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// The 要素保障 numbers of `npm run bench` (run by scripts/bench.ts in its own process with the
// react-server condition, so the app's lib modules load as on the server), against the
// database in DATABASE_URL that bench.ts seeded: BENCH_PROBLEMS problems (100,000 by default)
// inserted with one `insert … select generate_series` over the bench's projects and the
// departments, then the problem list (listProblems: page + count) p50/p95 for a few filter
// combinations, as the manager (reads all) and as an approver (their department's), through
// the lib query and as plain SQL.
import pg from "pg";
import { actorSelect, toActor } from "../lib/auth/permissions";
import { disconnectDb, getDb } from "../lib/db";
import { listProblems } from "../lib/problems/problem-queries";

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const f = (n: number) => n.toFixed(1);

/** Problems spread over every project and department, states and levels mixed, due dates ±60 days around today. */
const insertProblems = `
with pa as (select array_agg(id order by id) as ids from projects),
     da as (select array_agg(id order by code) as ids from departments),
     u as (select id from users where username = 'manager')
insert into problems (id, "projectId", title, category, "departmentId", "dueDate", state, level, "levelSince",
  "escalationProposedAt", resolution, "resolvedAt", "raisedById", version, "createdAt", "updatedAt")
select 'bench-problem-' || g, pa.ids[1 + (g * 7919) % array_length(pa.ids, 1)],
  '要素保障问题' || g || (array['用地','规划','能耗','电力','供水','供气','资金','用工','审批','其他'])[1 + g % 10],
  (array['LAND','PLANNING','ENERGY','POWER','WATER','GAS','FINANCE','LABOUR','APPROVAL','OTHER'])[1 + g % 10]::"ProblemCategory",
  da.ids[1 + (g / 10) % array_length(da.ids, 1)],
  $2::date + ((g % 120) - 60),
  (array['OPEN','IN_PROGRESS','RESOLVED','RESOLVED','RESOLVED','CLOSED_UNRESOLVED'])[1 + (g / 3) % 6]::"ProblemState",
  1 + (g % 7) / 3, now() - ((g % 30) || ' days')::interval,
  case when g % 11 = 0 then now() end,
  case when (g / 3) % 6 between 2 and 4 then '已解决' end,
  case when (g / 3) % 6 between 2 and 4 then now() - ((g % 300) || ' days')::interval end,
  u.id, 1, now() - ((g % 365) || ' days')::interval, now()
from generate_series(1, $1::int) g, pa, da, u`;

const listSql = `select q.*, p.code as "projectCode", p.name as "projectName", d.code as "departmentCode", d.name as "departmentName"
  from problems q join projects p on p.id = q."projectId" join departments d on d.id = q."departmentId"`;

async function main() {
  const today = process.env.BENCH_TODAY!;
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const count = Number(process.env.BENCH_PROBLEMS ?? 100_000);
  const sql = new pg.Client(process.env.DATABASE_URL);
  await sql.connect();
  const t0 = performance.now();
  await sql.query(`delete from problems where id like 'bench-problem-%'`);
  await sql.query(insertProblems, [count, today]);
  await sql.query("vacuum analyze problems");
  const total = (await sql.query(`select count(*)::int as n from problems`)).rows[0].n as number;
  console.log(`\n## 要素保障 (${total} problems, inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);

  const db = getDb();
  const actorOf = async (username: string) =>
    toActor(await db.user.findUniqueOrThrow({ where: { username }, select: actorSelect }));
  const manager = await actorOf("manager");
  const approver = await actorOf("approver_zrzy");
  const department = (await sql.query(`select code from departments where id = $1`, [approver.departmentId])).rows[0]
    .code as string;

  type Case = {
    name: string;
    who: "manager" | "approver";
    query: Record<string, string>;
    where: string;
    params: unknown[];
    order: string;
  };
  const open = `q.state in ('OPEN','IN_PROGRESS')`;
  const cases: Case[] = [
    { name: "first page (due soonest)", who: "manager", query: {}, where: "", params: [], order: `q."dueDate", q.id` },
    {
      name: "open and overdue",
      who: "manager",
      query: { state: "ACTIVE", overdue: "true" },
      where: `where ${open} and q."dueDate" < $1`,
      params: [today],
      order: `q."dueDate", q.id`,
    },
    {
      name: "category LAND + level 3",
      who: "manager",
      query: { category: "LAND", level: "3" },
      where: `where q.category = 'LAND' and q.level = 3`,
      params: [],
      order: `q."dueDate", q.id`,
    },
    {
      name: `department ${department}, open`,
      who: "manager",
      query: { department, state: "ACTIVE" },
      where: `where d.code = $1 and ${open}`,
      params: [department],
      order: `q."dueDate", q.id`,
    },
    {
      name: "proposed for escalation",
      who: "manager",
      query: { proposed: "true" },
      where: `where ${open} and q."escalationProposedAt" is not null`,
      params: [],
      order: `q."dueDate", q.id`,
    },
    {
      name: "newest first, page 50",
      who: "manager",
      query: { sort: "-created", page: "50" },
      where: "",
      params: [],
      order: `q."createdAt" desc, q.id`,
    },
    {
      name: "approver: their department, first page",
      who: "approver",
      query: {},
      where: `where (p."ownerId" = $1 or p."leaderId" = $1 or q."departmentId" = $2)`,
      params: [approver.id, approver.departmentId],
      order: `q."dueDate", q.id`,
    },
    {
      name: "approver: their department, open and overdue",
      who: "approver",
      query: { state: "ACTIVE", overdue: "true" },
      where: `where (p."ownerId" = $1 or p."leaderId" = $1 or q."departmentId" = $2) and ${open} and q."dueDate" < $3`,
      params: [approver.id, approver.departmentId, today],
      order: `q."dueDate", q.id`,
    },
  ];
  console.log(`| problem list (${total} problems) | rows | lib p50 ms | lib p95 ms | SQL p50 ms | SQL p95 ms |`);
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const c of cases) {
    const lib: number[] = [];
    const raw: number[] = [];
    let rows = 0;
    const page = Number(c.query.page ?? 1);
    for (let i = 0; i < runs + 3; i++) {
      let t = performance.now();
      rows = (await listProblems({ actor: c.who === "manager" ? manager : approver, query: c.query })).total;
      if (i >= 3) lib.push(performance.now() - t);
      t = performance.now();
      await Promise.all([
        sql.query(`${listSql} ${c.where} order by ${c.order} limit 20 offset ${(page - 1) * 20}`, c.params),
        sql.query(
          `select count(*) from problems q join projects p on p.id = q."projectId" join departments d on d.id = q."departmentId" ${c.where}`,
          c.params,
        ),
      ]);
      if (i >= 3) raw.push(performance.now() - t);
    }
    console.log(
      `| ${c.name} | ${rows} | ${f(pct(lib, 50))} | ${f(pct(lib, 95))} | ${f(pct(raw, 50))} | ${f(pct(raw, 95))} |`,
    );
  }
  await sql.end();
  await disconnectDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// The war room's numbers for npm run bench (挂图作战, SPEC §8): GET /api/v1/reports/war-room
// over HTTP against the same reads as plain SQL, run in parallel as the API runs them (stage
// totals, each column's first 12 cards through a window function, the park totals and each
// park's first 40 markers, the red list's count and first 30 rows).
import pg from "pg";

const cards = (where: string, extra: string, perGroup: number, by: string) => `
  select * from (
    select p.id, p.code, p.name, p."enterpriseName", p.stage, p."totalInvestment", p.warning, p."warningReasons",
      k.code as park, k.name as "parkName", l.id as "leaderId", l."displayName" as "leaderName",
      row_number() over (partition by ${by} order by p.warning desc, p."totalInvestment" desc, p.id) as n
    from projects p left join parks k on k.id = p."parkId" left join users l on l.id = p."leaderId"
    where ${where} ${extra}) c
  where n <= ${perGroup}`;

/** The board's reads as plain SQL for a filter (`where` on projects p, with its parameters). */
function warRoomSql(sql: pg.Pool, where: string, params: unknown[]) {
  const onBoard = `p.stage not in ('SUSPENDED', 'TERMINATED') and ${where}`;
  return Promise.all([
    sql.query(
      `select p.stage, count(*), sum(p."totalInvestment") from projects p where ${onBoard} group by p.stage`,
      params,
    ),
    sql.query(cards(onBoard, "", 12, "p.stage"), params),
    sql.query(`select id, code, name from parks order by "sortOrder", name`),
    sql.query(
      `select p."parkId", count(*), sum(p."totalInvestment") from projects p where ${onBoard} group by p."parkId"`,
      params,
    ),
    sql.query(cards(onBoard, `and p."parkId" is not null`, 40, `p."parkId"`), params),
    sql.query(`select count(*) from projects p where ${onBoard} and p.warning = 'RED'`, params),
    sql.query(
      `select p.id, p.code, p.name, p."totalInvestment", p."warningReasons" from projects p
       where ${onBoard} and p.warning = 'RED' order by p."totalInvestment" desc, p.id limit 30`,
      params,
    ),
  ]);
}

export async function benchWarRoom({
  base,
  token,
  url,
  runs,
  pct,
}: {
  base: string;
  token: string;
  url: string;
  runs: number;
  pct: (xs: number[], p: number) => number;
}) {
  // A pool as large as the app's (lib/db.ts: 10), so the plain SQL runs its reads in parallel too.
  const sql = new pg.Pool({ connectionString: url, max: 10 });
  const park = (await sql.query(`select id, code from parks order by "sortOrder" limit 1`)).rows[0];
  const industry = (await sql.query(`select id, code from industries order by "sortOrder" limit 1`)).rows[0];
  const leader = (await sql.query(`select id, username from users where username = 'leader'`)).rows[0];
  const cases = [
    { name: "whole district", qs: "", where: "true", params: [] as unknown[] },
    { name: "one park", qs: `park=${park.code}`, where: `p."parkId" = $1`, params: [park.id] },
    { name: "one leader", qs: `leader=${leader.username}`, where: `p."leaderId" = $1`, params: [leader.id] },
    {
      name: "industry + leader",
      qs: `industry=${industry.code}&leader=${leader.username}`,
      where: `p."industryId" = $1 and p."leaderId" = $2`,
      params: [industry.id, leader.id],
    },
  ];
  console.log(`\n| war room | API p50 ms | API p95 ms | SQL p50 ms | SQL p95 ms | on the board |`);
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const c of cases) {
    const api: number[] = [];
    const raw: number[] = [];
    let onBoard = 0;
    for (let i = 0; i < runs + 3; i++) {
      let t = performance.now();
      const res = await fetch(`${base}/api/v1/reports/war-room?${c.qs}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`war room ${c.name}: HTTP ${res.status}`);
      const body = (await res.json()) as { columns: { count: number }[] };
      onBoard = body.columns.reduce((n, col) => n + col.count, 0);
      if (i >= 3) api.push(performance.now() - t);
      t = performance.now();
      await warRoomSql(sql, c.where, c.params);
      if (i >= 3) raw.push(performance.now() - t);
    }
    const f = (n: number) => n.toFixed(1);
    console.log(
      `| ${c.name} | ${f(pct(api, 50))} | ${f(pct(api, 95))} | ${f(pct(raw, 50))} | ${f(pct(raw, 95))} | ${onBoard} |`,
    );
  }
  await sql.end();
}

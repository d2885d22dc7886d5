// The 政策兑现 number of `npm run bench` (run by scripts/bench.ts in its own process with the
// react-server condition, against the database it seeded; also on its own: `npx tsx
// --conditions=react-server scripts/bench-incentives.ts` with DATABASE_URL): one project's
// incentives (computeProjectIncentives: the project's fields, the active measures, its grants
// grouped — three reads — then calculate.ts for each measure, exact decimals), p50/p95 over
// BENCH_RUNS signed projects, beside the same three reads in plain SQL and the pure arithmetic
// alone. The five demo measures are written first when the database has none (seed-incentives).
import pg from "pg";
import { disconnectDb, getDb } from "../lib/db";
import { calculateIncentive } from "../lib/incentives/calculate";
import { calcMeasure } from "../lib/incentives/measure-view";
import {
  activeMeasures,
  computeProjectIncentives,
  toIncentiveProject,
  incentiveProjectSelect,
} from "../lib/incentives/project-incentives";
import { seedIncentives } from "../prisma/seed-incentives";
import type { PrismaClient } from "../generated/prisma/client";

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const f = (n: number) => n.toFixed(2);

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 200);
  const db = getDb();
  if ((await db.incentiveMeasure.count()) === 0) await seedIncentives(db as unknown as PrismaClient);
  // Signed projects with a fixed-asset investment (the ones the measures compute), else any.
  const ids = (
    await db.project.findMany({
      where: { signingDate: { not: null } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: runs,
    })
  ).map((p) => p.id);
  if (!ids.length) throw new Error("no signed project to measure");
  const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  const api: number[] = [];
  const raw: number[] = [];
  const pure: number[] = [];
  const measures = await activeMeasures(db);
  for (let i = 0; i < ids.length + 3; i++) {
    const id = ids[i % ids.length];
    let t = performance.now();
    await computeProjectIncentives(db, id, "zh-CN");
    if (i >= 3) api.push(performance.now() - t);
    t = performance.now();
    await Promise.all([
      sql.query(
        `select id, "signingDate", "fixedAssetInvestment", "totalInvestment", "contractInvestment", "foreignCapital", "expectedAnnualTax", "expectedAnnualOutput" from projects where id = $1`,
        [id],
      ),
      sql.query(`select * from incentive_measures where active order by category, name`),
      sql.query(
        `select "measureId", year, sum(amount) from incentive_grants where "projectId" = $1 group by "measureId", year`,
        [id],
      ),
    ]);
    if (i >= 3) raw.push(performance.now() - t);
    const row = await db.project.findUniqueOrThrow({ where: { id }, select: incentiveProjectSelect });
    t = performance.now();
    const input = toIncentiveProject(row);
    for (const m of measures) calculateIncentive(calcMeasure(m), input);
    if (i >= 3) pure.push(performance.now() - t);
  }
  console.log(
    `\n| 政策兑现 of one project (${measures.length} active measures, ${ids.length} projects) | p50 ms | p95 ms |`,
  );
  console.log("| --- | --- | --- |");
  console.log(`| computeProjectIncentives (3 reads + calculate.ts) | ${f(pct(api, 50))} | ${f(pct(api, 95))} |`);
  console.log(`| the same 3 reads in plain SQL | ${f(pct(raw, 50))} | ${f(pct(raw, 95))} |`);
  console.log(`| calculate.ts alone (pure, every measure) | ${f(pct(pure, 50))} | ${f(pct(pure, 95))} |`);
  await sql.end();
  await disconnectDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

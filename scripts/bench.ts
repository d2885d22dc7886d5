// npm run bench [-- --projects 100000 --activities 1000000 --runs 30]
//               [--dispatch 100000 --progress 1000000 --notifications 1000000] [--problems 100000]
//               [--only list|supervision|problems|war-room|dashboard|incentives|export|import, or several: --only dashboard,war-room]
//               [--keep DIR: seed an embedded database under DIR once and reuse it on the next runs
//                with the same sizes (for EXPLAIN between runs: its URL is printed)]
// Seeds a separate database (embedded, or a scratch database on DATABASE_URL's server),
// starts the production build, and measures p50/p95 of the project list API over HTTP
// (Bearer token) against the same queries as plain SQL; then the supervision numbers
// (scripts/bench-supervision.ts): the daily colour recompute, one project's recompute inside
// a change, the unread notification count; and the 要素保障 problem list (scripts/bench-problems.ts).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDatabase, startEmbedded, throwAwayDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/prisma-cli";
import { prismaFor, root } from "./lib/runtime";
import { startAppServer, type AppServer } from "./lib/server";
import { seed } from "../prisma/seed";
import { seedVolume } from "../prisma/seed-volume";
import { seedDispatchVolume } from "../prisma/seed-dispatch-volume";
import { benchWarRoom } from "./bench-war-room";
import { benchExport } from "./bench-export";
import { benchImport } from "./bench-import";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const projects = arg("projects", 100_000);
const activities = arg("activities", projects * 10);
const runs = arg("runs", 30);
// Projects under dispatch (a plan for this year), their progress entries and the inbox's
// notifications: 20,000 / 200,000 / 200,000 unless asked (the README's numbers use 100,000 /
// 1,000,000 / 1,000,000).
const dispatch = arg("dispatch", Math.min(projects, 20_000));
const progress = arg("progress", dispatch * 10);
const notifications = arg("notifications", dispatch * 10);
const problemCount = arg("problems", 100_000);
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? new Set(process.argv[onlyIndex + 1].split(",")) : null;
/** Whether a part is measured: all of them without --only, else the ones it names. */
const wants = (part: string) => !only || only.has(part);
/** The parts measured over HTTP (they need the production server). */
const overHttp = ["list", "dashboard", "war-room", "export"];
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

// Each case: the API query string, and the same list as plain SQL (page + count).
const listSql = `select p.id, p.code, p.name, p."enterpriseName", p.stage, p.warning, p."keyProject", p."totalInvestment", p."signingDate",
  p."sourceChannel", p."ownerId", p."leaderId", p.version, p."createdAt", p."updatedAt", i.code as industry, i.name as "industryName",
  k.code as park, k.name as "parkName", o."displayName" as "ownerName", l."displayName" as "leaderName"
  from projects p join industries i on i.id = p."industryId" left join parks k on k.id = p."parkId"
  join users o on o.id = p."ownerId" left join users l on l.id = p."leaderId"`;

/** The demo seed plus the volume: projects and activities, then plans, progress and the inbox. */
async function seedAll(prisma: ReturnType<typeof prismaFor>, url: string) {
  await seed(prisma);
  const t0 = Date.now();
  await seedVolume(prisma, {
    url: url,
    projects,
    activities,
    log: (l) => process.stdout.write(`\r${l}          `),
  });
  console.log(
    `\nseeded ${projects} projects and ${activities} activities in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  const t1 = Date.now();
  const volume = await seedDispatchVolume({
    url: url,
    today,
    plans: dispatch,
    progress,
    notifications,
    log: (l) => process.stdout.write(`\r${l}          `),
  });
  console.log(
    `\nseeded ${volume.plans} plans, ${volume.progress} progress entries and ${notifications} notifications in ${((Date.now() - t1) / 1000).toFixed(0)} s`,
  );
  return volume;
}

/** What seedAll returned, read back from a kept database. */
async function reusedVolume(url: string) {
  const sql = new pg.Client(url);
  await sql.connect();
  try {
    const manager = (await sql.query(`select id from users where role = 'MANAGER' order by username limit 1`)).rows[0]
      .id;
    return { manager: manager as string };
  } finally {
    await sql.end();
  }
}

const keepIndex = process.argv.indexOf("--keep");
const keepDir = keepIndex >= 0 ? path.resolve(process.argv[keepIndex + 1]) : null;

async function main() {
  const db = keepDir
    ? await startEmbedded({ dir: keepDir, database: "crm_bench", persistent: true })
    : await throwAwayDatabase("crm_bench");
  let server: AppServer | undefined;
  try {
    // A kept database seeded with the same sizes is reused as it is.
    const sizes = JSON.stringify({ projects, activities, dispatch, progress, notifications });
    const marker = keepDir && path.join(keepDir, "bench-seeded.json");
    const seeded = marker && fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === sizes;
    if (keepDir) console.log(`database: ${db.url}${seeded ? " (reused)" : ""}`);
    if (marker && !seeded) {
      // Whatever an earlier, different or interrupted run left: start from an empty database.
      fs.rmSync(marker, { force: true });
      await createDatabase(db.url, "crm_bench");
    }
    await migrateDeploy(db.url, { quiet: true });
    const prisma = prismaFor(db.url);
    const volume = seeded ? await reusedVolume(db.url) : await seedAll(prisma, db.url);
    if (marker && !seeded) fs.writeFileSync(marker, sizes);

    const sql = new pg.Client(db.url);
    await sql.connect();
    // What autovacuum does to a live database after a bulk load (visibility map for index-only counts, statistics).
    await sql.query("vacuum analyze");
    const industry = (await sql.query(`select id, code from industries order by "sortOrder" limit 1`)).rows[0];

    if (!overHttp.some(wants)) {
      await sql.end();
      await prisma.$disconnect();
      if (wants("supervision")) supervision(db.url, volume.manager);
      if (wants("problems")) problems(db.url);
      if (wants("incentives")) incentives(db.url);
      if (wants("import")) await importBench(db.url);
      return;
    }
    // Without the job workers: a fresh server catches up on the daily jobs (colours, reminders
    // over the whole volume), which would run beside the requests measured here. The jobs'
    // own numbers are the supervision bench's.
    server = await startAppServer(db.url, { JOB_WORKERS: "off" });
    const base = server.baseUrl;
    // Personal tokens for the manager (reads every project) and an approver of 生态环境分局 (reads
    // the projects whose case has an item of the department), created the way the app stores them.
    const tokenOf = async (username: string) => {
      const token = "zs_" + crypto.randomBytes(32).toString("base64url");
      const user = (await sql.query(`select id from users where username = $1`, [username])).rows[0];
      await sql.query(
        `insert into api_tokens (id, "userId", name, "tokenHash", prefix) values ($1, $2, 'bench', $3, $4)`,
        [crypto.randomUUID(), user.id, crypto.createHash("sha256").update(token).digest("hex"), token.slice(0, 9)],
      );
      return token;
    };
    const tokens = { manager: await tokenOf("manager"), approver: await tokenOf("approver_sthj") };
    const department = (await sql.query(`select "departmentId" as id from users where username = 'approver_sthj'`))
      .rows[0].id;

    // 驾驶舱: GET /api/v1/reports/dashboard as the manager (every statement of lib/reports/dashboard.ts,
    // run concurrently) against its main query in plain SQL (the year's first entries, grouped).
    if (wants("dashboard")) await dashboardBench(base, tokens.manager, sql);
    // The grid's .xlsx export of every project, streamed (scripts/bench-export.ts).
    if (wants("export")) await benchExport({ base, token: tokens.manager, url: db.url, pid: server.pid, projects });
    if (!wants("list") && !wants("war-room")) {
      await sql.end();
      await prisma.$disconnect();
      return;
    }

    // An import batch (the grid's importJob= filter, 在项目库中查看 after an import): 2,000
    // projects picked at random, so most are old and far down the updatedAt order (the worst
    // case for the first page), and a batch that wrote nothing.
    const manager = (await sql.query(`select id from users where username = 'manager'`)).rows[0].id;
    const batchJob = async (rows: number) => {
      const id = crypto.randomUUID();
      await sql.query(
        `insert into import_jobs (id, kind, mode, status, "fileName", "storagePath", "userId", "updatedAt")
         values ($1, 'PROJECTS', 'COMMIT', 'DONE', 'bench.xlsx', 'imports/bench.xlsx', $2, now())`,
        [id, manager],
      );
      await sql.query(
        `insert into import_job_projects ("jobId", "projectId", action)
         select $1, id, 'UPDATE' from projects order by random() limit $2`,
        [id, rows],
      );
      return id;
    };
    const batches = { big: await batchJob(2000), empty: await batchJob(0) };
    await sql.query("analyze import_job_projects");
    const inBatch = `where exists (select 1 from import_job_projects j where j."projectId" = p.id and j."jobId" = $1)`;

    type Case = { name: string; qs: string; where: string; params: unknown[]; order: string; offset: number };
    const managerCases: Case[] = [
      { name: "first page, no filter", qs: "", where: "", params: [], order: `p."updatedAt" desc, p.id`, offset: 0 },
      {
        name: "stage + industry",
        qs: `stage=SIGNED&industry=${industry.code}`,
        where: `where p.stage = 'SIGNED' and p."industryId" = $1`,
        params: [industry.id],
        order: `p."updatedAt" desc, p.id`,
        offset: 0,
      },
      {
        name: "text search 海创 (2 chars)",
        qs: `q=${encodeURIComponent("海创")}`,
        where: `where p."searchGrams" @> array[$1]`,
        params: ["海创"],
        order: `p."updatedAt" desc, p.id`,
        offset: 0,
      },
      {
        name: "text search 海创生物 (4 chars)",
        qs: `q=${encodeURIComponent("海创生物")}`,
        where: `where (p.name ilike $1 or p."enterpriseName" ilike $1 or p.code ilike $1)`,
        params: ["%海创生物%"],
        order: `p."updatedAt" desc, p.id`,
        offset: 0,
      },
      {
        name: "sort by investment",
        qs: "sort=totalInvestment&order=desc",
        where: "",
        params: [],
        order: `p."totalInvestment" desc, p.id`,
        offset: 0,
      },
      { name: "page 400", qs: "page=400", where: "", params: [], order: `p."updatedAt" desc, p.id`, offset: 399 * 20 },
      {
        name: "import batch (2,000 random rows)",
        qs: `importJob=${batches.big}`,
        where: inBatch,
        params: [batches.big],
        order: `p."updatedAt" desc, p.id`,
        offset: 0,
      },
      {
        name: "import batch that wrote nothing",
        qs: `importJob=${batches.empty}`,
        where: inBatch,
        params: [batches.empty],
        order: `p."updatedAt" desc, p.id`,
        offset: 0,
      },
    ];
    // The same lists as the approver: only projects with a permit item of the department (an
    // EXISTS); the stage filter on a stage with permit cases (a signed project has none yet).
    const approverCases = managerCases.map((m) => {
      const c =
        m.name === "stage + industry"
          ? {
              ...m,
              name: "stage CONSTRUCTION + industry",
              qs: m.qs.replace("SIGNED", "CONSTRUCTION"),
              where: m.where.replace("SIGNED", "CONSTRUCTION"),
            }
          : m;
      const visible = `exists (select 1 from permit_cases pc join permit_items pi on pi."caseId" = pc.id where pc."projectId" = p.id and pi."departmentId" = $${c.params.length + 1})`;
      return {
        ...c,
        name: `approver: ${c.name}`,
        where: c.where ? `${c.where} and ${visible}` : `where ${visible}`,
        params: [...c.params, department],
        who: "approver" as const,
      };
    });
    const cases = [...managerCases.map((c) => ({ ...c, who: "manager" as const })), ...approverCases];
    // 挂图作战 (scripts/bench-war-room.ts).
    if (wants("war-room")) await benchWarRoom({ base, token: tokens.manager, url: db.url, runs, pct });
    if (!wants("list")) cases.length = 0;
    if (cases.length) {
      console.log(`\n| query (${projects} projects) | API p50 ms | API p95 ms | SQL p50 ms | SQL p95 ms | ratio p95 |`);
      console.log("| --- | --- | --- | --- | --- | --- |");
    }
    const totals: string[] = [];
    for (const c of cases) {
      const api: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < runs + 3; i++) {
        let t = performance.now();
        const res = await fetch(`${base}/api/v1/projects?${c.qs}`, {
          headers: { authorization: `Bearer ${tokens[c.who]}` },
        });
        if (!res.ok) throw new Error(`${c.name}: HTTP ${res.status}`);
        const body = await res.json();
        if (i === 0) totals.push(`${c.name}: ${body.total}`);
        if (i >= 3) api.push(performance.now() - t);
        t = performance.now();
        await Promise.all([
          sql.query(`${listSql} ${c.where} order by ${c.order} limit 20 offset ${c.offset}`, c.params),
          sql.query(`select count(*) from projects p ${c.where}`, c.params),
        ]);
        if (i >= 3) raw.push(performance.now() - t);
      }
      const f = (n: number) => n.toFixed(1);
      console.log(
        `| ${c.name} | ${f(pct(api, 50))} | ${f(pct(api, 95))} | ${f(pct(raw, 50))} | ${f(pct(raw, 95))} | ${(pct(api, 95) / pct(raw, 95)).toFixed(2)} |`,
      );
    }
    console.log(`\nrows matched: ${totals.join("; ")}`);
    // The floor every API request pays: HTTP, Next.js routing, one trivial query.
    const floor: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const t = performance.now();
      await (await fetch(`${base}/api/v1/health`)).json();
      if (i >= 3) floor.push(performance.now() - t);
    }
    console.log(
      `\nfloor (GET /api/v1/health: HTTP + Next.js + select 1): p50 ${pct(floor, 50).toFixed(1)} ms, p95 ${pct(floor, 95).toFixed(1)} ms`,
    );
    await sql.end();
    await prisma.$disconnect();
    await server.stop();
    server = undefined;
    if (wants("supervision")) supervision(db.url, volume.manager);
    if (wants("problems")) problems(db.url);
    if (wants("incentives")) incentives(db.url);
    if (wants("import")) await importBench(db.url);
  } finally {
    await server?.stop();
    await db.stop();
  }
}

/**
 * The project import (scripts/bench-import.ts): its own server, with the job workers (an import
 * is an imports.run job), today's daily runs marked done first so that the start-up catch-up
 * (every project's colour…) does not run beside it.
 */
async function importBench(url: string) {
  const sql = new pg.Client(url);
  await sql.connect();
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  for (const name of ["warnings.recompute-daily", "permits.due-reminders", "problems.escalation-proposals"])
    await sql.query(`insert into job_runs (name, slot) values ($1, $2) on conflict do nothing`, [name, day]);
  const token = "zs_" + crypto.randomBytes(32).toString("base64url");
  const user = (await sql.query(`select id from users where username = 'manager'`)).rows[0];
  await sql.query(
    `insert into api_tokens (id, "userId", name, "tokenHash", prefix) values ($1, $2, 'bench-import', $3, $4)`,
    [crypto.randomUUID(), user.id, crypto.createHash("sha256").update(token).digest("hex"), token.slice(0, 9)],
  );
  await sql.end();
  const server = await startAppServer(url, { JOB_WORKERS: "on" });
  try {
    await benchImport({ base: server.baseUrl, token, url, projects });
  } finally {
    await server.stop();
  }
}

/**
 * The dashboard's API p95 and the same figures computed independently in plain SQL (the year's
 * clean-counted first entries from stage_changes, grouped by unit), on a warm server: the first
 * request is timed on its own (a fresh server's pool connections plan every statement with cold
 * catalog caches), then `warmup` requests let the pool's connections plan the statements, as on
 * a server that has been up a while.
 */
async function dashboardBench(base: string, token: string, sql: pg.Client) {
  const year = Number(today.slice(0, 4));
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const api: number[] = [];
  const raw: number[] = [];
  let figures = "";
  let first = 0;
  const warmup = 20;
  for (let i = 0; i < runs + warmup; i++) {
    let t = performance.now();
    const res = await fetch(`${base}/api/v1/reports/dashboard?year=${year}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`dashboard: HTTP ${res.status}`);
    const body = await res.json();
    if (i >= warmup) api.push(performance.now() - t);
    if (i === 0) {
      first = performance.now() - t;
      figures = (["signed", "started", "completed", "production"] as const)
        .map((b) => `${b} ${body.threeBatches[b].count}`)
        .join(", ");
    }
    t = performance.now();
    await sql.query(
      `select sc."toStage", p."ownerId", p."leaderId", p."parkId", count(distinct sc."projectId"),
              sum(p."totalInvestment"), sum(coalesce(p."contractInvestment", p."totalInvestment"))
         from stage_changes sc join projects p on p.id = sc."projectId"
        where sc."firstEntry" and sc."toStage" in ('SIGNED', 'CONSTRUCTION', 'COMPLETED', 'PRODUCTION')
          and sc."createdAt" >= $1 and sc."createdAt" < $2
        group by 1, 2, 3, 4`,
      [from, to],
    );
    if (i >= warmup) raw.push(performance.now() - t);
  }
  const f = (n: number) => n.toFixed(1);
  console.log(
    `\n| dashboard ${year} (${projects} projects) | API p50 ms | API p95 ms | SQL p50 ms | SQL p95 ms | ratio p95 |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  console.log(
    `| GET /api/v1/reports/dashboard | ${f(pct(api, 50))} | ${f(pct(api, 95))} | ${f(pct(raw, 50))} | ${f(pct(raw, 95))} | ${(pct(api, 95) / pct(raw, 95)).toFixed(2)} |`,
  );
  console.log(`first request after the server's start: ${f(first)} ms`);
  console.log(`three batches: ${figures}`);
}

/**
 * One of the lib-level benches (scripts/bench-<name>.ts), in a process of its own that loads the
 * app's lib modules as the server does, on the bench's database.
 */
function benchProcess(name: string, url: string, env: Record<string, string>) {
  const run = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", `bench-${name}.ts`)],
    {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        ...env,
      },
    },
  );
  if (run.status !== 0) throw new Error(`bench-${name} exited with ${run.status}`);
}

/** The supervision numbers. */
const supervision = (url: string, manager: string) =>
  benchProcess("supervision", url, {
    BENCH_TODAY: today,
    BENCH_MANAGER: manager,
    BENCH_RUNS: String(Math.max(runs, 200)),
  });

/** The 要素保障 numbers. */
const problems = (url: string) =>
  benchProcess("problems", url, { BENCH_TODAY: today, BENCH_RUNS: String(runs), BENCH_PROBLEMS: String(problemCount) });

/** The 政策兑现 number (one project's incentives < 20 ms). */
const incentives = (url: string) => benchProcess("incentives", url, { BENCH_RUNS: String(Math.max(runs, 200)) });

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

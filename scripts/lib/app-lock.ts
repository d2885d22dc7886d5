// The DATA_DIR lock of the process that owns the embedded PostgreSQL there (npm start,
// npm run dev, db:migrate, db:seed): DATA_DIR/app.lock names its pid, command, port, start
// time and, once up, the database's port. A second process finds the owner alive and
// refuses (or, for migrate and seed, uses the running app's database) instead of stopping
// that database; a lock whose process is gone is taken over.
import fs from "node:fs";
import path from "node:path";
import { alive } from "./shutdown";

export type LockHolder = {
  pid: number;
  command: string;
  port?: number;
  startedAt: string;
  databasePort?: number;
  /** The process's start time in /proc (clock ticks since boot): a reused pid is not the holder. */
  procStart?: string;
};

export type AppLock = { update: (patch: Partial<LockHolder>) => void; release: () => void };

export function lockFile(dir: string) {
  return path.join(dir, "app.lock");
}

/** The start time of `pid` from /proc/<pid>/stat (field 22), or undefined where there is no /proc. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

export function readLock(dir: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockFile(dir), "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

export function holderAlive(h: LockHolder): boolean {
  if (!Number.isInteger(h.pid) || h.pid <= 0 || !alive(h.pid)) return false;
  const started = processStart(h.pid);
  return !(h.procStart && started && started !== h.procStart);
}

/** Writes `holder` as the lock file only if there is none (link is atomic: one of two racing starts wins). */
function createLock(dir: string, holder: LockHolder): boolean {
  const tmp = `${lockFile(dir)}.${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(holder), { mode: 0o644 });
  try {
    fs.linkSync(tmp, lockFile(dir));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Takes DATA_DIR's lock for this process, or answers the live process that holds it. */
export function acquireLock(
  dir: string,
  info: { command: string; port?: number },
): { lock: AppLock } | { heldBy: LockHolder } {
  const holder: LockHolder = {
    pid: process.pid,
    command: info.command,
    port: info.port,
    startedAt: new Date().toISOString(),
    procStart: processStart(process.pid),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createLock(dir, holder)) {
      const release = () => {
        if (readLock(dir)?.pid === process.pid) fs.rmSync(lockFile(dir), { force: true });
        process.removeListener("exit", release);
      };
      process.once("exit", release);
      const update = (patch: Partial<LockHolder>) => {
        Object.assign(holder, patch);
        const tmp = `${lockFile(dir)}.${process.pid}`;
        fs.writeFileSync(tmp, JSON.stringify(holder), { mode: 0o644 });
        fs.renameSync(tmp, lockFile(dir));
      };
      return { lock: { update, release } };
    }
    const current = readLock(dir);
    if (current && holderAlive(current)) return { heldBy: current };
    // The holder is gone (or its file unreadable): take the lock over.
    fs.rmSync(lockFile(dir), { force: true });
  }
  const current = readLock(dir);
  if (current) return { heldBy: current };
  throw new Error(`cannot take the lock ${lockFile(dir)}`);
}

/** The refusal, in the CLI's Chinese and in English, naming the process that holds DATA_DIR. */
export function describeHolder(dir: string, h: LockHolder): string {
  const port = h.port ? `, 端口 ${h.port}` : "";
  const portEn = h.port ? `, port ${h.port}` : "";
  return [
    `DATA_DIR ${dir} 正由运行中的 ${h.command} 使用 (pid ${h.pid}${port}, 启动于 ${h.startedAt})，它的数据库不会被停止。`,
    `请先停止它 (Ctrl-C 或 kill ${h.pid})，或使用另一个 DATA_DIR。`,
    `DATA_DIR ${dir} is in use by a running ${h.command} (pid ${h.pid}${portEn}, started at ${h.startedAt}); its database is left running.`,
    `Stop it first (Ctrl-C or kill ${h.pid}) or use another DATA_DIR.`,
  ].join("\n");
}

// The database and upload directory a backup or restore works on, said in words: the
// server of DATABASE_URL, the embedded one already running on DATA_DIR (the app's, left
// running), or the embedded one started for the while.
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Database } from "../database";
import { localFileStore } from "../../../lib/attachments/file-store";

/** The port of the embedded server running on `dir`, if one is. */
function runningEmbeddedPort(dir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dir, "postgres", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return { pid, port };
}

export async function openForBackup(dir: string): Promise<Database & { how: string }> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const u = new URL(given);
    return { url: given, embedded: false, stop: async () => {}, how: `DATABASE_URL (${u.host}${u.pathname})` };
  }
  const running = runningEmbeddedPort(dir);
  if (running) {
    const password = fs.readFileSync(path.join(dir, "postgres.password"), "utf8").trim();
    const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/crm`;
    return { url, embedded: true, stop: async () => {}, how: `内置 PostgreSQL, 运行中 (pid ${running.pid}, ${dir})` };
  }
  const log = fs.createWriteStream(path.join(dir, "postgres.log"), { flags: "a" });
  const db = await openDatabase(dir, (line) => log.write(line));
  return {
    ...db,
    stop: async () => {
      await db.stop();
      log.end();
    },
    how: `内置 PostgreSQL (${dir})`,
  };
}

/** UPLOAD_DIR, else DATA_DIR/uploads: where the app keeps attachments (lib/attachments). */
export function uploadStore(dir: string) {
  return localFileStore(process.env.UPLOAD_DIR ? path.resolve(process.env.UPLOAD_DIR) : path.join(dir, "uploads"));
}

// The database and upload directory a backup or restore works on, said in words: the
// server of DATABASE_URL, the embedded one already running on DATA_DIR (the app's, left
// running), or the embedded one started for the while.
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Database } from "../database";
import { fileStoreFor } from "../../../lib/attachments/store";
import { fileStorageEnv } from "../../../lib/env";

/**
 * The database as db:migrate opens it (scripts/lib/database.ts `openDatabase`): DATABASE_URL's,
 * the running app's (left running), or the embedded one started for the while under DATA_DIR's lock.
 */
export async function openForBackup(dir: string, command: string): Promise<Database & { how: string }> {
  const given = process.env.DATABASE_URL;
  const log = given ? undefined : fs.createWriteStream(path.join(dir, "postgres.log"), { flags: "a" });
  const db = await openDatabase(dir, { command, reuseRunning: true, log: (line) => log?.write(line) });
  const how = given
    ? `DATABASE_URL (${new URL(given).host}${new URL(given).pathname})`
    : db.embedded
      ? `内置 PostgreSQL (${dir})`
      : `内置 PostgreSQL, 运行中 (${dir})`;
  return {
    ...db,
    stop: async () => {
      await db.stop();
      log?.end();
    },
    how,
  };
}

/**
 * Where the app keeps its files (lib/attachments/store.ts): the S3-compatible bucket of
 * S3_ENDPOINT, S3_BUCKET and the keys when set, else UPLOAD_DIR, else DATA_DIR/uploads.
 */
export function uploadStore(dir: string) {
  return fileStoreFor(fileStorageEnv({ ...process.env, DATA_DIR: dir }));
}

// npm run db:backup [FILE]: the database (DATABASE_URL or the embedded one under DATA_DIR)
// and the attachments in one archive; FILE defaults to DATA_DIR/backups/crm-<Shanghai time>.tar.gz.
import path from "node:path";
import { createBackup, defaultBackupName } from "./lib/backup/archive";
import { openForBackup, uploadStore } from "./lib/backup/open";
import { dataDir } from "./lib/runtime";

async function main() {
  const dir = dataDir();
  // The file store's settings are checked before the database is opened.
  const store = uploadStore(dir);
  const file = process.argv[2] ?? path.join(dir, "backups", defaultBackupName());
  const db = await openForBackup(dir, "npm run db:backup");
  try {
    console.log(`数据库: ${db.how}; 数据由 pg 驱动在一个快照中读出 (不需要 pg_dump)`);
    await createBackup({ url: db.url, store, file, log: console.log });
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(`备份失败: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

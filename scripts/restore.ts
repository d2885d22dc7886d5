// npm run db:restore FILE: restores an archive of npm run db:backup into an empty database
// (DATABASE_URL or the embedded one under DATA_DIR) and an empty upload directory.
import { RestoreRefused, restoreBackup } from "./lib/backup/archive";
import { openForBackup, uploadStore } from "./lib/backup/open";
import { migrateDeploy } from "./lib/prisma-cli";
import { dataDir } from "./lib/runtime";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("用法: npm run db:restore -- FILE");
    process.exit(2);
  }
  const dir = dataDir();
  // The file store's settings are checked before the database is opened.
  const store = uploadStore(dir);
  const db = await openForBackup(dir, "npm run db:restore");
  try {
    console.log(`数据库: ${db.how}`);
    await restoreBackup({
      url: db.url,
      store,
      file,
      migrate: (url) => migrateDeploy(url, { quiet: true }),
      log: console.log,
    });
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  const message = e instanceof Error ? e.message : String(e);
  console.error(e instanceof RestoreRefused ? `拒绝恢复: ${message}` : `恢复失败: ${message}`);
  process.exit(1);
});

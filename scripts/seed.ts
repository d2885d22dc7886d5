// npm run db:seed [-- --projects N [--activities M]]: migrate and seed the database
// npm start uses (DATABASE_URL or the embedded one under DATA_DIR); with --projects, also
// generate that many realistic projects (and M activities, default 10 per project). When
// `npm start` holds DATA_DIR, its running database is used and left running.
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/prisma-cli";
import { dataDir, prismaFor } from "./lib/runtime";
import { handleSignals, shutdown } from "./lib/shutdown";
import { seed } from "../prisma/seed";
import { seedVolume } from "../prisma/seed-volume";

handleSignals();

function flag(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number`);
  return n;
}

async function main() {
  const dir = dataDir();
  const pgLog = fs.createWriteStream(path.join(dir, "postgres.log"), { flags: "a" });
  const db = await openDatabase(dir, { command: "npm run db:seed", reuseRunning: true, log: (l) => pgLog.write(l) });
  try {
    await migrateDeploy(db.url, { quiet: true });
    const prisma = prismaFor(db.url);
    await seed(prisma, console.log);
    const projects = flag("projects");
    if (projects)
      await seedVolume(prisma, {
        url: db.url,
        projects,
        activities: flag("activities") ?? projects * 10,
        log: console.log,
      });
    await prisma.$disconnect();
  } finally {
    await db.stop();
    pgLog.end();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  void shutdown(1);
});

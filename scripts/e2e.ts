// npm run test:e2e: browser tests in real Chromium against the production build.
// Own database (embedded, or a scratch database on DATABASE_URL's server), migrated and
// seeded; `next build` when stale; `next start` on a free port; then Playwright.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { throwAwayDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/prisma-cli";
import { prismaFor, root } from "./lib/runtime";
import { startAppServer, type AppServer } from "./lib/server";
import { seed } from "../prisma/seed";

async function main() {
  const db = await throwAwayDatabase("crm_e2e", { durable: false });
  let server: AppServer | undefined;
  let status = 1;
  try {
    await migrateDeploy(db.url, { quiet: true });
    const prisma = prismaFor(db.url);
    await seed(prisma);
    await prisma.$disconnect();
    server = await startAppServer(db.url);
    const run = spawnSync(
      process.execPath,
      [path.join(root, "node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)],
      {
        cwd: root,
        env: { ...server.env, BASE_URL: server.baseUrl },
        stdio: "inherit",
      },
    );
    status = run.status ?? 1;
  } finally {
    await server?.stop();
    await db.stop();
  }
  process.exit(status);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

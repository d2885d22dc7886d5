// npm run test:e2e: browser tests in real Chromium against the production build.
// Own database (embedded, or a scratch database on DATABASE_URL's server), migrated and
// seeded; `next build` when stale; `next start` on a free port; then Playwright.
import crypto from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startTemporary, withDatabase, type Database } from "./lib/database";
import { migrateDeploy } from "./lib/prisma-cli";
import { buildIsStale, prismaFor, root } from "./lib/runtime";
import { seed } from "../prisma/seed";

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

async function scratchDatabase(serverUrl: string): Promise<Database> {
  const name = `crm_e2e_${process.pid}`;
  const admin = new pg.Client(withDatabase(serverUrl, "postgres"));
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    embedded: false,
    stop: async () => {
      const c = new pg.Client(withDatabase(serverUrl, "postgres"));
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

async function main() {
  const db = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : await startTemporary("crm-e2e-");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-e2e-data-"));
  let server: ReturnType<typeof spawn> | undefined;
  let status = 1;
  try {
    migrateDeploy(db.url, { quiet: true });
    const prisma = prismaFor(db.url);
    await seed(prisma);
    await prisma.$disconnect();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (buildIsStale()) {
      console.log("next build…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
      if (build.status !== 0) throw new Error("next build failed");
    }
    server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    server.stdout?.on("data", () => undefined);
    await waitFor(`${baseUrl}/api/v1/health`);
    const args = ["test", ...process.argv.slice(2)];
    const run = spawnSync(process.execPath, [path.join(root, "node_modules", "@playwright", "test", "cli.js"), ...args], {
      cwd: root,
      env: { ...env, BASE_URL: baseUrl },
      stdio: "inherit",
    });
    status = run.status ?? 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(status);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

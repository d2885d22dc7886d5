// npm start: database (DATABASE_URL or embedded PostgreSQL under DATA_DIR) → migrate →
// seed on first run → build when stale → next start on PORT; prints the demo logins.
// npm run dev: the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/prisma-cli";
import { authSecret, buildIsStale, dataDir, prismaFor, root } from "./lib/runtime";
import { nextBin, serveArgs, waitForHealth } from "./lib/server";
import { seed } from "../prisma/seed";
import { DEMO_PASSWORD, demoUsers, districtUsers } from "../prisma/seed-data";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

async function main() {
  const dir = dataDir();
  const pgLog = fs.createWriteStream(path.join(dir, "postgres.log"), { flags: "a" });
  console.log(process.env.DATABASE_URL ? "数据库: DATABASE_URL" : `数据库: 内置 PostgreSQL (${dir})`);
  const db = await openDatabase(dir, (line) => pgLog.write(line));
  let child: ReturnType<typeof spawn> | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    await db.stop();
    pgLog.end();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    migrateDeploy(db.url, { quiet: true });
    const prisma = prismaFor(db.url);
    if ((await prisma.user.count()) === 0) await seed(prisma, (l) => console.log(`初始化演示数据: ${l}`));
    await prisma.$disconnect();

    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: authSecret(dir),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      DATA_DIR: dir,
      PORT: String(port),
    };
    if (!dev && buildIsStale()) {
      console.log("构建应用 (next build)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], {
        cwd: root,
        env: { ...env, NODE_ENV: "production" },
        stdio: "inherit",
      });
      if (build.status !== 0) throw new Error("next build failed");
    }
    child = spawn(process.execPath, dev ? [nextBin, "dev", "-p", String(port)] : serveArgs, {
      cwd: root,
      env: dev ? env : { ...env, NODE_ENV: "production" },
      stdio: "inherit",
    });
    child.on("exit", (code) => void stop(code ?? 0));
    await waitForHealth(`http://127.0.0.1:${port}/api/v1/health`, 600);
    console.log(`\n招商引资 CRM 已启动: ${env.NEXTAUTH_URL}`);
    console.log(`演示账号 (密码均为 ${DEMO_PASSWORD}):`);
    for (const u of demoUsers) console.log(`  ${u.username.padEnd(9)} ${u.role.padEnd(9)} ${u.displayName}`);
    const more = (role: string) =>
      districtUsers
        .filter((u) => u.role === role)
        .map((u) => u.username)
        .join("、");
    console.log(`  另有招商专员 ${more("STAFF")}，分包领导 ${more("LEADER")}（密码相同）`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    await stop(1);
  }
}

void main();

// npm start: database (DATABASE_URL or embedded PostgreSQL under DATA_DIR) → migrate →
// seed on first run → build when stale → next start on PORT; prints the demo logins.
// npm run dev: the same with `next dev`.
// A second start on a DATA_DIR held by a running app is refused, naming it (the running
// app and its database are untouched: scripts/lib/app-lock.ts). A stop signal at any
// moment stops the server, the build or migration under way and the embedded PostgreSQL,
// within 10 s (scripts/lib/shutdown.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/prisma-cli";
import { authSecret, buildIsStale, dataDir, prismaFor, root } from "./lib/runtime";
import { nextBin, serveArgs, waitForHealth } from "./lib/server";
import { handleSignals, isStopping, onShutdown, shutdown, track } from "./lib/shutdown";
import { seed } from "../prisma/seed";
import { fileStorageEnv } from "../lib/env";
import { DEMO_PASSWORD, demoUsers, districtUsers } from "../prisma/seed-data";

handleSignals();

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

async function main() {
  const dir = dataDir();
  // Where files go (lib/attachments/store.ts), checked before anything starts: S3 all or none.
  const files = fileStorageEnv({ ...process.env, DATA_DIR: dir });
  console.log(files.s3 ? `文件: S3 ${files.s3.endpoint} 存储桶 ${files.s3.bucket}` : `文件: ${files.uploadDir}`);
  const pgLog = fs.createWriteStream(path.join(dir, "postgres.log"), { flags: "a" });
  pgLog.on("error", () => {});
  onShutdown(() => void pgLog.end());
  console.log(process.env.DATABASE_URL ? "数据库: DATABASE_URL" : `数据库: 内置 PostgreSQL (${dir})`);
  const db = await openDatabase(dir, {
    command: dev ? "npm run dev" : "npm start",
    appPort: port,
    log: (line) => pgLog.write(line),
  });

  await migrateDeploy(db.url, { quiet: true });
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
    const build = track(
      spawn(process.execPath, [nextBin, "build"], {
        cwd: root,
        env: { ...env, NODE_ENV: "production" },
        stdio: "inherit",
      }),
    );
    const status = await new Promise((r) => build.once("close", r));
    if (status !== 0) throw new Error("next build failed");
  }
  if (isStopping()) return;
  const child = track(
    spawn(process.execPath, dev ? [nextBin, "dev", "-p", String(port)] : serveArgs, {
      cwd: root,
      env: dev ? env : { ...env, NODE_ENV: "production" },
      stdio: "inherit",
    }),
  );
  // The server ending by itself (a crash, a port in use) ends the whole app with its code.
  child.on("exit", (code) => void shutdown(code ?? 1));
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
}

main().catch((err) => {
  if (isStopping()) return;
  console.error(err instanceof Error ? err.message : err);
  void shutdown(1);
});

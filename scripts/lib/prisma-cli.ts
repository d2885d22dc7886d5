// Runs the Prisma CLI (through scripts/prisma.mjs, which needs no native engines).
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export function prismaCli(args: string[], databaseUrl: string, opts: { quiet?: boolean } = {}) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "prisma.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    stdio: opts.quiet ? "pipe" : "inherit",
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

export function migrateDeploy(databaseUrl: string, opts: { quiet?: boolean } = {}) {
  const r = prismaCli(["migrate", "deploy"], databaseUrl, opts);
  if (r.status !== 0) throw new Error(`prisma migrate deploy failed:\n${r.stdout}\n${r.stderr}`);
}

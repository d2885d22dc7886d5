// Runs the Prisma CLI (through scripts/prisma.mjs, which needs no native engines).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { track } from "./shutdown";

const root = path.resolve(__dirname, "..", "..");
const cli = path.join(root, "scripts", "prisma.mjs");

export function prismaCli(args: string[], databaseUrl: string, opts: { quiet?: boolean } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    stdio: opts.quiet ? "pipe" : "inherit",
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/**
 * `prisma migrate deploy`, as a child process the caller's event loop keeps running beside
 * (a stop signal during a migration stops it: scripts/lib/shutdown.ts).
 */
export async function migrateDeploy(databaseUrl: string, opts: { quiet?: boolean } = {}) {
  const child = track(
    spawn(process.execPath, [cli, "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: opts.quiet ? "pipe" : "inherit",
    }),
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve(code));
  });
  if (status !== 0) throw new Error(`prisma migrate deploy failed:\n${output}`);
}

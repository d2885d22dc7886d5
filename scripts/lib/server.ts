// The production server for the browser tests and the benchmark: its own DATA_DIR and
// secret, `next build` when stale, `next start` on a free port, ready when healthy.
import crypto from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./database";
import { buildIsStale, root } from "./runtime";

export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Arguments of `node` that run the production server (scripts/serve.ts, through tsx). */
export const serveArgs = ["--import", "tsx", path.join(root, "scripts", "serve.ts")];

/** Waits until `url` answers 2xx (two minutes at most). */
export async function waitForHealth(url: string, tries = 240) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

export type AppServer = { baseUrl: string; env: NodeJS.ProcessEnv; stop: () => Promise<void>; pid: number };

export async function startAppServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-app-data-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: baseUrl,
    DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    // The browser suite signs in dozens of times from one address and the benchmark sends
    // thousands of requests a minute: their own limits (the production defaults are tested
    // in tests/integration/security.test.ts).
    LOGIN_IP_MAX: process.env.LOGIN_IP_MAX ?? "100000",
    API_RATE_PER_MINUTE: process.env.API_RATE_PER_MINUTE ?? "1000000",
    ...extraEnv,
  };
  if (buildIsStale()) {
    console.log("next build…");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      cwd: root,
      env: { ...env, NODE_ENV: "production" },
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const server = spawn(process.execPath, serveArgs, {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`${baseUrl}/api/v1/health`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, env, stop, pid: server.pid! };
}

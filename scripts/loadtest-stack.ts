// The processes of `npm run loadtest` (scripts/loadtest.ts): two production app instances on
// one database and one secret, and HAProxy in front of them (roundrobin, 127.0.0.1 only, a
// health check on /api/v1/health, the serving instance named in X-Served-By). Every process is
// tracked by scripts/lib/shutdown.ts, so the end of the run, an error or Ctrl-C stops them all.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "./lib/runtime";
import { serveArgs } from "./lib/server";
import { track } from "./lib/shutdown";

/** HAProxy's binary (Debian installs it in /usr/sbin, which a user's PATH may lack), or null. */
export function findHaproxy(): string | null {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin", "/sbin"];
  for (const dir of dirs) {
    const bin = path.join(dir, "haproxy");
    try {
      fs.accessSync(bin, fs.constants.X_OK);
      return bin;
    } catch {
      // not here
    }
  }
  return null;
}

export const haproxyMissing = [
  "没有找到 haproxy：负载测试需要它在两个应用实例前做负载均衡。",
  "haproxy was not found: the load test puts it in front of the two app instances.",
  "Debian / Ubuntu: sudo apt-get install -y haproxy    (macOS: brew install haproxy)",
].join("\n");

export type Instance = {
  name: string;
  base: string;
  port: number;
  child: ChildProcess;
  logFile: string;
  /** Set when the process ended (code or signal) before the load test stopped it. */
  exited?: string;
};

/**
 * One app instance (scripts/serve.ts, the production server) on `port`, its output in `logFile`.
 * With LOADTEST_CPU_PROFILE=<dir> each instance writes V8 CPU profiles there when it stops, one per
 * thread, named by pid (the largest is the server's main thread; open it in Chrome's DevTools).
 */
export function startInstance(name: string, port: number, env: NodeJS.ProcessEnv, logFile: string): Instance {
  const out = fs.openSync(logFile, "a");
  const profile = process.env.LOADTEST_CPU_PROFILE;
  const profiling = profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [];
  const child = track(
    spawn(process.execPath, [...profiling, ...serveArgs], {
      cwd: root,
      env: { ...env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
      stdio: ["ignore", out, out],
    }),
  );
  fs.closeSync(out);
  const instance: Instance = { name, base: `http://127.0.0.1:${port}`, port, child, logFile };
  child.once("exit", (code, signal) => (instance.exited = signal ?? `exit ${code}`));
  return instance;
}

/** The last lines of a log file (for an error message). */
export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/**
 * Waits until the instance answers its health check with the database and its job runner up
 * (`jobs: "ok"`: its workers and schedules are registered), three minutes at most.
 */
export async function waitForInstance(instance: Instance) {
  const until = Date.now() + 180_000;
  let last = "";
  while (Date.now() < until) {
    if (instance.exited)
      throw new Error(`${instance.name} ended (${instance.exited}) before it was up:\n${tail(instance.logFile)}`);
    try {
      const res = await fetch(`${instance.base}/api/v1/health`);
      const body = (await res.json()) as { status?: string; jobs?: string };
      last = JSON.stringify(body);
      if (res.ok && body.jobs === "ok") return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${instance.name} was not healthy with its job runner within 3 minutes (${last})`);
}

/**
 * The routes the load uses, asked once on the instance without a session (401): Next.js loads
 * a route's code on its first request, which the measured requests should not pay for.
 */
export async function warmUp(instance: Instance) {
  const routes: [string, string][] = [
    ["GET", "/api/auth/csrf"],
    ["GET", "/api/v1/projects"],
    ["GET", "/api/v1/projects/x"],
    ["PATCH", "/api/v1/projects/x"],
    ["POST", "/api/v1/projects/x/transitions"],
    ["POST", "/api/v1/projects/x/attachments"],
    ["GET", "/api/v1/notices"],
    ["POST", "/api/v1/notices"],
    ["POST", "/api/v1/notices/x/reply"],
    ["POST", "/api/v1/notices/x/reject"],
    ["GET", "/api/v1/permit-items"],
    ["POST", "/api/v1/permit-items/x/decision"],
  ];
  for (const [method, route] of routes) await (await fetch(instance.base + route, { method })).arrayBuffer();
}

export type Proxy = { base: string; statsUrl: string; child: ChildProcess; exited?: string; config: string };

export function haproxyConfig(opts: { port: number; statsPort: number; servers: Instance[] }): string {
  return [
    "global",
    "  maxconn 4096",
    // One line per request on HAProxy's output (haproxy.log beside the config): kept when a run fails.
    "  log stdout format raw local0",
    "",
    "defaults",
    "  mode http",
    "  log global",
    "  option httplog",
    "  timeout connect 5s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout http-request 30s",
    // An instance starved of CPU by a busy machine answers its health check late: out of the
    // rotation after 5 checks of up to 10 s each fail, not at the first slow one.
    "  timeout check 10s",
    // The client's address for the app (scripts/serve.ts trusts one hop: TRUST_PROXY=1).
    "  option forwardfor",
    // A new connection to the instance for each request (cheap on 127.0.0.1): no idle connection
    // that Node's 5 s keep-alive timeout may close as HAProxy reuses it.
    "  option http-server-close",
    "",
    "frontend crm",
    `  bind 127.0.0.1:${opts.port}`,
    "  default_backend apps",
    "",
    "backend apps",
    // Each request to the next instance in turn (also on a kept-alive client connection).
    "  balance roundrobin",
    "  option httpchk",
    "  http-check send meth GET uri /api/v1/health",
    "  http-check expect status 200",
    "  http-response set-header X-Served-By %[srv_name]",
    ...opts.servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check inter 2s fall 5 rise 2`),
    "",
    "listen stats",
    `  bind 127.0.0.1:${opts.statsPort}`,
    "  stats enable",
    "  stats uri /stats",
    "",
  ].join("\n");
}

/** HAProxy on 127.0.0.1:`port` in front of `servers` (its config checked first), up when both are UP. */
export async function startProxy(opts: {
  bin: string;
  dir: string;
  port: number;
  statsPort: number;
  servers: Instance[];
}): Promise<Proxy> {
  const config = path.join(opts.dir, "haproxy.cfg");
  fs.writeFileSync(config, haproxyConfig(opts));
  const check = spawnSync(opts.bin, ["-c", "-q", "-f", config], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`haproxy refused its configuration:\n${check.stderr}${check.stdout}`);
  const out = fs.openSync(path.join(opts.dir, "haproxy.log"), "a");
  const child = track(spawn(opts.bin, ["-db", "-f", config], { stdio: ["ignore", out, out] }));
  fs.closeSync(out);
  const proxy: Proxy = {
    base: `http://127.0.0.1:${opts.port}`,
    statsUrl: `http://127.0.0.1:${opts.statsPort}/stats;csv`,
    child,
    config,
  };
  child.once("exit", (code, signal) => (proxy.exited = signal ?? `exit ${code}`));
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (proxy.exited) throw new Error(`haproxy ended (${proxy.exited}):\n${tail(path.join(opts.dir, "haproxy.log"))}`);
    try {
      const stats = await proxyStats(proxy);
      if (opts.servers.every((s) => stats.get(s.name)?.status === "UP")) return proxy;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("haproxy did not see both instances UP within 30 s");
}

export type ServerStats = {
  status: string;
  requests: number;
  hrsp2xx: number;
  hrsp4xx: number;
  hrsp5xx: number;
  /** Times the health check took the server out of the rotation. */
  checkDowns: number;
};

/** HAProxy's counters per server of the backend (its stats page as CSV). */
export async function proxyStats(proxy: Proxy): Promise<Map<string, ServerStats>> {
  const text = await (await fetch(proxy.statsUrl)).text();
  const [header, ...rows] = text.trim().split("\n");
  const names = header.replace(/^# /, "").split(",");
  const col = (row: string[], name: string) => row[names.indexOf(name)] ?? "";
  const num = (row: string[], name: string) => Number(col(row, name)) || 0;
  const out = new Map<string, ServerStats>();
  for (const line of rows) {
    const row = line.split(",");
    if (col(row, "pxname") !== "apps" || ["FRONTEND", "BACKEND"].includes(col(row, "svname"))) continue;
    out.set(col(row, "svname"), {
      status: col(row, "status"),
      // Answers by class (the sum is the requests this server answered; stot counts connections).
      requests: ["1xx", "2xx", "3xx", "4xx", "5xx", "other"].reduce((n, c) => n + num(row, `hrsp_${c}`), 0),
      hrsp2xx: num(row, "hrsp_2xx"),
      hrsp4xx: num(row, "hrsp_4xx"),
      hrsp5xx: num(row, "hrsp_5xx"),
      checkDowns: num(row, "chkdown"),
    });
  }
  return out;
}

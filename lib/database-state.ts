// Whether the app's database is reachable, as the app's own queries last found it. The API
// answers 503 when a request fails for that reason (lib/api/handler.ts), and the production
// server (scripts/serve.ts) turns a page's 500 into a 503 while this says the database is
// down. Kept on globalThis: the server script and Next.js's bundles share the process, not
// their module instances. No "server-only": scripts/serve.ts imports it too.

const holder = globalThis as unknown as { crmDatabaseDown?: boolean };

const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
/** Prisma's codes for an unreachable or lost server (P1001 can't reach, P1002 timed out, P1008, P1017 closed). */
const prismaCodes = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** The driver adapter's kinds for the same. */
const adapterKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
/** PostgreSQL: connection exceptions (class 08), admin/crash shutdown, cannot connect now (57P01–57P03). */
const sqlStates = /^(08[0-9A-Z]{3}|57P0[123])$/;
const messages =
  /Connection terminated|connection timeout|the database system is (shutting down|starting up|in recovery mode|not yet accepting connections)|terminating connection due to administrator command|Can't reach database server|Server has closed the connection|Client has encountered a connection error|timeout exceeded when trying to connect/i;

/** True when `err` (or what caused it) says the database server could not be reached or went away. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 6) return false;
  const e = err as Record<string, unknown>;
  const code = typeof e.code === "string" ? e.code : undefined;
  const originalCode = typeof e.originalCode === "string" ? e.originalCode : undefined;
  if (code && (socketCodes.has(code) || prismaCodes.has(code) || sqlStates.test(code))) return true;
  if (originalCode && sqlStates.test(originalCode)) return true;
  if (typeof e.kind === "string" && adapterKinds.has(e.kind)) return true;
  if (typeof e.message === "string" && messages.test(e.message)) return true;
  return ["cause", "meta", "driverAdapterError", "originalError"].some((k) => isDatabaseUnavailable(e[k], depth + 1));
}

/** Records what a database call found: a success says the server is up, an unreachable server that it is down. */
export function noteDatabaseResult(err?: unknown) {
  if (err === undefined) holder.crmDatabaseDown = false;
  else if (isDatabaseUnavailable(err)) holder.crmDatabaseDown = true;
}

/** True while the app's last database call found the server unreachable. */
export function databaseDown(): boolean {
  return holder.crmDatabaseDown === true;
}

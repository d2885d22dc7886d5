// The production server (npm start, the browser tests, the benchmark): Next.js's request
// handler behind Node's HTTP server, which first sets the one client address the app may
// trust — the socket's peer, or behind TRUST_PROXY reverse proxies the address the
// outermost trusted one saw — as the only X-Forwarded-For entry. A client that sends the
// header itself cannot choose its address in the security log or the login limit.
// A page that fails while the app's database is down answers 503 (its body is the app's
// error page, app/error.tsx, which says so): the API answers its own 503 (lib/api/handler.ts).
// Environment: PORT (3000), HOST (all interfaces), TRUST_PROXY (0 hops), HEAP_GROWING_PERCENT (25).
import http from "node:http";
import path from "node:path";
import v8 from "node:v8";
import next from "next";
import { databaseDown } from "../lib/database-state";
import { clientAddress } from "../lib/security/client-ip";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST || undefined;
const trustedHops = Number(process.env.TRUST_PROXY ?? 0) || 0;

// How far the heap may grow over what was live at the last full collection before V8 collects
// again: 25 % rather than V8's own factor (which lets it double or more). An export's garbage
// (ExcelJS's rows, the batches read) raised the server's memory by 300–450 MB for 100,000 rows
// and left it there; with 25 % by 50–70 MB, in the same time (README, Exports). 0 = V8's own.
const heapGrowingPercent = Number(process.env.HEAP_GROWING_PERCENT ?? 25);
if (!Number.isInteger(heapGrowingPercent) || heapGrowingPercent < 0 || heapGrowingPercent > 400) {
  console.error(`HEAP_GROWING_PERCENT must be a whole number from 0 to 400 (is ${process.env.HEAP_GROWING_PERCENT})`);
  process.exit(1);
}
if (heapGrowingPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);

async function main() {
  const app = next({ dev: false, dir: path.resolve(__dirname, ".."), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    req.headers["x-forwarded-for"] = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      trustedHops,
    );
    delete req.headers["x-real-ip"];
    answer503WhileDatabaseDown(res);
    void handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`ready on ${hostname ?? "*"}:${port}`));
  // The job runner (started by instrumentation.ts in this process) stops with the server:
  // no new jobs, running ones get 3 s, then pg-boss fails them so that they are retried.
  const jobs = globalThis as unknown as { crmShutdown?: () => Promise<void> };
  const stop = () => {
    server.close();
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 8000).unref();
    void (jobs.crmShutdown?.() ?? Promise.resolve())
      .catch((err) => console.error("jobs: stop:", err))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** A 500 written while the database is down is that: 503, to be tried again in a few seconds. */
function answer503WhileDatabaseDown(res: http.ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    if (status === 500 && databaseDown()) {
      this.setHeader("Retry-After", "5");
      return (writeHead as (...a: unknown[]) => http.ServerResponse).call(this, 503, ...rest);
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).call(this, status, ...rest);
  } as typeof res.writeHead;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

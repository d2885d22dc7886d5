import "server-only";
import { env } from "../env";
import { startJobRunner } from "./runner";

const RETRY_MS = 30_000;

/**
 * The server's job runner, started when the server starts (instrumentation.ts): one worker
 * set per app instance, unless JOB_WORKERS=off. A database that is not there yet does not
 * stop the server: the runner tries again every 30 s (the health check says so meanwhile).
 */
export function startJobsWithServer(): void {
  if (env().JOB_WORKERS === "off") return;
  const attempt = () =>
    startJobRunner().then(
      () => console.log("jobs: runner started"),
      (err) => {
        console.error("jobs: runner did not start, trying again in 30 s:", err instanceof Error ? err.message : err);
        setTimeout(attempt, RETRY_MS).unref();
      },
    );
  void attempt();
}

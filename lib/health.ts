import "server-only";
import { getDb } from "./db";
import { env } from "./env";
import { jobRunnerStarted } from "./jobs/runner";

/** True when the database answers a trivial query within two seconds. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await Promise.race([
      getDb().$queryRaw`select 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * This instance's job runner: "ok" (its workers run), "off" (JOB_WORKERS=off: other
 * instances run the jobs) or "starting" (not yet, e.g. waiting for the database).
 */
export function jobRunnerState(): "ok" | "off" | "starting" {
  if (env().JOB_WORKERS === "off") return "off";
  return jobRunnerStarted() ? "ok" : "starting";
}

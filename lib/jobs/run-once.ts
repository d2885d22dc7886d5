import "server-only";
import { withOwnConnection } from "../db";

/** Days a job's runs are kept (a minute job writes 1,440 a day). */
const KEEP_DAYS = 14;

/**
 * Runs `fn` once for a job's slot, whichever app instance gets there first. The job_runs
 * row is inserted in a transaction on its own connection that stays open while `fn` runs:
 * a second instance inserting the same (name, slot) waits on the unique key, then finds it
 * committed and skips. When `fn` throws, or the process dies (the connection closes), the
 * insert is rolled back and pg-boss's retry can claim the slot again — so `fn` itself must
 * be idempotent for the rare run that did its work and died before the commit.
 */
export async function runOnce<T>(
  { name, slot }: { name: string; slot: string },
  fn: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  return withOwnConnection<{ ran: true; result: T } | { ran: false }>("crm-job-guard", async (client) => {
    await client.query("begin");
    const claimed = await client.query(
      `insert into job_runs (name, slot) values ($1, $2) on conflict (name, slot) do nothing returning name`,
      [name, slot],
    );
    if (!claimed.rowCount) {
      await client.query("rollback");
      return { ran: false };
    }
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      await client.query("rollback");
      throw err;
    }
    await client.query(`update job_runs set "finishedAt" = now(), result = $3 where name = $1 and slot = $2`, [
      name,
      slot,
      JSON.stringify(result ?? null),
    ]);
    // The guard is needed for the slots that may still be retried: older runs go.
    await client.query(
      `delete from job_runs where name = $1 and "startedAt" < now() - make_interval(days => $2::int)`,
      [name, KEEP_DAYS],
    );
    await client.query("commit");
    return { ran: true, result };
  });
}

import "server-only";
import { getDb, withOwnConnection } from "../db";
import { runImportJob } from "./run-job";

/**
 * The imports.run job: does an import's rows on whichever instance's worker takes it.
 * pg-boss may hand the same import to a worker again (a retry after its instance stopped,
 * an expiry, imports.recover): a session advisory lock on the import, held on its own
 * connection for the whole run and released with it when the process dies, lets one run at
 * a time; a finished import is left alone; and runImportJob resumes a commit after the rows
 * it has recorded, so no row is imported twice.
 */
export async function runQueuedImport({ importJobId }: { importJobId: string }) {
  return withOwnConnection("crm-import", async (client) => {
    const { rows } = await client.query<{ locked: boolean }>(
      `select pg_try_advisory_lock(hashtext('import-job'), hashtext($1)) as locked`,
      [importJobId],
    );
    // pg-boss retries later; by then the other run has finished it or died.
    if (!rows[0]?.locked) throw new Error(`import ${importJobId} is being run by another worker`);
    const job = await getDb().importJob.findUnique({ where: { id: importJobId }, select: { status: true } });
    if (job?.status !== "RUNNING") return { importJobId, skipped: true };
    await runImportJob(importJobId);
    return { importJobId, done: true };
  });
}

/** Whether a run holds the import now (any instance). */
export async function importIsHeld(importJobId: string): Promise<boolean> {
  return withOwnConnection("crm-import", async (client) => {
    const { rows } = await client.query<{ free: boolean }>(
      `select pg_try_advisory_lock(hashtext('import-job'), hashtext($1)) as free`,
      [importJobId],
    );
    if (rows[0]?.free)
      await client.query(`select pg_advisory_unlock(hashtext('import-job'), hashtext($1))`, [importJobId]);
    return !rows[0]?.free;
  });
}

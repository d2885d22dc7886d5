import "server-only";
import { getDb } from "../db";
import { sendJob } from "../jobs/send-job";
import { importIsHeld } from "./run-queued-import";

/** A running import's run writes at least every 30 s; silent this long, its process has died. */
export const RECOVER_AFTER_MS = 2 * 60_000;
/** Older imports are not resumed (their files may be gone; their users have moved on). */
const RECOVER_WITHIN_MS = 24 * 3600_000;

/**
 * The imports.recover job (every minute): an import still RUNNING whose run has gone silent
 * and that no run holds is sent to imports.run again, where it resumes. At most one such
 * send per import every five minutes. An instance that starts sends it at once with
 * `silentMs` 0 (the runs of a process that died hold nothing any more; a run alive anywhere
 * holds its import, and one sent but not yet taken is run once whatever is sent again).
 */
export async function recoverStalledImports({ silentMs = RECOVER_AFTER_MS }: { silentMs?: number } = {}): Promise<{
  resent: number;
}> {
  const now = Date.now();
  const stalled = await getDb().importJob.findMany({
    where: {
      status: "RUNNING",
      updatedAt: { lte: new Date(now - silentMs), gte: new Date(now - RECOVER_WITHIN_MS) },
    },
    select: { id: true },
  });
  let resent = 0;
  for (const { id } of stalled) {
    if (await importIsHeld(id)) continue;
    const sent = await sendJob("imports.run", { importJobId: id }, { singletonKey: id, singletonSeconds: 300 });
    if (sent) resent++;
  }
  return { resent };
}

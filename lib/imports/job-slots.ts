import "server-only";
import { getDb, type Prisma } from "../db";
import { appFileStore } from "../attachments/store";
import { env } from "../env";
import { AppError } from "../errors";

// How many imports run at once, and how long their files are kept. Imports read whole
// files and write many rows: one at a time per user, and a few at a time per server
// (IMPORT_MAX_RUNNING); a start beyond that is refused at once with the rule, since a
// queue held in one process would be lost with it. The uploaded file lives as long as it
// can still be imported: a commit's file goes when the commit ends, a failed dry run's at
// once, a finished dry run's when the same user uploads another file or after
// IMPORT_RETENTION_DAYS — checked whenever an import starts.

/** A job that has not written progress for this long died with its server. */
export const STALE_MS = 5 * 60_000;

/** Running jobs that are alive (written to within STALE_MS). */
const live = (): Prisma.ImportJobWhereInput => ({
  status: "RUNNING",
  updatedAt: { gte: new Date(Date.now() - STALE_MS) },
});

/**
 * Creates a RUNNING job when the user has no import running and the server runs fewer
 * than IMPORT_MAX_RUNNING; both counted under one advisory lock, so that two starts at the
 * same moment cannot both take the last slot.
 */
export async function createJobInSlot(data: Prisma.ImportJobUncheckedCreateInput) {
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('import-slots'))`;
    if (await tx.importJob.count({ where: { ...live(), userId: data.userId } }))
      throw new AppError("RULE_IMPORT_RUNNING");
    const max = env().IMPORT_MAX_RUNNING;
    if ((await tx.importJob.count({ where: live() })) >= max)
      throw new AppError("RULE_IMPORT_BUSY", { params: { max } });
    return tx.importJob.create({ data });
  });
}

/** The folder of the file store that holds uploaded import files (imports/<random name>). */
export const IMPORTS_FOLDER = "imports/";

export async function importFileExists(storagePath: string): Promise<boolean> {
  return (await appFileStore().stat(storagePath)) !== null;
}

/** Removes an import's file from the file store (one already gone is fine). */
export async function removeImportFile(storagePath: string): Promise<void> {
  await appFileStore().delete(storagePath);
}

/**
 * The clean-up done when `userId` starts an import (`keep` is the new file): the files of
 * the user's earlier dry runs, which the new upload supersedes, and every import file older
 * than IMPORT_RETENTION_DAYS; never the file of a job that is running.
 */
export async function removeOldImportFiles({ userId, keep }: { userId: string; keep: string }) {
  const db = getDb();
  const retentionMs = env().IMPORT_RETENTION_DAYS * 86_400_000;
  const running = await db.importJob.findMany({ where: live(), select: { storagePath: true } });
  const inUse = new Set([keep, ...running.map((j) => j.storagePath)]);
  const superseded = await db.importJob.findMany({
    where: { userId, mode: "DRY_RUN", createdAt: { gte: new Date(Date.now() - retentionMs) } },
    select: { storagePath: true },
  });
  const doomed = new Set(superseded.map((j) => j.storagePath));
  for (const file of await appFileStore().list(IMPORTS_FOLDER))
    if (Date.now() - file.modified.getTime() > retentionMs) doomed.add(file.key);
  for (const storagePath of doomed) if (!inUse.has(storagePath)) await removeImportFile(storagePath);
}

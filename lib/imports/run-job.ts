import "server-only";
import type { Prisma, Tx } from "../db";
import { getDb } from "../db";
import { localCopy, type LocalCopy } from "../attachments/file-store";
import { appFileStore } from "../attachments/store";
import { toActor } from "../auth/permissions";
import { env } from "../env";
import { convertProjectCells, columnScales } from "./cell-values";
import { columnsOf, matchHeaders, rowByKey } from "./columns";
import { applyEnterprisePlan, loadLinkNames, planEnterpriseRow, type EnterpriseImportContext } from "./enterprises";
import { removeImportFile } from "./job-slots";
import { errorValues, ignoredColumns, type RowOutcome } from "./outcome";
import {
  applyProjectPlan,
  deferCreate,
  defers,
  flushCreated,
  readChunk,
  loadProjectContext,
  mustWriteBefore,
  planProjectRow,
  recordChunk,
  settleRow,
  startChunk,
  willTouchCreated,
  writeDeferred,
} from "./projects";
import { MAX_ROWS, openSheet, SheetError, type SheetRow } from "./read-sheet";
import type { ImportKind } from "./schemas";

/** Rows planned or applied between two progress writes. */
const CHUNK = 200;
/** The longest a chunk's transaction may run (200 rows take a few seconds; a busy machine, many more). */
const CHUNK_TIMEOUT_MS = 10 * 60_000;
/** Outcomes kept on the job: every row with something to say, and the first plain ones. */
const KEEP_PLAIN = 500;
/** How often a job shows it is alive while it reads a long file (well within STALE_MS). */
const HEARTBEAT_MS = 30_000;

/** The file's rows in chunks of CHUNK, as they stream in. */
async function* chunks(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow[]> {
  let chunk: SheetRow[] = [];
  for await (const r of rows) {
    chunk.push(r);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/**
 * A job's uploaded file as a sheet, read from `file`, its local copy (jobFileCopy). The
 * header is the top row that names the most known columns: a title, 填报单位 / 填报日期 or an
 * export's filter rows above it are not data.
 */
export async function openJobSheet(job: { kind: ImportKind; storagePath: string; fileName: string }, file: string) {
  const columns = columnsOf(job.kind);
  const limits = { maxRows: MAX_ROWS, maxUnpackedBytes: env().IMPORT_MAX_UNPACKED_MB * 1024 * 1024 };
  return openSheet(file, job.fileName, limits, (values) => matchHeaders(columns, values).mapping.size);
}

/**
 * A job's uploaded file copied out of the file store into a temporary file, which the
 * sheet reader reads with random access (an .xlsx's zip directory, then its parts) and
 * more than once; the caller removes it when done. An error when the store no
 * longer has it.
 */
export async function jobFileCopy(job: { storagePath: string }): Promise<LocalCopy> {
  const copy = await localCopy(appFileStore(), job.storagePath);
  if (!copy) throw new Error(`import file ${job.storagePath} is not in the file store`);
  return copy;
}

/**
 * Does a job's rows (from a local copy of its file, removed at the end): checks the file as a stream (header, at most MAX_ROWS rows, the
 * unpacked size of an .xlsx), then reads it again chunk by chunk, plans every row (dry run)
 * or plans and applies it (commit), and writes the progress after each chunk. Never throws:
 * a file that cannot be imported ends the job as FAILED with the reason, a row that fails
 * is that row's error. The file is removed when it can no longer be imported (after a
 * commit, or a dry run that failed), before the job says it has finished.
 *
 * Run again (pg-boss retries an import whose process died), a commit resumes after the rows
 * its progress has recorded, with their counts and outcomes; the rows of the chunk it was in
 * are planned again against the data of now, so one already written is found unchanged and
 * is not written twice. A dry run writes nothing and starts over.
 */
export async function runImportJob(jobId: string): Promise<void> {
  const db = getDb();
  const job = await db.importJob.findUniqueOrThrow({
    where: { id: jobId },
    include: { user: { include: { department: true } } },
  });
  const actor = toActor(job.user);
  const commit = job.mode === "COMMIT";
  const resume = commit && job.processed > 0;
  const counts = {
    total: 0,
    processed: resume ? job.processed : 0,
    created: resume ? job.created : 0,
    updated: resume ? job.updated : 0,
    unchanged: resume ? job.unchanged : 0,
    failed: resume ? job.failed : 0,
    warnings: resume ? job.warnings : 0,
    skipped: resume ? job.skipped : 0,
    headerRow: job.headerRow,
    ignoredColumns: job.ignoredColumns,
  };
  // A row's conversions ride with it: a bureau's table converts on most rows, so they do not make a row notable.
  const notable = (o: RowOutcome) => o.action === "error" || o.action === "skip" || !!o.warnings?.length;
  const outcomes: RowOutcome[] = resume ? [...(job.rows as unknown as RowOutcome[])] : [];
  let plain = outcomes.filter((o) => !notable(o)).length;
  /** Rows a resumed commit has already done. */
  let done = resume ? job.processed : 0;
  const keep = (o: RowOutcome) => {
    if (notable(o)) outcomes.push(o);
    else if (plain++ < KEEP_PLAIN) outcomes.push(o);
  };
  /**
   * Outcomes already on the job (`rows`); those after it are appended by the next save, in row
   * order — the list is not written whole each time (Prisma would compile it into the statement).
   * A fresh run (not a resumed commit) starts the list over.
   */
  let saved = resume ? outcomes.length : -1;
  const save = async (client: Tx = db, extra: Prisma.ImportJobUpdateInput = {}) => {
    const start = Math.max(saved, 0);
    const fresh = outcomes.slice(start).sort((a, b) => a.row - b.row);
    outcomes.splice(start, fresh.length, ...fresh);
    await client.importJob.update({
      where: { id: jobId },
      data: { ...counts, ...extra, ...(saved < 0 ? { rows: [] } : {}) },
    });
    if (fresh.length)
      await client.$executeRaw`update import_jobs set rows = rows || ${JSON.stringify(fresh)}::jsonb where id = ${jobId}`;
    saved = outcomes.length;
  };
  // The last write: a file that can no longer be imported (after a commit, or a dry run that
  // failed) is removed first, so a finished job never names a file that is about to go.
  const finish = async (extra: Prisma.ImportJobUpdateInput & { status: "DONE" | "FAILED" }) => {
    if (commit || extra.status === "FAILED") await removeImportFile(job.storagePath).catch(() => undefined);
    await save(db, { ...extra, finishedAt: new Date() });
  };
  const heartbeat = setInterval(() => {
    db.importJob.update({ where: { id: jobId }, data: { updatedAt: new Date() } }).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let copy: LocalCopy | undefined;
  try {
    const columns = columnsOf(job.kind);
    copy = await jobFileCopy(job);
    const sheet = await openJobSheet(job, copy.file);
    const { mapping, missing, unknown } = matchHeaders(columns, sheet.headers);
    counts.headerRow = sheet.headerRow;
    counts.ignoredColumns = ignoredColumns(unknown);
    if (missing.length) {
      await finish({
        status: "FAILED",
        error: JSON.stringify({ key: "imports.missingColumns", params: { columns: missing.join(",") } }),
      });
      return;
    }
    counts.total = sheet.total;
    await save();
    const scales = columnScales(mapping);
    const projectCtx =
      job.kind === "PROJECTS" ? await loadProjectContext(db, actor, job.linkSimilar, commit ? job.id : null) : null;
    const enterpriseCtx: EnterpriseImportContext = {
      actor,
      linkSimilar: job.linkSimilar,
      seen: new Set(),
      links: job.kind === "ENTERPRISES" ? await loadLinkNames(db) : new Map(),
    };
    // A bureau's table as it comes: each row's amounts and dates in the forms the schema reads.
    const prepare = (all: SheetRow[]) => {
      const rows = all.slice(Math.min(done, all.length));
      done -= all.length - rows.length;
      const read = rows.map((r) => {
        const raw = rowByKey(mapping, r.cells);
        const converted = projectCtx ? convertProjectCells(raw, scales) : { cells: raw, conversions: [] };
        // A row with nothing in the columns imported (a 序号 alone, a note) is not data either.
        const blank = Object.values(raw).every((v) => !String(v ?? "").trim());
        return { row: r.row, raw, ...converted, marker: r.marker ?? (blank ? ("empty" as const) : undefined) };
      });
      const chunk = read.filter((r) => !r.marker);
      // A dry run writes nothing: it reads the next chunk's projects and candidates while it plans this one.
      const reading =
        projectCtx && !commit && chunk.length
          ? readChunk(
              db,
              projectCtx,
              chunk.map((r) => r.cells),
            )
          : null;
      reading?.catch(() => undefined);
      return { read, chunk, reading };
    };
    const sheetChunks = chunks(sheet.rows())[Symbol.asyncIterator]();
    const upcoming = async () => {
      const next = await sheetChunks.next();
      return next.done ? null : prepare(next.value);
    };
    for (let next = await upcoming(); next;) {
      const { read, chunk, reading } = next;
      next = await upcoming();
      if (!read.length) continue;
      // The template's sample row, a 合计 or 小计 row and an empty one are neither errors nor written.
      for (const r of read.filter((x) => x.marker)) {
        counts.skipped++;
        counts.processed++;
        keep({ row: r.row, key: "", action: "skip", skipped: r.marker });
      }
      // A dry run reads; a commit writes the chunk and its progress in one transaction, each
      // row under its own savepoint: a row that fails is rolled back alone and is that row's
      // error, and a run that dies leaves no row of the chunk written and none recorded.
      const doChunk = async (tx: Tx) => {
        if (projectCtx)
          startChunk(
            projectCtx,
            await (reading ??
              readChunk(
                tx,
                projectCtx,
                chunk.map((r) => r.cells),
              )),
          );
        // The rows' outcomes, counted in row order once final (a deferred new project's when written).
        const settled: {
          outcome: RowOutcome;
          raw: (typeof chunk)[number]["raw"];
          conversions: RowOutcome["conversions"];
        }[] = [];
        const count = () => {
          for (const { outcome, raw, conversions } of settled) {
            if (conversions?.length) outcome.conversions = conversions;
            if (outcome.errors) outcome.values = errorValues(outcome.errors, raw);
            if (outcome.action === "error") counts.failed++;
            else
              counts[outcome.action === "create" ? "created" : outcome.action === "update" ? "updated" : "unchanged"]++;
            if (outcome.warnings?.length) counts.warnings++;
            counts.processed++;
            keep(outcome);
          }
          settled.length = 0;
        };
        // A commit's rows each under the savepoint import_row, taken (with the last one's release,
        // in one statement) only once a row has written something to keep: a row that writes
        // nothing, or is rolled back, leaves it as it was for the next.
        let savepoint: "none" | "clean" | "written" = "none";
        const sql = (statement: string) => tx.$executeRawUnsafe(statement);
        const begin = async () => {
          if (!commit || savepoint === "clean") return;
          await sql(
            savepoint === "written" ? "release savepoint import_row; savepoint import_row" : "savepoint import_row",
          );
          savepoint = "clean";
        };
        // Before writes that are no row's (the deferred new projects, the history of those created).
        const outside = async () => {
          if (savepoint !== "none") await sql("release savepoint import_row");
          savepoint = "none";
        };
        // Each row on its own: a failure that is not a rule's refusal (a bug, the database)
        // is logged and becomes this row's error, and the job goes on with the next row.
        const internal = (row: number, cells: Record<string, string | undefined>, err: unknown): RowOutcome => {
          console.error(`import ${jobId}, row ${row}:`, err);
          const key = projectCtx
            ? String(cells.code ?? "").toUpperCase()
            : String(cells.creditCode ?? "") || String(cells.name ?? "");
          return { row, key: key.trim(), action: "error", errors: { _: "errors.INTERNAL" } };
        };
        // Writes a planned row under its savepoint; a refusal rolls it back and is its error.
        const apply = async (
          row: number,
          cells: Record<string, string | undefined>,
          outcome: RowOutcome,
          plan: unknown,
        ) => {
          await begin();
          let result = outcome;
          try {
            const errors = projectCtx
              ? await applyProjectPlan(tx, projectCtx, plan as never)
              : await applyEnterprisePlan(tx, enterpriseCtx, plan as never);
            if (errors) Object.assign(outcome, { action: "error", errors });
          } catch (err) {
            result = internal(row, cells, err);
          }
          if (result.action === "error") await sql("rollback to savepoint import_row");
          savepoint = result.action === "error" ? "clean" : "written";
          if (projectCtx) settleRow(projectCtx, result.action !== "error");
          return result;
        };
        // The deferred new projects written; any the database refused are written again one by one.
        const writeWaiting = async () => {
          if (!projectCtx?.deferred.length) return;
          await outside();
          const again = await writeDeferred(tx, projectCtx);
          for (const d of again ?? []) {
            const entry = settled.find((x) => x.outcome.row === d.row)!;
            entry.outcome = await apply(d.row, chunk.find((r) => r.row === d.row)!.cells, entry.outcome, d.plan);
          }
        };
        for (const { row, cells, raw, conversions } of chunk) {
          if (projectCtx && mustWriteBefore(projectCtx, cells)) await writeWaiting();
          const entry = { outcome: undefined as unknown as RowOutcome, raw, conversions };
          settled.push(entry);
          // Planning only reads, under the row's savepoint (a failing statement would end the transaction).
          await begin();
          let planned: Awaited<ReturnType<typeof planProjectRow>> | Awaited<ReturnType<typeof planEnterpriseRow>>;
          try {
            planned = projectCtx
              ? await planProjectRow(tx, projectCtx, row, cells)
              : await planEnterpriseRow(tx, enterpriseCtx, row, cells);
          } catch (err) {
            entry.outcome = internal(row, cells, err);
            if (commit) await sql("rollback to savepoint import_row");
            continue;
          }
          entry.outcome = planned.outcome;
          const writes = planned.outcome.action !== "error" && planned.outcome.action !== "unchanged";
          if (!commit || !writes) continue;
          if (projectCtx && defers(projectCtx, planned.plan as never)) {
            deferCreate(projectCtx, row, planned.plan as never);
            continue;
          }
          // What the rows before it created is written first, outside this row's savepoint.
          if (projectCtx && willTouchCreated(planned.plan as never)) {
            await writeWaiting();
            await outside();
            await flushCreated(tx, projectCtx);
          }
          entry.outcome = await apply(row, cells, planned.outcome, planned.plan);
        }
        if (projectCtx) {
          await writeWaiting();
          await outside();
          await flushCreated(tx, projectCtx);
          await recordChunk(tx, projectCtx);
        }
        count();
        await save(tx);
      };
      if (!commit) await doChunk(db);
      else {
        // Should the transaction itself fail (the database went away), the chunk's counts and
        // outcomes are as they were: the job ends FAILED below, or a retry resumes from the last chunk recorded.
        const before = {
          counts: { ...counts },
          outcomes: outcomes.length,
          saved,
          plain,
          seen: projectCtx && new Set(projectCtx.seenCodes),
        };
        try {
          await db.$transaction(doChunk, { maxWait: 60_000, timeout: CHUNK_TIMEOUT_MS });
        } catch (err) {
          Object.assign(counts, before.counts);
          outcomes.length = before.outcomes;
          saved = before.saved;
          plain = before.plain;
          if (projectCtx && before.seen) projectCtx.seenCodes = before.seen;
          throw err;
        }
      }
    }
    await finish({ status: "DONE" });
  } catch (err) {
    const key = err instanceof SheetError ? `imports.sheet.${err.reason}` : "errors.INTERNAL";
    if (!(err instanceof SheetError)) console.error(err);
    await finish({
      status: "FAILED",
      error: JSON.stringify({ key, params: { max: MAX_ROWS, mb: env().IMPORT_MAX_UNPACKED_MB } }),
    }).catch(() => undefined);
  } finally {
    clearInterval(heartbeat);
    await copy?.remove().catch(() => undefined);
  }
}

import "server-only";
import crypto from "node:crypto";
import { getDb } from "../db";
import { appFileStore } from "../attachments/store";
import { extensionOf, type Upload } from "../attachments/files";
import { assertCan, can, type Actor } from "../auth/permissions";
import { env } from "../env";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { hasMessage, translate } from "../i18n/translate";
import { parseInput } from "../validation";
import { formatWan } from "../format";
import type { Conversion } from "./cell-values";
import { columnsOf } from "./columns";
import { sendJob } from "../jobs/send-job";
import {
  createJobInSlot,
  importFileExists,
  IMPORTS_FOLDER,
  removeImportFile,
  removeOldImportFiles,
  STALE_MS,
} from "./job-slots";
import type { RowOutcome } from "./outcome";
import { importKindSchema, commitImportSchema, importJobQuerySchema } from "./schemas";
import { importKinds, type ImportKind } from "./schemas";
export { importKinds, type ImportKind };
const permission = { PROJECTS: "project.import", ENTERPRISES: "enterprise.import" } as const;

export type ImportUpload = Pick<Upload, "name" | "bytes">;

/**
 * Starts a dry run: the file (.xlsx or .csv, within the upload limit) is stored and a
 * RUNNING job is returned and sent to the job runner — unless the user already has an
 * import running or the server runs as many as it may (RULE_IMPORT_RUNNING,
 * RULE_IMPORT_BUSY); a worker does the rows (`runQueuedImport`). The user's earlier dry-run files, now superseded, and files past their retention
 * are removed.
 */
export async function startImport({ actor, input, file }: { actor: Actor; input: unknown; file: ImportUpload | null }) {
  const { kind } = parseInput(importKindSchema, input);
  assertCan(actor, permission[kind]);
  if (!file) throw new AppError("VALIDATION", { fields: { file: "validation.required" } });
  const ext = extensionOf(file.name);
  const maxMb = env().MAX_UPLOAD_MB;
  if (![".xlsx", ".csv"].includes(ext)) throw new AppError("VALIDATION", { fields: { file: "validation.importType" } });
  if (file.bytes.byteLength === 0) throw new AppError("VALIDATION", { fields: { file: "validation.file.empty" } });
  if (file.bytes.byteLength > maxMb * 1024 * 1024)
    throw new AppError("VALIDATION", { fields: { file: "validation.file.size" }, params: { mb: maxMb } });
  // In the file store (the upload directory or the bucket), where any instance's worker reads it.
  const storagePath = `${IMPORTS_FOLDER}${crypto.randomUUID()}${ext}`;
  await appFileStore().put(storagePath, file.bytes);
  const job = await createJobInSlot({
    kind,
    mode: "DRY_RUN",
    fileName: file.name,
    storagePath,
    userId: actor.id,
  }).catch(async (err) => {
    await removeImportFile(storagePath);
    throw err;
  });
  await removeOldImportFiles({ userId: actor.id, keep: storagePath }).catch((err) =>
    console.error("import file clean-up:", err),
  );
  await queueImport(job.id);
  return job.id;
}

/**
 * Starts the import of a finished dry run's file (the rows are planned again against the
 * data of now), under the same limits as a dry run. The file must still be there: a
 * committed, superseded or expired dry run is uploaded again.
 */
export async function commitImport({ actor, dryRunId, input }: { actor: Actor; dryRunId: string; input: unknown }) {
  const options = parseInput(commitImportSchema, input);
  const source = await getDb().importJob.findUnique({ where: { id: dryRunId } });
  if (!source || source.userId !== actor.id) throw new AppError("NOT_FOUND");
  assertCan(actor, permission[source.kind]);
  if (source.mode !== "DRY_RUN" || source.status !== "DONE") throw new AppError("RULE_IMPORT_NOT_READY");
  if (source.failed > 0 && !options.skipErrors)
    throw new AppError("RULE_IMPORT_HAS_ERRORS", { params: { n: source.failed } });
  if (!(await importFileExists(source.storagePath))) throw new AppError("RULE_IMPORT_FILE_GONE");
  const job = await createJobInSlot({
    kind: source.kind,
    mode: "COMMIT",
    fileName: source.fileName,
    storagePath: source.storagePath,
    userId: actor.id,
    sourceJobId: source.id,
    ...options,
  });
  await queueImport(job.id);
  return job.id;
}

/**
 * Hands a new job to the job runner (pg-boss, in PostgreSQL: a restart does not lose it).
 * When even that fails, the job ends FAILED at once rather than holding the user's slot.
 */
async function queueImport(jobId: string) {
  try {
    await sendJob("imports.run", { importJobId: jobId });
  } catch (err) {
    await getDb()
      .importJob.update({
        where: { id: jobId },
        data: { status: "FAILED", error: JSON.stringify({ key: "errors.INTERNAL" }), finishedAt: new Date() },
      })
      .catch(() => undefined);
    throw err;
  }
}

const localize = (locale: Locale, key: string, params?: Record<string, string | number>) =>
  hasMessage(locale, key) ? translate(locale, key, params) : key;

/** A job its owner (or whoever may read any) asks for; anyone else's answers 404. */
export async function findImportJob(actor: Actor, id: string) {
  return readable(actor, await getDb().importJob.findUnique({ where: { id } }));
}

function readable<J extends { userId: string }>(actor: Actor, job: J | null): J {
  if (!job || (job.userId !== actor.id && !can(actor.role, "import.readAny"))) throw new AppError("NOT_FOUND");
  return job;
}

/**
 * The job without its outcomes, and those of the rows after `after` read from them in the
 * database (they are stored in row order): a page following a running import fetches only
 * what is new each time, not the whole list again.
 */
async function findImportJobAfter(actor: Actor, id: string, after: number) {
  const job = readable(actor, await getDb().importJob.findUnique({ where: { id }, omit: { rows: true } }));
  const [{ rows }] = await getDb().$queryRaw<{ rows: RowOutcome[] }[]>`
    select coalesce(jsonb_agg(e order by n), '[]'::jsonb) as rows
      from import_jobs, jsonb_array_elements(rows) with ordinality as x(e, n)
     where id = ${id} and (e->>'row')::int > ${after}`;
  return { ...job, rows };
}

/** A column key's name in the reader's language ("" for a whole-row message). */
export function columnLabel(kind: ImportKind, locale: Locale) {
  const columns = columnsOf(kind);
  return (col: string) => {
    const c = columns.find((x) => x.key === col);
    return c ? translate(locale, c.label) : col === "_" ? "" : col;
  };
}

/** A conversion in words: "总投资（万元）：3.5亿 → 35,000.00 万元", "签约日期：2026年3月 → 2026-03-01". */
export function conversionLine(label: (col: string) => string, locale: Locale) {
  return (c: Conversion) =>
    translate(locale, `imports.conversion.${c.kind}`, {
      column: label(c.column),
      from: c.from,
      to: ["wan", "wanUsd", "mu"].includes(c.kind) ? formatWan(c.to) : c.to,
    });
}

/** One row's outcome in the reader's language (the page, the API and the errors workbook). */
export function rowView(kind: ImportKind, locale: Locale) {
  const label = columnLabel(kind, locale);
  const conversion = conversionLine(label, locale);
  return (r: RowOutcome) => ({
    row: r.row,
    key: r.key,
    action: r.action,
    errors: Object.entries(r.errors ?? {}).map(([col, msg]) => {
      const m = typeof msg === "string" ? { key: msg } : msg;
      return {
        column: label(col),
        message: localize(locale, m.key, { field: label(col), ...m.params }),
        /** The cell as the file gave it (absent for a blank cell or a whole-row error). */
        value: r.values?.[col],
      };
    }),
    /** Why a row that is not data was left out (the template's sample row, an export's 合计 row). */
    skipped: r.skipped ? translate(locale, `imports.skippedRow.${r.skipped}`) : null,
    warnings: (r.warnings ?? []).map((w) => localize(locale, w.key, w.params)),
    changes: (r.changes ?? []).map(label),
    /** Cells read in another form: amounts with a unit or separators, dates, full-width codes. */
    conversions: (r.conversions ?? []).map(conversion),
  });
}

/** A job as its page and the API show it: progress, counts and each row's messages in the reader's language. */
export async function getImportJob({
  actor,
  id,
  locale,
  query = {},
}: {
  actor: Actor;
  id: string;
  locale: Locale;
  query?: unknown;
}) {
  const { rowsAfter } = parseInput(importJobQuerySchema, query);
  // Without rowsAfter, every row (their numbers start at 1).
  const job = await findImportJobAfter(actor, id, rowsAfter ?? 0);
  const stale = job.status === "RUNNING" && Date.now() - job.updatedAt.getTime() > STALE_MS;
  const label = columnLabel(job.kind, locale);
  const error = job.error
    ? (JSON.parse(job.error) as { key: string; params?: Record<string, string | number> })
    : stale
      ? { key: "imports.interrupted" }
      : null;
  if (error?.key === "imports.missingColumns" && error.params)
    error.params = { columns: String(error.params.columns).split(",").map(label).join("、") };
  return {
    id: job.id,
    kind: job.kind,
    mode: job.mode,
    status: stale ? "FAILED" : job.status,
    fileName: job.fileName,
    skipErrors: job.skipErrors,
    linkSimilar: job.linkSimilar,
    sourceJobId: job.sourceJobId,
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
    warnings: job.warnings,
    skipped: job.skipped,
    /** The file's row read as the header, and what the reader is told about the sheet once: the header below a title, the columns ignored. */
    headerRow: job.headerRow,
    ignoredColumns: job.ignoredColumns,
    notices: [
      ...(job.headerRow && job.headerRow > 1 ? [translate(locale, "imports.headerFound", { row: job.headerRow })] : []),
      ...(job.ignoredColumns.length
        ? [
            translate(locale, "imports.ignoredColumns", {
              columns: job.ignoredColumns.join(locale === "en" ? ", " : "、"),
            }),
          ]
        : []),
    ],
    error: error ? localize(locale, error.key, error.params) : null,
    rows: (job.rows as unknown as RowOutcome[]).map(rowView(job.kind, locale)),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
export type ImportJobView = Awaited<ReturnType<typeof getImportJob>>;

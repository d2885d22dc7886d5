import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Prisma } from "../db";
import { getDb } from "../db";
import { uploadDir } from "../attachments/attachments";
import { extensionOf, type Upload } from "../attachments/files";
import { assertCan, can, toActor, type Actor } from "../auth/permissions";
import { env } from "../env";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { hasMessage, translate } from "../i18n/translate";
import { parseInput } from "../validation";
import { enterpriseColumns, matchHeaders, projectColumns, rowByKey, type ImportColumn } from "./columns";
import { applyEnterprisePlan, loadLinkNames, planEnterpriseRow, type EnterpriseImportContext } from "./enterprises";
import type { RowOutcome } from "./outcome";
import { applyProjectPlan, loadExisting, loadProjectContext, planProjectRow } from "./projects";
import { MAX_ROWS, readSheet, SheetError } from "./read-sheet";
import { importKindSchema, commitImportSchema } from "./schemas";
import { importKinds, type ImportKind } from "./schemas";
export { importKinds, type ImportKind };
const permission = { PROJECTS: "project.import", ENTERPRISES: "enterprise.import" } as const;
export const columnsOf = (kind: ImportKind): readonly ImportColumn[] =>
  kind === "PROJECTS" ? projectColumns : enterpriseColumns;

/** Rows planned or applied between two progress writes. */
const CHUNK = 200;
/** Outcomes kept on the job: every row with something to say, and the first plain ones. */
const KEEP_PLAIN = 500;
/** A job that has not written progress for this long died with its server. */
const STALE_MS = 5 * 60_000;

export type ImportUpload = Pick<Upload, "name" | "bytes">;

/**
 * Starts a dry run: the file (.xlsx or .csv, within the upload limit) is stored, its
 * header checked, and a RUNNING job is returned; `runImportJob` does the rows.
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
  const storagePath = path.join("imports", `${crypto.randomUUID()}${ext}`);
  const absolute = path.join(uploadDir(), storagePath);
  await fs.mkdir(path.dirname(absolute), { recursive: true });
  await fs.writeFile(absolute, file.bytes);
  const job = await getDb().importJob.create({
    data: { kind, mode: "DRY_RUN", fileName: file.name, storagePath, userId: actor.id },
  });
  return job.id;
}

/** Starts the import of a finished dry run's file (the rows are planned again against the data of now). */
export async function commitImport({ actor, dryRunId, input }: { actor: Actor; dryRunId: string; input: unknown }) {
  const options = parseInput(commitImportSchema, input);
  const source = await getDb().importJob.findUnique({ where: { id: dryRunId } });
  if (!source || source.userId !== actor.id) throw new AppError("NOT_FOUND");
  assertCan(actor, permission[source.kind]);
  if (source.mode !== "DRY_RUN" || source.status !== "DONE") throw new AppError("RULE_IMPORT_NOT_READY");
  if (source.failed > 0 && !options.skipErrors)
    throw new AppError("RULE_IMPORT_HAS_ERRORS", { params: { n: source.failed } });
  const job = await getDb().importJob.create({
    data: {
      kind: source.kind,
      mode: "COMMIT",
      fileName: source.fileName,
      storagePath: source.storagePath,
      userId: actor.id,
      sourceJobId: source.id,
      ...options,
    },
  });
  return job.id;
}

/**
 * Does a job's rows in chunks: reads the file, plans every row (dry run) or plans and
 * applies it (commit), and writes the progress after each chunk. Never throws: a failure
 * ends the job as FAILED with the reason.
 */
export async function runImportJob(jobId: string): Promise<void> {
  const db = getDb();
  const job = await db.importJob.findUniqueOrThrow({
    where: { id: jobId },
    include: { user: { include: { department: true } } },
  });
  const actor = toActor(job.user);
  const commit = job.mode === "COMMIT";
  const counts = { total: 0, processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0, warnings: 0 };
  const outcomes: RowOutcome[] = [];
  let plain = 0;
  const keep = (o: RowOutcome) => {
    if (o.action === "error" || o.warnings?.length) outcomes.push(o);
    else if (plain++ < KEEP_PLAIN) outcomes.push(o);
  };
  const save = (extra: Prisma.ImportJobUpdateInput = {}) =>
    db.importJob.update({
      where: { id: jobId },
      data: { ...counts, rows: outcomes.sort((a, b) => a.row - b.row) as unknown as Prisma.InputJsonValue, ...extra },
    });
  try {
    const bytes = await fs.readFile(path.join(uploadDir(), job.storagePath));
    const sheet = await readSheet(bytes, job.fileName);
    const columns = columnsOf(job.kind);
    const { mapping, missing } = matchHeaders(columns, sheet.headers);
    if (missing.length) {
      await save({
        status: "FAILED",
        error: JSON.stringify({ key: "imports.missingColumns", params: { columns: missing.join(",") } }),
        finishedAt: new Date(),
      });
      return;
    }
    counts.total = sheet.rows.length;
    await save();
    const projectCtx = job.kind === "PROJECTS" ? await loadProjectContext(db, actor, job.linkSimilar) : null;
    const enterpriseCtx: EnterpriseImportContext = {
      actor,
      linkSimilar: job.linkSimilar,
      seen: new Set(),
      links: job.kind === "ENTERPRISES" ? await loadLinkNames(db) : new Map(),
    };
    for (let start = 0; start < sheet.rows.length; start += CHUNK) {
      const chunk = sheet.rows
        .slice(start, start + CHUNK)
        .map((r) => ({ row: r.row, cells: rowByKey(mapping, r.cells) }));
      if (projectCtx)
        await loadExisting(
          db,
          projectCtx,
          chunk
            .map((r) =>
              String(r.cells.code ?? "")
                .trim()
                .toUpperCase(),
            )
            .filter(Boolean),
        );
      for (const { row, cells } of chunk) {
        // Each row on its own: a failure that is not a rule's refusal (a bug, the database)
        // is logged and becomes this row's error, and the job goes on with the next row.
        const internal = (err: unknown): RowOutcome => {
          console.error(`import ${jobId}, row ${row}:`, err);
          const key = projectCtx
            ? String(cells.code ?? "").toUpperCase()
            : (cells.creditCode ?? "") || (cells.name ?? "");
          return { row, key: key.trim(), action: "error", errors: { _: "errors.INTERNAL" } };
        };
        let outcome: RowOutcome;
        try {
          const planned = projectCtx
            ? await planProjectRow(db, projectCtx, row, cells)
            : await planEnterpriseRow(db, enterpriseCtx, row, cells);
          outcome = planned.outcome;
          if (commit && outcome.action !== "error" && outcome.action !== "unchanged") {
            const errors = projectCtx
              ? await applyProjectPlan(projectCtx, planned.plan as never)
              : await applyEnterprisePlan(enterpriseCtx, planned.plan as never);
            if (errors) Object.assign(outcome, { action: "error", errors });
          }
        } catch (err) {
          outcome = internal(err);
        }
        if (outcome.action === "error") counts.failed++;
        else counts[outcome.action === "create" ? "created" : outcome.action === "update" ? "updated" : "unchanged"]++;
        if (outcome.warnings?.length) counts.warnings++;
        counts.processed++;
        keep(outcome);
      }
      await save();
    }
    await save({ status: "DONE", finishedAt: new Date() });
  } catch (err) {
    const key = err instanceof SheetError ? `imports.sheet.${err.reason}` : "errors.INTERNAL";
    if (!(err instanceof SheetError)) console.error(err);
    await save({
      status: "FAILED",
      error: JSON.stringify({ key, params: { max: MAX_ROWS } }),
      finishedAt: new Date(),
    }).catch(() => undefined);
  }
}

const localize = (locale: Locale, key: string, params?: Record<string, string | number>) =>
  hasMessage(locale, key) ? translate(locale, key, params) : key;

/** A job as its page and the API show it: progress, counts and each row's messages in the reader's language. */
export async function getImportJob({ actor, id, locale }: { actor: Actor; id: string; locale: Locale }) {
  const job = await getDb().importJob.findUnique({ where: { id } });
  if (!job || (job.userId !== actor.id && !can(actor.role, "import.readAny"))) throw new AppError("NOT_FOUND");
  const stale = job.status === "RUNNING" && Date.now() - job.updatedAt.getTime() > STALE_MS;
  const columns = columnsOf(job.kind);
  const label = (col: string) => {
    const c = columns.find((x) => x.key === col);
    return c ? translate(locale, c.label) : col === "_" ? "" : col;
  };
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
    error: error ? localize(locale, error.key, error.params) : null,
    rows: (job.rows as unknown as RowOutcome[]).map((r) => ({
      row: r.row,
      key: r.key,
      action: r.action,
      errors: Object.entries(r.errors ?? {}).map(([col, msg]) => {
        const m = typeof msg === "string" ? { key: msg } : msg;
        return { column: label(col), message: localize(locale, m.key, { field: label(col), ...m.params }) };
      }),
      warnings: (r.warnings ?? []).map((w) => localize(locale, w.key, w.params)),
      changes: (r.changes ?? []).map(label),
    })),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
export type ImportJobView = Awaited<ReturnType<typeof getImportJob>>;

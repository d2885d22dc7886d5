import "server-only";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { columnsOf, matchHeaders } from "./columns";
import { errorLine } from "./error-line";
import { findImportJob, rowView } from "./jobs";
import type { RowOutcome } from "./outcome";
import { openJobSheet } from "./run-job";
import { localCopy } from "../attachments/file-store";
import { appFileStore } from "../attachments/store";

const errorFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE2E2" } };

/**
 * The rows of a finished job that have errors, as an .xlsx to correct and upload again:
 * the file's header and those rows with their cells as uploaded (read again from the
 * uploaded file, as a stream), the cells with an error shaded, and two columns added at
 * the end — 原行号 (the row in the uploaded file) and 错误 (every error of the row, with
 * the value) — which the import ignores. Only rows with errors: the other rows are
 * imported, or unchanged. The uploaded file is kept while the dry run can be imported;
 * once it is gone (after the import, a newer upload or the retention days) the answer is
 * RULE_IMPORT_FILE_GONE.
 */
export async function importErrorsWorkbook({ actor, id, locale }: { actor: Actor; id: string; locale: Locale }) {
  const job = await findImportJob(actor, id);
  if (job.status !== "DONE") throw new AppError("RULE_IMPORT_NOT_READY");
  const outcomes = (job.rows as unknown as RowOutcome[]).filter((r) => r.action === "error");
  const view = rowView(job.kind, locale);
  const byRow = new Map(outcomes.map((r) => [r.row, { outcome: r, view: view(r) }]));

  // Read from a local copy of the stored file, removed once the workbook is written.
  const copy = await localCopy(appFileStore(), job.storagePath);
  if (!copy) throw new AppError("RULE_IMPORT_FILE_GONE");
  try {
    const columns = columnsOf(job.kind);
    const sheet = await openJobSheet(job, copy.file);
    const headers = sheet.headers.filter(Boolean);
    const { mapping } = matchHeaders(columns, headers);
    const headerOf = new Map([...mapping].map(([header, key]) => [key as string, header]));

    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on("end", resolve));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = workbook.addWorksheet(translate(locale, "imports.errorsColumn"), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    ws.columns = [
      ...headers.map((h) => ({ header: h, width: Math.max(12, h.length * 2 + 2) })),
      { header: translate(locale, "imports.errorsRowColumn"), width: 10 },
      { header: translate(locale, "imports.errorsColumn"), width: 60, style: { alignment: { wrapText: true } } },
    ];
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.commit();
    for await (const r of sheet.rows()) {
      const found = byRow.get(r.row);
      if (!found) continue;
      const row = ws.addRow([
        ...headers.map((h) => r.cells[h] || null),
        r.row,
        found.view.errors.map((e) => errorLine(e, (p) => translate(locale, "imports.errorValue", p))).join("\n"),
      ]);
      for (const col of Object.keys(found.outcome.errors ?? {})) {
        const header = headerOf.get(col);
        if (header) row.getCell(headers.indexOf(header) + 1).fill = errorFill;
      }
      row.getCell(headers.length + 2).font = { color: { argb: "FFB91C1C" } };
      row.commit();
    }
    ws.commit();
    await workbook.commit();
    await ended;
    const base = job.fileName.replace(/\.(xlsx|csv)$/i, "");
    return {
      bytes: Buffer.concat(chunks),
      fileName: `${translate(locale, "imports.errorsFile", { name: base })}_${shanghaiToday()}.xlsx`,
    };
  } finally {
    await copy.remove().catch(() => undefined);
  }
}

import fs from "node:fs/promises";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { SheetError } from "./sheet-error";
import { HEADER_SEARCH_ROWS, rowMarker, type RowMarker } from "./sheet-layout";
import { xlsxParts } from "./xlsx-zip";
export { SheetError };

/**
 * One data row of a sheet: its number as the user sees it (in the spreadsheet, or the
 * line of a CSV), its cells by header, and — for a row that is not data by design (the
 * template's sample row, an export's 合计 row) — what it is.
 */
export type SheetRow = { row: number; cells: Record<string, string>; marker?: RowMarker };

/** At most this many data rows in one file. */
export const MAX_ROWS = 50_000;

export type SheetLimits = { maxRows: number; maxUnpackedBytes: number };

/**
 * CSV text from bytes: UTF-8 (with or without BOM), else GB18030 — what Excel in Chinese
 * saves as "CSV" by default.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** A cell as the text the user typed: dates as YYYY-MM-DD, numbers without float noise. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  if (typeof value === "boolean") return value ? "true" : "false";
  // Excel dates are calendar dates stored at 00:00 UTC.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value).trim();
}

type RawRow = { n: number; values: string[] };

/** A CSV's records as they stream out of papaparse (the text itself is within the upload limit). */
async function* csvRows(file: string): AsyncGenerator<RawRow> {
  const text = decodeCsv(await fs.readFile(file)).replace(/^\uFEFF/, "");
  const chunk = 64 * 1024;
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk);
    })(),
    { objectMode: false },
  );
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: ",", header: false });
  source.pipe(parser);
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      n++;
      const values = record.map((v) => v.trim());
      if (values.some(Boolean)) yield { n, values };
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** The first worksheet's rows as ExcelJS's streaming reader parses them. */
async function* xlsxRows(file: string, maxUnpackedBytes: number): AsyncGenerator<RawRow> {
  const { stream, failed, onFailure } = await xlsxParts(file, maxUnpackedBytes);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const rows = (async function* () {
    for await (const sheet of workbook) {
      yield* sheet;
      break;
    }
  })();
  try {
    for (;;) {
      // A part that breaks its size ends the stream early and the reader would wait
      // forever: the failure rejects the wait. (Not Promise.race with one pending promise,
      // which would keep every row it ever raced.)
      const next = await new Promise<IteratorResult<ExcelJS.Row>>((resolve, reject) => {
        const broken = failed();
        if (broken) return reject(broken);
        onFailure(reject);
        rows.next().then(resolve, reject);
      });
      if (next.done) break;
      const values = Array.from((next.value.values as ExcelJS.CellValue[]).slice(1), cellText);
      if (values.some(Boolean)) yield { n: next.value.number, values };
    }
  } catch (err) {
    throw failed() ?? (err instanceof SheetError ? err : new SheetError("format"));
  } finally {
    stream.destroy();
    rows.return(undefined).catch(() => undefined);
  }
  const broken = failed();
  if (broken) throw broken;
}

/** The non-empty rows of an .xlsx (first sheet) or .csv file, the header first. */
function rawRows(file: string, fileName: string, limits: SheetLimits) {
  return fileName.toLowerCase().endsWith(".csv") ? csvRows(file) : xlsxRows(file, limits.maxUnpackedBytes);
}

export type Sheet = {
  headers: string[];
  /** The header's row number (rows above it, such as an export's title, are not read). */
  headerRow: number;
  total: number;
  rows: () => AsyncGenerator<SheetRow>;
};

/**
 * Opens a sheet: reads it once as a stream to find the header — the first of the top
 * HEADER_SEARCH_ROWS non-empty rows that `isHeader` accepts, else the first non-empty row —
 * and count the data rows below it, stopping as soon as there are more than `maxRows`;
 * then lets the rows be read again one by one. Memory stays that of a few rows whatever
 * the file.
 */
export async function openSheet(
  file: string,
  fileName: string,
  limits: SheetLimits,
  isHeader: (values: string[]) => boolean = () => true,
): Promise<Sheet> {
  let header: RawRow | null = null;
  const top: RawRow[] = [];
  let total = 0;
  for await (const r of rawRows(file, fileName, limits)) {
    if (!header) {
      top.push(r);
      if (isHeader(r.values)) {
        header = r;
        total = 0;
      } else if (top.length === HEADER_SEARCH_ROWS) {
        header = top[0];
        total = top.length - 1;
      }
    } else total++;
    if (total > limits.maxRows) throw new SheetError("tooManyRows", total);
  }
  if (!header && top.length) {
    header = top[0];
    total = top.length - 1;
  }
  if (!header || total === 0) throw new SheetError("empty");
  const { n: headerRow, values: headers } = header;
  return {
    headers,
    headerRow,
    total,
    rows: async function* () {
      for await (const r of rawRows(file, fileName, limits)) {
        if (r.n <= headerRow) continue;
        const cells: Record<string, string> = {};
        headers.forEach((h, i) => {
          if (h) cells[h] = r.values[i] ?? "";
        });
        const marker = rowMarker(r.values);
        yield marker ? { row: r.n, cells, marker } : { row: r.n, cells };
      }
    },
  };
}

import fs from "node:fs/promises";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { SheetError } from "./sheet-error";
import { HEADER_SEARCH_ROWS, pickHeader, rowMarker, type RowMarker } from "./sheet-layout";
import { sheetMerges, xlsxParts, type MergedArea } from "./xlsx-zip";
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

export type RawRow = { n: number; values: string[] };

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

/**
 * Rows with the value of each merged area's first cell repeated down its first column: a
 * bureau merges 所属产业 or 责任单位 over the rows it holds for, and Excel keeps the value
 * only in the top cell. (Across, a merged title or 合计 needs nothing: the value is in its
 * first cell already.)
 */
export async function* fillMerged(rows: AsyncIterable<RawRow>, areas: readonly MergedArea[]): AsyncGenerator<RawRow> {
  const down = areas.filter((a) => a.bottom > a.top).sort((a, b) => a.top - b.top);
  if (!down.length) return yield* rows;
  let next = 0;
  let open: { area: MergedArea; value: string }[] = [];
  for await (const r of rows) {
    open = open.filter((o) => o.area.bottom >= r.n);
    const values = [...r.values];
    for (const o of open) if (!values[o.area.left - 1]) values[o.area.left - 1] = o.value;
    while (next < down.length && down[next].top <= r.n) {
      const area = down[next++];
      if (area.top === r.n && values[area.left - 1]) open.push({ area, value: values[area.left - 1] });
    }
    yield { n: r.n, values };
  }
}

/** The non-empty rows of an .xlsx (first sheet, merged areas filled down) or .csv file, the header first. */
async function* rawRows(file: string, fileName: string, limits: SheetLimits, merges?: readonly MergedArea[]) {
  if (fileName.toLowerCase().endsWith(".csv")) return yield* csvRows(file);
  yield* fillMerged(xlsxRows(file, limits.maxUnpackedBytes), merges ?? []);
}

export type Sheet = {
  headers: string[];
  /** The header's row number (rows above it, such as a title or an export's filters, are not read). */
  headerRow: number;
  total: number;
  rows: () => AsyncGenerator<SheetRow>;
};

/**
 * Opens a sheet: reads it once as a stream to find the header — of the top
 * HEADER_SEARCH_ROWS non-empty rows, the one `score` rates highest (the first of equals, the
 * first row when none scores; `true` counts 1) — and count the data rows below it, stopping
 * as soon as there are more than `maxRows`; then reads the merged areas (an .xlsx keeps them after its
 * rows) and lets the rows be read again one by one, merged areas filled down.
 * Memory stays that of a few rows (and the sheet's merged areas) whatever the file.
 */
export async function openSheet(
  file: string,
  fileName: string,
  limits: SheetLimits,
  score: (values: string[]) => number | boolean = () => 0,
): Promise<Sheet> {
  let header: RawRow | null = null;
  const top: RawRow[] = [];
  let total = 0;
  const choose = () => {
    const at = pickHeader(top.map((r) => Number(score(r.values))));
    header = top[at];
    total = top.length - at - 1;
  };
  for await (const r of rawRows(file, fileName, limits)) {
    if (!header) {
      top.push(r);
      if (top.length === HEADER_SEARCH_ROWS) choose();
    } else total++;
    if (total > limits.maxRows) throw new SheetError("tooManyRows", total);
  }
  if (!header && top.length) choose();
  if (!header || total === 0) throw new SheetError("empty");
  // Read once the rows are known to be within the limit (a file past it is refused without this pass).
  const merges = fileName.toLowerCase().endsWith(".csv") ? [] : await sheetMerges(file, limits.maxUnpackedBytes);
  const { n: headerRow, values: headers } = header as RawRow;
  return {
    headers,
    headerRow,
    total,
    rows: async function* () {
      for await (const r of rawRows(file, fileName, limits, merges)) {
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

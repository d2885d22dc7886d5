import "server-only";
import { PassThrough, Readable } from "node:stream";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";

// The one way to write an .xlsx table (every export of the app): ExcelJS's streaming
// writer, each row committed as it is written, the zip piped into the response body. The
// rows come from an async iterable (a query read in batches), so memory stays flat in the
// row count and the first bytes leave before the last row is read.

export type XlsxCell = string | number | null;

/** A column: its header, its width and whether it holds money in 万元 (a decimal string per cell). */
export type XlsxColumn = { header: string; width?: number; money?: boolean };

export type XlsxTable = {
  /** The sheet's name (Excel takes 31 characters). */
  sheet: string;
  /** Rows above the header, each merged across the columns: the first bold, the others grey. */
  title?: string[];
  /** A row of group headings above the header (bold). */
  groups?: XlsxCell[];
  columns: XlsxColumn[];
  rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]>;
  /**
   * The bold last row: `{ label }` puts the label in the first column and the exact sums
   * (decimal.js) of the money columns below them; an array is written as given.
   */
  total?: { label: string } | XlsxCell[];
  /** A grey line below the table. */
  note?: string;
};

export const MONEY_FORMAT = "#,##0.00";

/** Bytes the response may hold unread before the writer waits for the client. */
const HIGH_WATER = 1 << 20;

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * A money cell as Excel's number: a decimal string of up to 15 digits is exactly that number.
 * Other cells as they are.
 */
const moneyCell = (v: XlsxCell) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v);

async function writeTable(book: ExcelJS.stream.xlsx.WorkbookWriter, table: XlsxTable, out: PassThrough) {
  const headerRow = (table.title?.length ?? 0) + (table.groups ? 1 : 0) + 1;
  // Excel refuses these characters in a sheet's name, and more than 31 of them.
  const ws = book.addWorksheet(table.sheet.replace(/[\\/?*:[\]]/g, "_").slice(0, 31) || "Sheet", {
    views: [{ state: "frozen", ySplit: headerRow }],
  });
  ws.columns = table.columns.map((c) => ({
    width: c.width ?? 16,
    ...(c.money ? { style: { numFmt: MONEY_FORMAT } } : {}),
  }));
  const width = table.columns.length;
  (table.title ?? []).forEach((text, i) => {
    const row = ws.addRow([text]);
    row.font = i === 0 ? { bold: true, size: 13 } : { color: { argb: "FF475569" } };
    if (width > 1) ws.mergeCells(row.number, 1, row.number, width);
    row.commit();
  });
  const bold = (cells: XlsxCell[]) => {
    const row = ws.addRow(cells);
    row.font = { bold: true };
    row.commit();
  };
  if (table.groups) bold(table.groups);
  bold(table.columns.map((c) => c.header));

  const money = table.columns.flatMap((c, i) => (c.money ? [i] : []));
  const sums = money.map(() => new Decimal(0));
  let n = 0;
  for await (const cells of table.rows) {
    money.forEach((i, k) => {
      const v = cells[i];
      if (typeof v === "string" && v.trim() !== "") sums[k] = sums[k].plus(v);
    });
    ws.addRow(money.length ? cells.map((v, i) => (money.includes(i) ? moneyCell(v) : v)) : cells).commit();
    // Wait for the client now and then: a slow download must not pile the file up in memory.
    if (++n % 500 === 0) while (out.readableLength >= HIGH_WATER / 2 && !out.destroyed) await pause();
    if (out.destroyed) throw new Error("export aborted by the client");
  }
  if (table.total) {
    const total: XlsxCell[] = Array.isArray(table.total)
      ? table.total.map((v, i) => (money.includes(i) ? moneyCell(v) : v))
      : [table.total.label, ...Array<XlsxCell>(width - 1).fill(null)];
    if (!Array.isArray(table.total)) money.forEach((i, k) => (total[i] = Number(sums[k].toFixed(2))));
    bold(total);
  }
  if (table.note) {
    const row = ws.addRow([table.note]);
    row.font = { color: { argb: "FF64748B" } };
    row.commit();
  }
  ws.commit();
}

type StyleRegistry = { addStyleModel(model: object | undefined, cellType?: number): number };

/**
 * ExcelJS gives every cell a style object of its own (merged from its row's and column's) and
 * renders each one to XML to find its style id: a third of an export's time. The id depends
 * only on the style's content and the cell's type, so it is looked up by those once rendered.
 */
function memoiseStyles(book: ExcelJS.stream.xlsx.WorkbookWriter) {
  const styles = (book as unknown as { styles: StyleRegistry }).styles;
  const add = styles.addStyleModel.bind(styles);
  const ids = new Map<string, number>();
  styles.addStyleModel = (model, cellType) => {
    if (!model) return add(model, cellType);
    const key = `${cellType}|${JSON.stringify(model)}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = add(model, cellType)));
    return id;
  };
}

/**
 * The tables as one workbook (a sheet each), streamed: the answer's body. Call it after
 * every check (permissions, input): once the first bytes are out, an error can only cut the
 * download short (it is logged).
 */
export function xlsxStream({ creator, tables }: { creator: string; tables: XlsxTable[] }): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: HIGH_WATER });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    // Fast compression: the time goes into rows, not into squeezing a few more percent.
    zip: { zlib: { level: 1 } },
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  book.creator = creator;
  memoiseStyles(book);
  void (async () => {
    for (const table of tables) await writeTable(book, table, out);
    await book.commit();
  })().catch((err: unknown) => {
    if (!out.destroyed) console.error("xlsx export failed", err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** A whole stream's bytes (tests, and callers that store the file). */
export async function xlsxBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

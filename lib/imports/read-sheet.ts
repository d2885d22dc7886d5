import { Readable } from "node:stream";
import ExcelJS from "exceljs";

/** One data row of a sheet: its number as the user sees it (header is row 1), and its cells by header. */
export type SheetRow = { row: number; cells: Record<string, string> };
export type Sheet = { headers: string[]; rows: SheetRow[] };

export class SheetError extends Error {
  constructor(readonly reason: "format" | "empty" | "tooManyRows") {
    super(reason);
  }
}

/** At most this many data rows in one file. */
export const MAX_ROWS = 50_000;

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

/** The first worksheet of an .xlsx or .csv file: the first non-empty row is the header. */
export async function readSheet(bytes: Uint8Array, fileName: string): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (fileName.toLowerCase().endsWith(".csv")) {
      const text = decodeCsv(bytes).replace(/^\uFEFF/, "");
      sheet = await workbook.csv.read(Readable.from([text]), { map: (v: string) => v } as never);
    } else {
      await workbook.xlsx.load(Buffer.from(bytes) as never);
      sheet = workbook.worksheets[0];
    }
  } catch {
    throw new SheetError("format");
  }
  if (!sheet) throw new SheetError("empty");
  let headers: string[] | null = null;
  const rows: SheetRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    const values = (r.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (!headers) {
      if (values.some(Boolean)) headers = values;
      return;
    }
    if (!values.some(Boolean)) return;
    if (rows.length >= MAX_ROWS) {
      tooMany = true;
      return;
    }
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) cells[h] = values[i] ?? "";
    });
    rows.push({ row: n, cells });
  });
  if (tooMany) throw new SheetError("tooManyRows");
  if (!headers || rows.length === 0) throw new SheetError("empty");
  return { headers, rows };
}

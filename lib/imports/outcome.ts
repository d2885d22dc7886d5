// What a dry run or an import says about each row (stored on the job as JSON).
import type { FieldMessage } from "../i18n/field-messages";
import en from "../i18n/messages/en.json";
import zh from "../i18n/messages/zh-CN.json";
import type { Conversion } from "./cell-values";
import type { RowMarker } from "./sheet-layout";

export type RowWarning = { key: string; params?: Record<string, string | number> };
export type RowOutcome = {
  row: number;
  /** The row's key: the project code, or the enterprise's credit code or name. */
  key: string;
  /** "skip": a row that is not data by design (`skipped` says which), neither an error nor written. */
  action: "create" | "update" | "unchanged" | "error" | "skip";
  /** Column key → the message (a catalogue key, with the rule's numbers). */
  errors?: Record<string, FieldMessage>;
  /** Column key → the cell as the file gave it, for the columns with an error (so the message can repeat it). */
  values?: Record<string, string>;
  warnings?: RowWarning[];
  /** Columns an update changes. */
  changes?: string[];
  skipped?: RowMarker;
  /** Cells read in another form than the schema's (3.5亿 → 35000.00, 2026年3月 → 2026-03-01). */
  conversions?: Conversion[];
};

/** The columns our own errors workbook adds (原行号, 错误): ignored without a word. */
const ownColumns = new Set(
  [zh.imports.errorsRowColumn, zh.imports.errorsColumn, en.imports.errorsRowColumn, en.imports.errorsColumn].map((h) =>
    h.normalize("NFKC").replace(/\s/g, ""),
  ),
);

/** A file's columns the import does not know (序号, 备注…), as the file names them, to be listed once as a warning. */
export const ignoredColumns = (unknown: readonly string[]) =>
  unknown.map((h) => h.trim()).filter((h) => h && !ownColumns.has(h.normalize("NFKC").replace(/\s/g, "")));

/** A cell repeated in an error message: at most this many characters. */
const VALUE_MAX = 60;

/**
 * The cells of the columns with an error, as the file gave them: shortened, and with what
 * a JSON column cannot hold (NUL, other control characters, half a surrogate pair) shown
 * as �, so that a message can repeat the value the user typed. Blank cells are left out.
 */
export function errorValues(
  errors: Record<string, unknown> | undefined,
  cells: Record<string, string | undefined>,
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const col of Object.keys(errors ?? {})) {
    const raw = (cells[col] ?? "").trim();
    if (!raw) continue;
    const chars = [...raw].map((ch) => {
      const c = ch.codePointAt(0)!;
      const bad = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || (c >= 0xd800 && c <= 0xdfff);
      return bad ? "\ufffd" : ch;
    });
    out[col] = chars.length > VALUE_MAX ? `${chars.slice(0, VALUE_MAX).join("")}…` : chars.join("");
  }
  return Object.keys(out).length ? out : undefined;
}

// Rows of a sheet that are not data, as the template and the export write them (pure):
// the template's sample row starts with 示例 in its first cell (a user who types over the
// row replaces the marker and the row is imported), an export's 合计 row starts with 合计.
// Rows above the header (an export's title and filter rows) are found by the header itself.
import en from "../i18n/messages/en.json";
import zh from "../i18n/messages/zh-CN.json";

export type RowMarker = "sample" | "total";

const comparable = (v: string) => v.normalize("NFKC").trim().toLowerCase();

const sampleWords = [zh.imports.sampleMarker, en.imports.sampleMarker, "sample"].map(comparable);
const totalWords = [zh.exports.totalRow, en.exports.totalRow, "总计"].map(comparable);

/**
 * What a row is when it is not data: "sample" when its first non-empty cell is 示例 (or
 * Example) alone or followed by a colon or a blank ("示例：NH-2026-0901"), "total" when it
 * is 合计 (or Total), with or without a colon; undefined for a data row. A project code
 * cannot start with either word, and an enterprise name is not followed by a colon.
 */
export function rowMarker(values: readonly string[]): RowMarker | undefined {
  const first = values.find((v) => v.trim() !== "");
  if (first === undefined) return undefined;
  const text = comparable(first);
  const word = (words: string[]) =>
    words.some((w) => text === w || (text.startsWith(w) && /^[:\s]/.test(text.slice(w.length))));
  if (word(sampleWords)) return "sample";
  if (word(totalWords)) return "total";
  return undefined;
}

/** How many non-empty rows from the top are searched for the header (title and filter rows come first). */
export const HEADER_SEARCH_ROWS = 10;

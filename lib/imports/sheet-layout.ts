// Rows of a sheet that are not data, as the template, the export and a bureau's own tables
// write them (pure): the template's sample row starts with 示例 in its first cell (a user
// who types over the row replaces the marker and the row is imported), an export's 合计 row
// starts with 合计, a bureau's 合计 / 小计 row may have its 序号 (or a blank) first.
// Rows above the header (a title, 填报单位 / 填报日期, an export's filter rows) are left out
// by choosing the header: the row among the top ones that names the most known columns.
import en from "../i18n/messages/en.json";
import zh from "../i18n/messages/zh-CN.json";

/** "empty": a row with something only in columns the import ignores (a 序号 with nothing else). */
export type RowMarker = "sample" | "total" | "subtotal" | "empty";

const comparable = (v: string) => v.normalize("NFKC").trim().toLowerCase();

const sampleWords = [zh.imports.sampleMarker, en.imports.sampleMarker, "sample"].map(comparable);
const totalWords = [zh.exports.totalRow, en.exports.totalRow, "总计"].map(comparable);
const subtotalWords = ["小计", "subtotal"];

/**
 * What a row is when it is not data: "sample" when its first non-empty cell is 示例 (or
 * Example) alone or followed by a colon or a blank ("示例：NH-2026-0901"), "total" when it
 * is 合计 (or Total, 总计), "subtotal" when it is 小计 (or Subtotal), with or without a colon;
 * a 合计 or 小计 after a 序号 (a number alone in the first non-empty cell) counts too.
 * undefined for a data row. A project code cannot start with either word, and an
 * enterprise name is not followed by a colon.
 */
export function rowMarker(values: readonly string[]): RowMarker | undefined {
  const filled = values.filter((v) => v.trim() !== "");
  if (!filled.length) return undefined;
  const word = (text: string, words: string[]) =>
    words.some((w) => text === w || (text.startsWith(w) && /^[:\s]/.test(text.slice(w.length))));
  const first = comparable(filled[0]);
  if (word(first, sampleWords)) return "sample";
  // A 序号 ("3", "３") before the word.
  const text = /^\d+$/.test(first) && filled.length > 1 ? comparable(filled[1]) : first;
  for (const t of new Set([first, text])) {
    if (word(t, totalWords)) return "total";
    if (word(t, subtotalWords)) return "subtotal";
  }
  return undefined;
}

/** How many non-empty rows from the top are searched for the header (title and filter rows come first). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Which of the top rows is the header: the one that scores highest (the most known
 * columns), the first of equals; the first row when none scores.
 */
export function pickHeader(scores: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  return best;
}

// One row error as a line of text, the same on the import page and in the errors workbook
// (pure: the client and the server pass their own translation of imports.errorValue).

export type RowErrorView = { column: string; message: string; value?: string };

/**
 * "总投资（万元）请填写不超过两位小数的非负数 — 「十二万」": the message, led by its column
 * when it does not name it already, and the cell as the file gave it.
 */
export function errorLine(e: RowErrorView, withValue: (p: { message: string; value: string }) => string): string {
  const text = e.column && !e.message.startsWith(e.column) ? `${e.column}：${e.message}` : e.message;
  return e.value === undefined ? text : withValue({ message: text, value: e.value });
}

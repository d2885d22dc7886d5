// What a dry run or an import says about each row (stored on the job as JSON).
export type RowWarning = { key: string; params?: Record<string, string | number> };
export type RowOutcome = {
  row: number;
  /** The row's key: the project code, or the enterprise's credit code or name. */
  key: string;
  action: "create" | "update" | "unchanged" | "error";
  /** Column key → catalogue key of the message. */
  errors?: Record<string, string>;
  warnings?: RowWarning[];
  /** Columns an update changes. */
  changes?: string[];
};

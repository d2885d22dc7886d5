// What a dry run or an import says about each row (stored on the job as JSON).
import type { FieldMessage } from "../i18n/field-messages";

export type RowWarning = { key: string; params?: Record<string, string | number> };
export type RowOutcome = {
  row: number;
  /** The row's key: the project code, or the enterprise's credit code or name. */
  key: string;
  action: "create" | "update" | "unchanged" | "error";
  /** Column key → the message (a catalogue key, with the rule's numbers). */
  errors?: Record<string, FieldMessage>;
  warnings?: RowWarning[];
  /** Columns an update changes. */
  changes?: string[];
};

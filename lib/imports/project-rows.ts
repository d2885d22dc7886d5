// One spreadsheet row of a project import, parsed and checked without the database:
// formats, required columns, choices. Lookups (industry, park, users, the project of
// the code) happen in projects.ts.
import { z } from "zod";

import { errorsByColumn, type ProjectColumnKey } from "./columns";
import { issueKey, type FieldMessage } from "../i18n/field-messages";
import { projectRowSchema } from "./schemas";
import { withoutInvisible } from "../text";

export type ProjectRow = z.output<typeof projectRowSchema>;

/** Columns a new project needs (an existing one is updated only in the columns given). */
export const requiredForNew = [
  "name",
  "enterpriseName",
  "industry",
  "totalInvestment",
] as const satisfies readonly ProjectColumnKey[];

export type RowErrors = Partial<Record<ProjectColumnKey | "_", FieldMessage>>;

/** The row's values, or its errors by column (catalogue keys). */
export function parseProjectRow(
  cells: Partial<Record<ProjectColumnKey, string>>,
): { ok: true; row: ProjectRow } | { ok: false; errors: RowErrors } {
  const result = projectRowSchema.safeParse(withoutInvisible(cells), { error: issueKey });
  if (result.success) return { ok: true, row: result.data };
  return { ok: false, errors: errorsByColumn<ProjectColumnKey>(result.error.issues) };
}

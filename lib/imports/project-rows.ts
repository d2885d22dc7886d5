// One spreadsheet row of a project import, parsed and checked without the database:
// formats, required columns, choices. Lookups (industry, park, users, the project of
// the code) happen in projects.ts.
import { z } from "zod";
import { creditCodeSchema, sourceChannels } from "../projects/schemas";
import { pipelineStages } from "../projects/stages";
import { dateString, decimalString } from "../schemas";
import {
  blankCell as blank,
  channelCode,
  errorsByColumn,
  normalizeDate,
  splitTags,
  stageCode,
  yesNo,
  type ProjectColumnKey,
} from "./columns";

const text = (max: number) => z.preprocess(blank, z.string().trim().max(max, "validation.tooLong").optional());
const money = z.preprocess(blank, decimalString.optional());
const date = z.preprocess((v) => (typeof v === "string" ? blank(normalizeDate(v)) : v), dateString.optional());

export const projectRowSchema = z.object({
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z
      .string()
      .min(1, "validation.required")
      .regex(/^[A-Z0-9][A-Z0-9-]{2,29}$/, "validation.projectCode"),
  ),
  name: text(100),
  enterpriseName: text(100),
  creditCode: z.preprocess(blank, creditCodeSchema.optional()),
  industry: text(60),
  park: text(60),
  totalInvestment: money,
  fixedAssetInvestment: money,
  foreignCapital: money,
  expectedAnnualOutput: money,
  expectedAnnualTax: money,
  landArea: money,
  sourceChannel: z.preprocess(
    (v) => (typeof v === "string" ? blank(v) && channelCode(v) : v),
    z.enum(sourceChannels, "validation.choice").optional(),
  ),
  keyProject: z.preprocess((v) => (typeof v === "string" ? yesNo(v) : v), z.boolean("validation.yesNo").optional()),
  owner: text(60),
  leader: text(60),
  stage: z.preprocess(
    (v) => (typeof v === "string" ? blank(v) && stageCode(v) : v),
    z.enum(pipelineStages, "validation.importStage").optional(),
  ),
  signingDate: date,
  contractInvestment: money,
  registrationDate: date,
  plannedStartDate: date,
  constructionDate: date,
  completionDate: date,
  productionDate: date,
  tags: z.preprocess(
    (v) => (typeof v === "string" ? (blank(v) === undefined ? undefined : splitTags(v)) : v),
    z.array(z.string().max(20, "validation.tooLong")).max(20).optional(),
  ),
  description: text(2000),
});
export type ProjectRow = z.output<typeof projectRowSchema>;

/** Columns a new project needs (an existing one is updated only in the columns given). */
export const requiredForNew = [
  "name",
  "enterpriseName",
  "industry",
  "totalInvestment",
] as const satisfies readonly ProjectColumnKey[];

export type RowErrors = Partial<Record<ProjectColumnKey | "_", string>>;

/** The row's values, or its errors by column (catalogue keys). */
export function parseProjectRow(
  cells: Partial<Record<ProjectColumnKey, string>>,
): { ok: true; row: ProjectRow } | { ok: false; errors: RowErrors } {
  const result = projectRowSchema.safeParse(cells);
  if (result.success) return { ok: true, row: result.data };
  return { ok: false, errors: errorsByColumn<ProjectColumnKey>(result.error.issues) };
}

import { z } from "zod";
import { creditCodeSchema, sourceChannels } from "../projects/schemas";
import { pipelineStages } from "../projects/stages";
import { dateString, decimalString, labelled } from "../schemas";
import { blankCell as blank, channelCode, normalizeDate, splitTags, stageCode, yesNo } from "./columns";

export const importKinds = ["PROJECTS", "ENTERPRISES"] as const;
export type ImportKind = (typeof importKinds)[number];

export const importKindSchema = labelled("import", z.object({ kind: z.enum(importKinds, "validation.choice") }));

export const commitImportSchema = labelled(
  "import",
  z.object({
    skipErrors: z.boolean().default(false),
    linkSimilar: z.boolean().default(false),
  }),
);

/** A job's view: `rowsAfter` = only the outcomes of the rows after this one (a page polling a running job). */
export const importJobQuerySchema = labelled(
  "import",
  z.object({ rowsAfter: z.coerce.number().int().min(0).max(10_000_000).optional() }),
);

/**
 * Text the database can store and an export can write back: no NUL or other control
 * character but tab and line breaks (PostgreSQL refuses NUL; XML refuses the others), and
 * no half of a UTF-16 surrogate pair.
 */
export function storableText(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = v.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
}

/** A cell's text: trimmed, at most `max` characters, storable. */
const cellString = (max: number) =>
  z.string().trim().max(max, "validation.tooLong").refine(storableText, "validation.characters");

const enterpriseText = (max: number) => z.preprocess(blank, cellString(max).optional());

/** One row of an enterprise import (企业库), as the sheet gives it. */
export const enterpriseRowSchema = z.object({
  name: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string().min(1, "validation.required").pipe(cellString(100)),
  ),
  creditCode: z.preprocess(blank, creditCodeSchema.optional()),
  region: enterpriseText(60),
  isLocal: z.preprocess((v) => (typeof v === "string" ? yesNo(v) : v), z.boolean("validation.yesNo").optional()),
  contact: enterpriseText(200),
  scale: enterpriseText(20),
  isChainLeader: z.preprocess((v) => (typeof v === "string" ? yesNo(v) : v), z.boolean("validation.yesNo").optional()),
  links: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v.trim()
          ? v
              .split(/[;；,，、\n]+/)
              .map((x) => x.trim())
              .filter(Boolean)
          : undefined
        : v,
    z.array(cellString(130)).max(50).optional(),
  ),
});

const rowText = (max: number) => z.preprocess(blank, cellString(max).optional());

const rowMoney = z.preprocess(blank, decimalString.optional());

/** Years a date of the pipeline may fall in (PostgreSQL has no year 0; Excel none before 1900). */
export const dateYears = { min: 1900, max: 2100 } as const;

const rowDate = z.preprocess(
  (v) => (typeof v === "string" ? blank(normalizeDate(v)) : v),
  dateString
    .refine((d) => d.getUTCFullYear() >= dateYears.min && d.getUTCFullYear() <= dateYears.max, "validation.dateRange")
    .optional(),
);

/** One row of a project import: formats, required columns and choices; lookups happen in projects.ts. */
export const projectRowSchema = z.object({
  code: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z
      .string()
      .min(1, "validation.required")
      .regex(/^[A-Z0-9][A-Z0-9-]{2,29}$/, "validation.projectCode"),
  ),
  name: rowText(100),
  enterpriseName: rowText(100),
  creditCode: z.preprocess(blank, creditCodeSchema.optional()),
  industry: rowText(60),
  park: rowText(60),
  totalInvestment: rowMoney,
  fixedAssetInvestment: rowMoney,
  foreignCapital: rowMoney,
  expectedAnnualOutput: rowMoney,
  expectedAnnualTax: rowMoney,
  landArea: rowMoney,
  sourceChannel: z.preprocess(
    (v) => (typeof v === "string" ? blank(v) && channelCode(v) : v),
    z.enum(sourceChannels, "validation.choice").optional(),
  ),
  keyProject: z.preprocess((v) => (typeof v === "string" ? yesNo(v) : v), z.boolean("validation.yesNo").optional()),
  owner: rowText(60),
  leader: rowText(60),
  stage: z.preprocess(
    (v) => (typeof v === "string" ? blank(v) && stageCode(v) : v),
    z.enum(pipelineStages, "validation.importStage").optional(),
  ),
  signingDate: rowDate,
  contractInvestment: rowMoney,
  registrationDate: rowDate,
  plannedStartDate: rowDate,
  constructionDate: rowDate,
  completionDate: rowDate,
  productionDate: rowDate,
  tags: z.preprocess(
    (v) => (typeof v === "string" ? (blank(v) === undefined ? undefined : splitTags(v)) : v),
    z.array(cellString(20)).max(20).optional(),
  ),
  description: rowText(2000),
});

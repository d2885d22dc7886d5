import Decimal from "decimal.js";
import { z } from "zod";
import {
  blankToUndefined,
  decimalString,
  idRef,
  labelled,
  nfkc,
  optionalBool,
  optionalText,
  pastDate,
  requiredDate,
  versionField,
  dateString,
} from "../schemas";

// Inputs of 政策兑现 (SPEC §6, §10). Pure: the admin page's form checks the same rules in the
// browser (react-hook-form + this schema); the use-cases parse them on the server.

export const incentiveCategories = ["ECONOMIC_CONTRIBUTION", "EQUIPMENT", "FOREIGN_CAPITAL", "FINANCE"] as const;
export type IncentiveCategoryCode = (typeof incentiveCategories)[number];

/** The decimal fields of a project (万元; foreignCapital 万美元) a measure may apply to. */
export const incentiveFields = [
  "fixedAssetInvestment",
  "totalInvestment",
  "contractInvestment",
  "foreignCapital",
  "expectedAnnualTax",
  "expectedAnnualOutput",
] as const;
export type IncentiveField = (typeof incentiveFields)[number];

/** A rate as a decimal fraction (0.025 = 2.5%): 0 to 1, at most 6 decimals. */
const rateField = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? v.normalize("NFKC").trim() : v),
  z
    .string("validation.required")
    .min(1, "validation.required")
    .regex(/^\d+(\.\d{1,6})?$/, "validation.incentiveRate")
    .refine((v) => /^\d+(\.\d+)?$/.test(v) && new Decimal(v).lte(1), "validation.incentiveRate"),
);

const tierSchema = z.object({
  from: decimalString,
  to: z.preprocess((v) => (v === "" || v === undefined ? null : v), decimalString.nullable()),
  rate: rateField,
});

const nullableDecimal = z.preprocess((v) => (v === "" || v === undefined ? null : v), decimalString.nullable());

/**
 * The tiers' rules: at least one; in order of `from`; each band from < to; the bands meet
 * exactly (the next one starts where the last ended: no gap, no overlap); only the last may be
 * open (to = null). A problem is reported on the tier where it shows.
 */
export function tierProblems(
  tiers: readonly { from: string; to: string | null }[],
): { path: (string | number)[]; key: string }[] {
  const out: { path: (string | number)[]; key: string }[] = [];
  tiers.forEach((t, i) => {
    if (t.to !== null && !new Decimal(t.to).gt(t.from))
      out.push({ path: ["tiers", i, "to"], key: "validation.tierBand" });
    if (t.to === null && i < tiers.length - 1) out.push({ path: ["tiers", i, "to"], key: "validation.tierOpen" });
    if (i === 0) return;
    const prev = tiers[i - 1];
    if (new Decimal(t.from).lte(prev.from)) out.push({ path: ["tiers", i, "from"], key: "validation.tierOrder" });
    else if (prev.to === null || new Decimal(t.from).lt(prev.to))
      out.push({ path: ["tiers", i, "from"], key: "validation.tierOverlap" });
    else if (new Decimal(t.from).gt(prev.to)) out.push({ path: ["tiers", i, "from"], key: "validation.tierGap" });
  });
  return out;
}

const measureShape = {
  name: z.string("validation.required").trim().min(1, "validation.required").max(100),
  category: z.enum(incentiveCategories, "validation.choice"),
  field: z.enum(incentiveFields, "validation.choice"),
  tiers: z.array(tierSchema, "validation.required").min(1, "validation.tiersRequired").max(20),
  threshold: nullableDecimal,
  cap: nullableDecimal,
  years: z.preprocess((v) => nfkc(blankToUndefined(v)), z.coerce.number().int("validation.integer").min(1).max(10)),
  validFrom: requiredDate,
  validTo: z.preprocess((v) => (v === "" || v === undefined ? null : v), dateString.nullable()),
  description: optionalText(2000),
};

type MeasureShape = {
  tiers: { from: string; to: string | null }[];
  threshold: string | null;
  cap: string | null;
  validFrom: Date;
  validTo: Date | null;
};

function measureRules(m: MeasureShape, ctx: z.RefinementCtx) {
  // The refinement also sees input that failed the fields' own rules: only whole values are compared.
  const amount = (v: unknown) => typeof v === "string" && /^\d+(\.\d+)?$/.test(v);
  const tiersParsed =
    Array.isArray(m.tiers) && m.tiers.every((t) => amount(t?.from) && (t.to === null || amount(t.to)));
  if (tiersParsed)
    for (const p of tierProblems(m.tiers)) ctx.addIssue({ code: "custom", path: p.path, message: p.key });
  if (amount(m.cap) && amount(m.threshold) && new Decimal(m.cap!).lt(m.threshold!))
    ctx.addIssue({ code: "custom", path: ["cap"], message: "validation.capBelowThreshold" });
  if (m.validTo instanceof Date && m.validFrom instanceof Date && m.validTo < m.validFrom)
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "validation.validToBeforeFrom" });
}

/** POST /api/v1/incentive-measures (and the admin form). Unknown keys are refused (a misspelt field is a 400). */
export const measureSchema = labelled("incentive", z.strictObject(measureShape).superRefine(measureRules));
export type MeasureInput = z.input<typeof measureSchema>;
export type MeasureData = z.output<typeof measureSchema>;

/** PATCH: any of the fields, `active` (false deactivates), and the `version` it was made from. */
export const patchMeasureSchema = labelled(
  "incentive",
  z.strictObject({
    ...Object.fromEntries(Object.entries(measureShape).map(([k, s]) => [k, s.optional()])),
    active: optionalBool,
    version: versionField,
  } as { [K in keyof typeof measureShape]: z.ZodOptional<(typeof measureShape)[K]> } & {
    active: typeof optionalBool;
    version: typeof versionField;
  }),
);

/** POST /api/v1/projects/{id}/incentives/grants: 兑现 of a measure's payment year. */
export const grantSchema = labelled(
  "incentiveGrant",
  z.strictObject({
    measureId: idRef,
    year: z.preprocess(
      (v) => nfkc(blankToUndefined(v)),
      z.coerce.number().int("validation.integer").min(2000).max(2100),
    ),
    amount: decimalString.refine((v) => new Decimal(v).gt(0), "validation.positive"),
    grantedOn: z.preprocess(blankToUndefined, pastDate),
    note: z.preprocess((v) => (v === null ? undefined : v), z.string().trim().max(1000).default("")),
  }),
);
export type GrantInput = z.input<typeof grantSchema>;

/** GET /api/v1/reports/incentives?year= (optional). */
export const incentiveReportQuery = labelled(
  "incentive",
  z.object({
    year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()),
    category: z.preprocess(blankToUndefined, z.enum(incentiveCategories, "validation.choice").optional()),
  }),
);

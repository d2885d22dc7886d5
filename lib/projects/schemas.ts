import { z } from "zod";
import { creditCodeProblem, normalizeCreditCode } from "../enterprises/credit-code";
import {
  blankToUndefined,
  decimalOf,
  decimalString,
  idRef,
  labelled,
  nullableDate,
  nullablePastDate,
  optionalBool,
  optionalDate,
  optionalDecimal,
  optionalPastDate,
  optionalText,
  requiredPastDate,
  versionField,
} from "../schemas";
import { stages, warningStates } from "./stages";

/** Land area in 亩 (Decimal(12, 2)). */
const areaDecimal = decimalOf(10);

export const projectSortFields = [
  "code",
  "name",
  "enterpriseName",
  "totalInvestment",
  "stage",
  "warning",
  "signingDate",
  "updatedAt",
  "createdAt",
] as const;

/** The decimal figures of a project (万元, 万美元, 亩), as the record, the import and the update name them. */
export const projectDecimalFields = [
  "totalInvestment",
  "fixedAssetInvestment",
  "foreignCapital",
  "expectedAnnualOutput",
  "expectedAnnualTax",
  "landArea",
  "contractInvestment",
] as const;
/** The key dates of a project. */
export const projectDateFields = [
  "signingDate",
  "registrationDate",
  "plannedStartDate",
  "constructionDate",
  "completionDate",
  "productionDate",
] as const;

export const sourceChannels = ["ALL_STAFF", "PROFESSIONAL", "VIA_INVESTOR", "SIGNING_WEEK"] as const;
export const activityTypes = ["VISIT", "CALL", "NEGOTIATION", "SITE_SURVEY", "MEETING"] as const;

/** Query of the project list (grid, export and GET /api/v1/projects). */
export const listProjectsSchema = labelled(
  "project",
  z.object({
    stage: z.preprocess(blankToUndefined, z.enum(stages).optional()),
    industry: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    park: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    owner: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    leader: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    warning: z.preprocess(blankToUndefined, z.enum(warningStates).optional()),
    key: optionalBool,
    minInvestment: optionalDecimal,
    maxInvestment: optionalDecimal,
    signedFrom: optionalDate,
    signedTo: optionalDate,
    updatedFrom: optionalDate,
    updatedTo: optionalDate,
    q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    sort: z.preprocess(blankToUndefined, z.enum(projectSortFields).default("updatedAt")),
    order: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("desc")),
    chain: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    link: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    /** 只看我的: the projects the reader works on (lib/projects/queries.ts `mineWhere`). */
    mine: optionalBool,
    /** 未跟进: at work, and no activity recorded for this many days. */
    stalled: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).optional()),
    /** The projects an import created or changed (its commit job's id: 在项目库中查看 after an import). */
    importJob: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    /**
     * 首次进入: the projects whose FIRST entry into this stage (stage_changes.firstEntry) falls
     * within enteredFrom–enteredTo (Shanghai days, inclusive) — the dashboard's clean counts.
     */
    entered: z.preprocess(blankToUndefined, z.enum(stages).optional()),
    enteredFrom: optionalDate,
    enteredTo: optionalDate,
    /** 来源渠道 (全员招商, 专业招商, 以商招商, 签约周). */
    channel: z.preprocess(blankToUndefined, z.enum(sourceChannels).optional()),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
    pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
  }),
);
export type ListProjectsQuery = z.output<typeof listProjectsSchema>;

export const creditCodeSchema = z
  .string()
  .transform(normalizeCreditCode)
  .superRefine((v, ctx) => {
    const problem = creditCodeProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: `validation.creditCode.${problem}` });
  });

const contactSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(50),
  title: z.string().trim().max(50).optional().default(""),
  phone: z.string().trim().max(30).optional().default(""),
});

const projectFields = {
  name: z.string().trim().min(1, "validation.required").max(100),
  enterpriseName: z.string().trim().min(1, "validation.required").max(100),
  creditCode: z.preprocess(blankToUndefined, creditCodeSchema.optional()),
  industryId: idRef,
  parkId: z.preprocess((v) => (v === "" ? null : v), idRef.nullable().optional()),
  totalInvestment: decimalString,
  fixedAssetInvestment: optionalDecimal,
  foreignCapital: optionalDecimal,
  expectedAnnualOutput: optionalDecimal,
  expectedAnnualTax: optionalDecimal,
  landArea: z.preprocess(blankToUndefined, areaDecimal.optional()),
  sourceChannel: z.enum(sourceChannels, "validation.choice").default("PROFESSIONAL"),
  keyProject: z.boolean().default(false),
  leaderId: z.preprocess((v) => (v === "" ? null : v), idRef.nullable().optional()),
  contacts: z.array(contactSchema).max(20).default([]),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  description: optionalText(2000),
  plannedStartDate: nullableDate,
};

export const createProjectSchema = labelled(
  "project",
  z.object({
    ...projectFields,
    /** Link the project to this existing enterprise (chosen from the duplicate check). */
    enterpriseId: z.preprocess(blankToUndefined, idRef.optional()),
    /** Refuse with DUPLICATE_SUSPECTED (and the matches) when near-matching enterprises or projects exist. */
    checkDuplicates: z.boolean().default(false),
    /** Chain links (产业链环节) the project fills. */
    linkIds: z.array(idRef).max(20).default([]),
    code: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9][A-Z0-9-]{2,29}$/, "validation.projectCode")
        .optional(),
    ),
    ownerId: z.preprocess(blankToUndefined, idRef.optional()),
  }),
);
export type CreateProjectInput = z.input<typeof createProjectSchema>;
export type CreateProjectData = z.output<typeof createProjectSchema>;

export const updateProjectSchema = labelled(
  "project",
  z
    .object({
      name: projectFields.name,
      enterpriseName: projectFields.enterpriseName,
      creditCode: z.preprocess((v) => (v === "" ? null : v), creditCodeSchema.nullable().optional()),
      industryId: projectFields.industryId,
      parkId: projectFields.parkId,
      totalInvestment: projectFields.totalInvestment,
      fixedAssetInvestment: z.preprocess((v) => (v === "" ? null : v), decimalString.nullable().optional()),
      foreignCapital: z.preprocess((v) => (v === "" ? null : v), decimalString.nullable().optional()),
      expectedAnnualOutput: z.preprocess((v) => (v === "" ? null : v), decimalString.nullable().optional()),
      expectedAnnualTax: z.preprocess((v) => (v === "" ? null : v), decimalString.nullable().optional()),
      landArea: z.preprocess((v) => (v === "" ? null : v), areaDecimal.nullable().optional()),
      sourceChannel: z.enum(sourceChannels, "validation.choice"),
      keyProject: z.boolean(),
      ownerId: idRef,
      leaderId: projectFields.leaderId,
      contacts: z.array(contactSchema).max(20),
      tags: z.array(z.string().trim().min(1).max(20)).max(20),
      description: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(2000).nullable().optional()),
      plannedStartDate: nullableDate,
      signingDate: nullablePastDate,
      contractInvestment: z.preprocess((v) => (v === "" ? null : v), decimalString.nullable().optional()),
      registrationDate: nullablePastDate,
      constructionDate: nullablePastDate,
      completionDate: nullablePastDate,
      productionDate: nullablePastDate,
      linkIds: z.array(idRef).max(20),
    })
    .partial()
    .extend({ version: versionField }),
);
export type UpdateProjectInput = z.input<typeof updateProjectSchema>;

export const transitionSchema = labelled(
  "project",
  z.object({
    to: z.enum(stages, "validation.choice"),
    note: z.string().trim().max(1000).default(""),
    version: z.coerce.number().int().min(1).optional(),
    signingDate: optionalPastDate,
    contractInvestment: optionalDecimal,
    creditCode: z.preprocess(blankToUndefined, z.string().trim().toUpperCase().max(30).optional()),
    completionDate: optionalPastDate,
    productionDate: optionalPastDate,
    /** Offered at signing (签约周 when the signing date falls in an event's dates); only with to = SIGNED. */
    sourceChannel: z.preprocess(blankToUndefined, z.enum(sourceChannels, "validation.choice").optional()),
  }),
);
export type TransitionInput = z.input<typeof transitionSchema>;
export type TransitionData = z.output<typeof transitionSchema>;

export const activitySchema = labelled(
  "activity",
  z.object({
    type: z.enum(activityTypes, "validation.choice"),
    date: requiredPastDate,
    participants: z.string().trim().max(200).default(""),
    notes: z.string().trim().min(1, "validation.required").max(5000),
  }),
);
export type ActivityInput = z.input<typeof activitySchema>;

/** 增资扩产: an amount of new investment by the project's investor. */
export const capitalIncreaseSchema = labelled(
  "capital",
  z.object({
    date: requiredPastDate,
    amount: decimalString.refine((v) => Number(v) > 0, "validation.positive"),
    fixedAssetAmount: optionalDecimal,
    foreignCapital: optionalDecimal,
    note: z.string().trim().max(1000).default(""),
    version: z.coerce.number().int().min(1).optional(),
  }),
);
export type CapitalIncreaseInput = z.input<typeof capitalIncreaseSchema>;

// Saved views of the project grid: a name and the URL query string that restores it.
export const saveViewSchema = labelled(
  "view",
  z.object({
    name: z.string().trim().min(1, "validation.required").max(40),
    query: z
      .string()
      .max(2000)
      .transform((q) => q.replace(/^\?/, "").replace(/(^|&)page=\d+/, "")),
  }),
);

import { z } from "zod";
import { dateString, optionalDecimal, nullableDate } from "../schemas";

export const caseStates = ["DRAFT", "SUBMITTED", "IN_REVIEW", "ISSUED", "REJECTED"] as const;
export const itemStates = ["PENDING", "APPROVED", "RETURNED", "REJECTED"] as const;

const text = (max: number) => z.string().trim().max(max).default("");

/** 一表申请: the one application form every department reads. */
export const applicationSchema = z.object({
  applicant: z.string().trim().min(1, "validation.required").max(100),
  landParcel: text(100),
  floorArea: z.preprocess((v) => (v === "" ? null : v), optionalDecimal.nullable()),
  buildingUse: text(100),
  designUnit: text(100),
  constructionUnit: text(100),
  plannedStartDate: nullableDate,
  contactPerson: text(50),
  contactPhone: text(30),
  description: text(2000),
  fastTrack: z.boolean().default(false),
});
export type ApplicationInput = z.input<typeof applicationSchema>;

export const updateApplicationSchema = applicationSchema.partial().extend({ version: z.coerce.number().int().min(1, "validation.version") });

/** What a submission needs filled in (the departments review from these). */
export const requiredToSubmit = ["applicant", "landParcel", "floorArea", "buildingUse", "designUnit", "constructionUnit", "plannedStartDate"] as const;

export const versionSchema = z.object({ version: z.coerce.number().int().min(1, "validation.version") });

export const decisionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.literal("APPROVE"),
      certificateNo: z.string().trim().min(1, "validation.required").max(60),
      certificateDate: z.string({ error: "validation.required" }).min(1, "validation.required").pipe(dateString),
      note: text(1000),
      version: z.coerce.number().int().min(1, "validation.version"),
    }),
    z.object({
      action: z.literal("RETURN"),
      // One line per missing document or correction (补正材料清单).
      missing: z.preprocess(
        (v) => (typeof v === "string" ? v.split(/\r?\n/) : v),
        z.array(z.string().trim().max(200)).transform((a) => a.filter(Boolean)).pipe(z.array(z.string()).min(1, "validation.missingList").max(30)),
      ),
      note: text(1000),
      version: z.coerce.number().int().min(1, "validation.version"),
    }),
    z.object({
      action: z.literal("REJECT"),
      reason: z.string().trim().min(1, "validation.required").max(1000),
      version: z.coerce.number().int().min(1, "validation.version"),
    }),
  ],
  { error: "validation.decisionAction" },
);
export type DecisionInput = z.input<typeof decisionSchema>;

export const resubmitSchema = z.object({
  note: z.string().trim().min(1, "validation.required").max(1000),
  version: z.coerce.number().int().min(1, "validation.version"),
});

export const listCasesSchema = z.object({
  state: z.preprocess((v) => (v === "" ? undefined : v), z.enum(caseStates).optional()),
  department: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(60).optional()),
  fastTrack: z.preprocess((v) => (v === "" || v === undefined ? undefined : v === "true" || v === true), z.boolean().optional()),
  overdue: z.preprocess((v) => (v === "" || v === undefined ? undefined : v === "true" || v === true), z.boolean().optional()),
  q: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(100).optional()),
  page: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(10_000).default(1)),
  pageSize: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(200).default(20)),
});

import { z } from "zod";
import { blankToUndefined, dateString, nullableDate, optionalBool, optionalDecimal, versionField } from "../schemas";

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

export const updateApplicationSchema = applicationSchema.partial().extend({ version: versionField });

/** What a submission needs filled in (the departments review from these). */
export const requiredToSubmit = [
  "applicant",
  "landParcel",
  "floorArea",
  "buildingUse",
  "designUnit",
  "constructionUnit",
  "plannedStartDate",
] as const;

export const versionSchema = z.object({ version: versionField });

export const decisionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.literal("APPROVE"),
      certificateNo: z.string().trim().min(1, "validation.required").max(60),
      certificateDate: z.string({ error: "validation.required" }).min(1, "validation.required").pipe(dateString),
      note: text(1000),
      version: versionField,
    }),
    z.object({
      action: z.literal("RETURN"),
      // One line per missing document or correction (补正材料清单).
      missing: z.preprocess(
        (v) => (typeof v === "string" ? v.split(/\r?\n/) : v),
        z
          .array(z.string().trim().max(200))
          .transform((a) => a.filter(Boolean))
          .pipe(z.array(z.string()).min(1, "validation.missingList").max(30)),
      ),
      note: text(1000),
      version: versionField,
    }),
    z.object({
      action: z.literal("REJECT"),
      reason: z.string().trim().min(1, "validation.required").max(1000),
      version: versionField,
    }),
  ],
  { error: "validation.decisionAction" },
);
export type DecisionInput = z.input<typeof decisionSchema>;

export const resubmitSchema = z.object({
  note: z.string().trim().min(1, "validation.required").max(1000),
  version: versionField,
});

export const listCasesSchema = z.object({
  state: z.preprocess(blankToUndefined, z.enum(caseStates).optional()),
  department: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
  fastTrack: optionalBool,
  overdue: optionalBool,
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
});

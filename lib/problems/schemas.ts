import { z } from "zod";
import { shanghaiToday } from "../dates";
import {
  blankToUndefined,
  idRef,
  labelled,
  nfkc,
  optionalBool,
  optionalDate,
  optionalText,
  versionField,
} from "../schemas";
import { problemCategories, problemLevels, problemStates } from "./problem-machine";

// Inputs of 要素保障 (SPEC §5, §10). Pure: the forms check the same rules in the browser; what
// needs the database (the department's code, the project, the attachments) the use-cases check.

const prose = (max: number) => z.string("validation.required").trim().min(1, "validation.required").max(max);

/** A department as permit items give it: its code (ZRZY, FGJ …), full-width letters pasted too. */
const departmentCode = z.preprocess(
  nfkc,
  z.string("validation.choose").trim().min(1, "validation.choose").max(40, "validation.choose"),
);

/** A due date from today on (Asia/Shanghai). */
const futureDate = optionalDate.refine(
  (d) => !d || d.toISOString().slice(0, 10) >= shanghaiToday(),
  "validation.problemDuePast",
);

/** Working days as people type them (full-width digits too). */
const workingDays = z.preprocess(
  (v) => blankToUndefined(nfkc(v)),
  z.coerce.number().int("validation.integer").min(1).max(120).optional(),
);

const problemCategorySchema = z.enum(problemCategories, "validation.choice");

/**
 * Raising a problem: due on `dueDate`, or in `dueDays` working days, or in 督办规则's
 * problemDueDays when neither is given. Documents are uploaded first to the project and
 * referenced by id.
 */
export const raiseProblemSchema = labelled(
  "problem",
  z.object({
    projectId: idRef,
    title: prose(200),
    category: problemCategorySchema,
    department: departmentCode,
    dueDate: futureDate,
    dueDays: workingDays,
    description: optionalText(4000),
    attachmentIds: z.array(idRef).max(20).default([]),
    /** Raised from this 日调度 progress entry of the project (提出问题 on the entry). */
    progressEntryId: z.preprocess(blankToUndefined, idRef.optional()),
  }),
);
export type RaiseProblemInput = z.input<typeof raiseProblemSchema>;
export type RaiseProblemData = z.output<typeof raiseProblemSchema>;

/** The states a transition may go to: start, resolve, close unresolved, reopen (OPEN). */
export const problemTargets = ["IN_PROGRESS", "RESOLVED", "CLOSED_UNRESOLVED", "OPEN"] as const;

/** POST …/transitions: resolving says how (resolution); closing unresolved and reopening say why (reason). */
export const transitionProblemSchema = labelled(
  "problem",
  z
    .object({
      to: z.enum(problemTargets, "validation.choice"),
      resolution: optionalText(4000),
      reason: optionalText(1000),
      version: versionField,
    })
    .superRefine((t, ctx) => {
      if (t.to === "RESOLVED" && !t.resolution)
        ctx.addIssue({ code: "custom", path: ["resolution"], message: "validation.required" });
      if ((t.to === "CLOSED_UNRESOLVED" || t.to === "OPEN") && !t.reason)
        ctx.addIssue({ code: "custom", path: ["reason"], message: "validation.required" });
    }),
);
export type TransitionProblemInput = z.input<typeof transitionProblemSchema>;

/** POST …/escalate: why the problem goes to the next level. */
export const escalateProblemSchema = labelled("problem", z.object({ reason: prose(1000), version: versionField }));
export type EscalateProblemInput = z.input<typeof escalateProblemSchema>;

/** PATCH /api/v1/problems/{id}: any of these, with the version edited. */
export const updateProblemSchema = labelled(
  "problem",
  z.object({
    title: prose(200).optional(),
    category: problemCategorySchema.optional(),
    department: departmentCode.optional(),
    /** A new due date is from today on (the use-case checks it: the unchanged one may have passed). */
    dueDate: optionalDate,
    description: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(4000).nullable().optional()),
    version: versionField,
  }),
);
export type UpdateProblemInput = z.input<typeof updateProblemSchema>;

export const problemSorts = ["due", "-due", "created", "-created", "level", "-level"] as const;

/** GET /api/v1/problems (and the list page, and the export). */
export const listProblemsSchema = labelled(
  "problem",
  z.object({
    category: z.preprocess(blankToUndefined, problemCategorySchema.optional()),
    department: z.preprocess(blankToUndefined, departmentCode.optional()),
    level: z.preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .int()
        .refine((n) => (problemLevels as readonly number[]).includes(n), "validation.choice")
        .optional(),
    ),
    state: z.preprocess(blankToUndefined, z.enum([...problemStates, "ACTIVE"], "validation.choice").optional()),
    overdue: optionalBool,
    /** Proposed for the next level and not yet escalated. */
    proposed: optionalBool,
    projectId: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    park: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    sort: z.preprocess(blankToUndefined, z.enum(problemSorts, "validation.choice").default("due")),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
    pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
  }),
);
export type ListProblemsQuery = z.output<typeof listProblemsSchema>;

import { z } from "zod";
import { pipelineStages, warningColors, type Stage } from "../projects/stages";
import {
  blankToUndefined,
  decimalOf,
  decimalString,
  idRef,
  labelled,
  nfkc,
  optionalBool,
  optionalDate,
  optionalText,
  requiredPastDate,
  versionField,
} from "../schemas";
import { shanghaiToday } from "../dates";
import { noticeStates } from "./notice-machine";
import { compareDecimal, quarterBounds } from "./plan-dates";
import { supervisionSettingsSchema } from "./settings-schema";

// Inputs of the year's plan (责任书) and of 日调度. Pure: the forms check the same rules in the
// browser; what needs the database (the project's current stage, the leader's account,
// attachments) is checked by the use-cases.

/** A plan's year (the path's `{year}`): 2000–2100. */
const yearField = z.coerce
  .number("validation.planYear")
  .int("validation.planYear")
  .min(2000, "validation.planYear")
  .max(2100, "validation.planYear");

const stageOrder = (s: Stage) => (pipelineStages as readonly Stage[]).indexOf(s);

const milestoneSchema = z.object({
  quarter: z.coerce
    .number("validation.planQuarter")
    .int("validation.planQuarter")
    .min(1, "validation.planQuarter")
    .max(4, "validation.planQuarter"),
  stage: z.enum(pipelineStages, "validation.choice"),
  /** Cumulative investment completed by the milestone, 万元. */
  investment: decimalString,
  task: z.string("validation.required").trim().min(1, "validation.required").max(500),
  /** The quarter's last day unless set. */
  dueDate: optionalDate,
});

/**
 * A save of the plan (PUT): the year comes from the path. Milestones are the quarters 1–4
 * once each; going through the quarters, stages do not go back and cumulative investments do
 * not fall; none is beyond the year's goal; a due date lies in its quarter.
 */
export const savePlanSchema = labelled(
  "plan",
  z
    .object({
      year: yearField,
      goalStage: z.enum(pipelineStages, "validation.choice"),
      goalInvestment: decimalString.refine((v) => Number(v) > 0, "validation.positiveAmount"),
      /** The leader in charge (分包领导); the project's leader when not given. */
      leaderId: z.preprocess(blankToUndefined, idRef.optional()),
      milestones: z.array(milestoneSchema, "validation.planQuarters").max(4, "validation.planQuarters"),
      /** Required from the second save (optimistic locking). */
      version: z.preprocess(blankToUndefined, versionField.optional()),
      /** Why a signed plan changes (required then, kept in the history). */
      reason: optionalText(500),
    })
    .superRefine((p, ctx) => {
      // The rules across fields only once every field on its own is right.
      if ((ctx as unknown as { issues: unknown[] }).issues.length) return;
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
      const at = new Map<number, number>();
      p.milestones.forEach((m, i) => {
        if (at.has(m.quarter)) issue(["milestones", i, "quarter"], "validation.planQuarterTwice");
        else at.set(m.quarter, i);
      });
      if (at.size !== 4) {
        if (p.milestones.length < 4 || at.size === p.milestones.length)
          issue(["milestones"], "validation.planQuarters");
        return;
      }
      for (let q = 1; q <= 4; q++) {
        const i = at.get(q)!;
        const m = p.milestones[i];
        if (stageOrder(m.stage) > stageOrder(p.goalStage))
          issue(["milestones", i, "stage"], "validation.planStageBeyondGoal");
        if (q > 1) {
          const prev = p.milestones[at.get(q - 1)!];
          if (stageOrder(m.stage) < stageOrder(prev.stage))
            issue(["milestones", i, "stage"], "validation.planStageBackwards");
          if (compareDecimal(m.investment, prev.investment) < 0)
            issue(["milestones", i, "investment"], "validation.planInvestmentBackwards");
        }
        if (q === 4 && compareDecimal(m.investment, p.goalInvestment) > 0)
          issue(["milestones", i, "investment"], "validation.planAboveGoal");
        if (m.dueDate) {
          const { first, last } = quarterBounds(p.year, q);
          const day = m.dueDate.toISOString().slice(0, 10);
          if (day < first || day > last) issue(["milestones", i, "dueDate"], "validation.planDueInQuarter");
        }
      }
    }),
);
export type SavePlanInput = z.input<typeof savePlanSchema>;
export type SavePlanData = z.output<typeof savePlanSchema>;

/** The plan's year alone (reading or signing a plan). */
export const planYearSchema = labelled("plan", z.object({ year: yearField }));

/** 签字认领: nothing but, optionally, the version signed. */
export const signPlanSchema = labelled(
  "plan",
  z.object({ year: yearField, version: z.preprocess(blankToUndefined, versionField.optional()) }),
);

/** 日调度: a progress entry. Attachments are uploaded first and referenced by id. */
export const progressEntrySchema = labelled(
  "progress",
  z.object({
    date: requiredPastDate,
    /** Cumulative investment completed in the plan's year, 万元. */
    investmentCompleted: decimalString,
    /** Percent of the year's goal (Decimal(5, 2): 0–999.99); computed from the goal when not given. */
    percent: z.preprocess(blankToUndefined, decimalOf(3).optional()),
    note: optionalText(2000),
    problems: optionalText(2000),
    attachmentIds: z.array(idRef).max(20).default([]),
  }),
);
export type ProgressEntryInput = z.input<typeof progressEntrySchema>;

/** The progress list of a project (GET): one year's entries, or all. */
export const progressListSchema = labelled(
  "progress",
  z.object({ year: z.preprocess(blankToUndefined, yearField.optional()) }),
);

/** 日调度 overview: the day looked at (today unless given) and the grouping. */
export const dispatchQuerySchema = labelled(
  "dispatch",
  z.object({
    date: optionalDate,
    by: z.preprocess(blankToUndefined, z.enum(["owner", "leader"], "validation.choice").default("owner")),
  }),
);

// 督办通知 (SPEC §5, §10). Working days are checked here against the widest limit; the
// use-case checks them again against 督办规则 (noticeMaxDays), which only it can read.

// Working days as people type them: full-width digits pasted from documents too (NFKC).
const dayCount = () => z.coerce.number().int("validation.integer").min(1).max(120);
const workingDayCount = z.preprocess((v) => blankToUndefined(nfkc(v)), dayCount().optional());
const prose = (max: number) => z.string().trim().min(1, "validation.required").max(max);

export const issueNoticeSchema = labelled(
  "notice",
  z
    .object({
      projectId: idRef,
      /** What must be done (督办事项). */
      subject: prose(200),
      content: prose(4000),
      replyDays: workingDayCount,
      resolveDays: workingDayCount,
    })
    .refine((n) => n.replyDays === undefined || n.resolveDays === undefined || n.replyDays <= n.resolveDays, {
      path: ["resolveDays"],
      message: "validation.noticeDaysOrder",
    }),
);
export type IssueNoticeInput = z.input<typeof issueNoticeSchema>;

/** The reply: measures taken, with evidence uploaded first to the project's attachments. */
export const replyNoticeSchema = labelled(
  "notice",
  z.object({
    reply: prose(4000),
    attachmentIds: z.array(idRef, "validation.noticeEvidence").min(1, "validation.noticeEvidence").max(20),
    version: versionField,
  }),
);

export const noticeVersionSchema = labelled("notice", z.object({ version: versionField }));

export const rejectNoticeSchema = labelled("notice", z.object({ reason: prose(1000), version: versionField }));

export const extendNoticeSchema = labelled(
  "notice",
  z.object({
    days: z.preprocess((v) => blankToUndefined(nfkc(v)), dayCount()),
    reason: prose(1000),
    version: versionField,
  }),
);

/** The manager's decision on an extension request; a refusal says why. */
export const decideExtensionSchema = labelled(
  "notice",
  z
    .object({
      grant: z.boolean("validation.choose"),
      reason: z.preprocess(blankToUndefined, z.string().trim().max(1000).optional()),
      version: versionField,
    })
    .refine((d) => d.grant !== false || !!d.reason, { path: ["reason"], message: "validation.required" }),
);

export const listNoticesSchema = labelled(
  "notice",
  z.object({
    state: z.preprocess(blankToUndefined, z.enum(noticeStates, "validation.choice").optional()),
    overdue: optionalBool,
    projectId: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
    /** Notices the reader answers or issued. */
    mine: optionalBool,
    /** Notices waiting for the reader: a reply (recipients), a decision or a close (managers). */
    todo: optionalBool,
    q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
    pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
  }),
);

const aYearFrom = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;

/**
 * A manager's override of a project's colour (SPEC §5): the colour, why, and its last day
 * (inclusive: from today to a year ahead).
 */
export const warningOverrideSchema = labelled(
  "warningOverride",
  z.object({
    color: z.enum(warningColors, "validation.warningColor"),
    reason: z.string("validation.required").trim().min(1, "validation.required").max(500),
    until: z.preprocess(
      nfkc,
      z
        .string("validation.required")
        .trim()
        .min(1, "validation.required")
        .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
        .refine(
          (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
          "validation.date",
        )
        .refine((v) => v >= shanghaiToday(), "validation.overrideUntilPast")
        .refine((v) => v <= aYearFrom(shanghaiToday()), "validation.overrideUntilYear"),
    ),
    version: z.coerce.number().int().min(1).optional(),
  }),
);
export type WarningOverrideInput = z.input<typeof warningOverrideSchema>;

/** Every value of 督办规则 (its keys, in the order the page shows them). */
export const supervisionSettingKeys = Object.keys(supervisionSettingsSchema.shape) as (keyof z.infer<
  typeof supervisionSettingsSchema
>)[];

/**
 * 管理员 → 督办规则 and PUT /api/v1/settings/supervision: every value with the stored
 * `version` (409 when stale). Each value's range and the rules between them (yellow below
 * red; reply ≤ resolve ≤ longest) are those of supervisionSettingsSchema, reported at the
 * field they concern.
 */
export const updateSupervisionSettingsSchema = labelled(
  "supervisionSettings",
  z
    .object({ ...supervisionSettingsSchema.shape, version: z.coerce.number().int().min(0).max(1_000_000_000) })
    .superRefine((values, ctx) => {
      const checked = supervisionSettingsSchema.safeParse(values);
      if (checked.success) return;
      for (const issue of checked.error.issues)
        if (issue.code === "custom") ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }),
);

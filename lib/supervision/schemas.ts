import { z } from "zod";
import { pipelineStages, type Stage } from "../projects/stages";
import {
  blankToUndefined,
  decimalOf,
  decimalString,
  idRef,
  labelled,
  optionalDate,
  optionalText,
  requiredPastDate,
  versionField,
} from "../schemas";
import { compareDecimal, quarterBounds } from "./plan-dates";

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

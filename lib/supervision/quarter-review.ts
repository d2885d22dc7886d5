// 督查项目专报: the plan against the actual, quarter by quarter. Pure (no clock, no
// database): the report's loader gathers the plan, the progress entries and the stage
// history, and this module says, for each of the four milestones, where the project stood on
// its due date (or today, for one not yet due) and whether the milestone was met — with the
// colour rules' own test (milestoneMet), so the report and the colour never disagree.
import type { Stage } from "../projects/stages";
import { compareDecimal } from "./plan-dates";
import { milestoneMet, type RuleMilestone } from "./warning-rules";

export type QuarterStatus =
  /** Met by its due date (or already met, when not yet due). */
  | "MET"
  /** Not met on its due date, met since. */
  | "LATE"
  /** Its due date passed, still not met. */
  | "MISSED"
  /** Not yet due, not yet met. */
  | "OPEN";

export type QuarterReview = {
  quarter: number;
  dueDate: string;
  task: string;
  plannedStage: Stage;
  plannedInvestment: string;
  /** The day the actual figures are read at: the due date, or today for a milestone not yet due. */
  asOf: string;
  actualStage: Stage | null;
  /** Cumulative investment completed at `asOf` (the latest progress entry of the year up to that day). */
  actualInvestment: string | null;
  status: QuarterStatus;
};

export type ReviewInput = {
  today: string;
  year: number;
  milestones: (RuleMilestone & { task: string })[];
  progress: readonly { date: string; investmentCompleted: string }[];
  /** The stage history in order: the day (Asia/Shanghai) the project entered each stage. */
  stages: readonly { day: string; stage: Stage }[];
  /** The project's stage now. */
  stage: Stage;
};

/** The latest progress entry of the year up to `day` (the highest figure on a day with two). */
function investmentAt(input: ReviewInput, day: string): string | null {
  const jan1 = `${input.year}-01-01`;
  let best: { date: string; investmentCompleted: string } | null = null;
  for (const e of input.progress) {
    if (e.date < jan1 || e.date > day) continue;
    if (
      !best ||
      e.date > best.date ||
      (e.date === best.date && compareDecimal(e.investmentCompleted, best.investmentCompleted) > 0)
    )
      best = e;
  }
  return best?.investmentCompleted ?? null;
}

/** The stage the project was in at the end of `day` (null before its first recorded stage). */
function stageAt(input: ReviewInput, day: string): Stage | null {
  let at: Stage | null = null;
  for (const s of input.stages) if (s.day <= day) at = s.stage;
  return at;
}

export function reviewQuarters(input: ReviewInput): QuarterReview[] {
  const now = { stage: input.stage, investmentCompleted: investmentAt(input, input.today) };
  return [...input.milestones]
    .sort((a, b) => a.quarter - b.quarter)
    .map((m) => {
      const due = m.dueDate < input.today;
      const asOf = due ? m.dueDate : input.today;
      const actualStage = due ? stageAt(input, asOf) : input.stage;
      const actualInvestment = investmentAt(input, asOf);
      const metThen =
        actualStage !== null && milestoneMet(m, { stage: actualStage, investmentCompleted: actualInvestment });
      const status: QuarterStatus = metThen ? "MET" : !due ? "OPEN" : milestoneMet(m, now) ? "LATE" : "MISSED";
      return {
        quarter: m.quarter,
        dueDate: m.dueDate,
        task: m.task,
        plannedStage: m.stage,
        plannedInvestment: m.investment,
        asOf,
        actualStage,
        actualInvestment,
        status,
      };
    });
}

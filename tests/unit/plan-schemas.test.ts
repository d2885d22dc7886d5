// The plan's and 日调度's input rules, refused with the field's path (400 before any database).
import { isAppError, type AppError } from "../../lib/errors";
import { compareDecimal, quarterBounds, weekBounds } from "../../lib/supervision/plan-dates";
import { progressEntrySchema, savePlanSchema } from "../../lib/supervision/schemas";
import { parseInput } from "../../lib/validation";

const milestones = () => [
  { quarter: 1, stage: "SIGNED", investment: "0", task: "完成签约", dueDate: "" },
  { quarter: 2, stage: "REGISTERED", investment: "1000", task: "注册公司", dueDate: "2026-06-15" },
  { quarter: 3, stage: "APPROVING", investment: "3000", task: "办理手续" },
  { quarter: 4, stage: "CONSTRUCTION", investment: "5000", task: "开工建设" },
];
const plan = (over: Record<string, unknown> = {}) => ({
  year: 2026,
  goalStage: "CONSTRUCTION",
  goalInvestment: "5000",
  milestones: milestones(),
  ...over,
});

function refusal(schema: Parameters<typeof parseInput>[0], input: unknown): Record<string, unknown> {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (!isAppError(e)) throw e;
    expect((e as AppError).code).toBe("VALIDATION");
    return Object.fromEntries(
      Object.entries((e as AppError).fields ?? {}).map(([k, v]) => [k, typeof v === "string" ? v : v.key]),
    );
  }
  throw new Error("accepted");
}

describe("plan input", () => {
  it("accepts a plan in any order of quarters, money as exact decimals", () => {
    const data = parseInput(savePlanSchema, plan({ milestones: milestones().reverse(), goalInvestment: "1.2亿" }));
    expect(data.goalInvestment).toBe("12000.00");
    expect(data.milestones.map((m) => m.quarter)).toEqual([4, 3, 2, 1]);
    expect(data.milestones[3].dueDate).toBeUndefined();
  });

  it.each([
    ["a year before 2000", plan({ year: 1999 }), "year", "validation.planYear"],
    ["a year after 2100", plan({ year: "2101" }), "year", "validation.planYear"],
    ["three quarters", plan({ milestones: milestones().slice(0, 3) }), "milestones", "validation.planQuarters"],
    [
      "five milestones",
      plan({ milestones: [...milestones(), milestones()[0]] }),
      "milestones",
      "validation.planQuarters",
    ],
    [
      "a quarter twice",
      plan({ milestones: [...milestones().slice(0, 3), { ...milestones()[3], quarter: 3 }] }),
      "milestones.3.quarter",
      "validation.planQuarterTwice",
    ],
    [
      "quarter 5",
      plan({ milestones: [...milestones().slice(0, 3), { ...milestones()[3], quarter: 5 }] }),
      "milestones.3.quarter",
      "validation.planQuarter",
    ],
    [
      "a stage going back",
      plan({ milestones: milestones().map((m) => (m.quarter === 3 ? { ...m, stage: "SIGNED" } : m)) }),
      "milestones.2.stage",
      "validation.planStageBackwards",
    ],
    [
      "an investment below the previous quarter's",
      plan({ milestones: milestones().map((m) => (m.quarter === 3 ? { ...m, investment: "999.99" } : m)) }),
      "milestones.2.investment",
      "validation.planInvestmentBackwards",
    ],
    [
      "Q4 above the year's goal",
      plan({ goalInvestment: "4999.99" }),
      "milestones.3.investment",
      "validation.planAboveGoal",
    ],
    [
      "a stage beyond the goal",
      plan({ goalStage: "APPROVING" }),
      "milestones.3.stage",
      "validation.planStageBeyondGoal",
    ],
    [
      "a due date outside its quarter",
      plan({ milestones: milestones().map((m) => (m.quarter === 2 ? { ...m, dueDate: "2026-07-01" } : m)) }),
      "milestones.1.dueDate",
      "validation.planDueInQuarter",
    ],
    [
      "a due date of another year",
      plan({ milestones: milestones().map((m) => (m.quarter === 1 ? { ...m, dueDate: "2025-03-31" } : m)) }),
      "milestones.0.dueDate",
      "validation.planDueInQuarter",
    ],
    ["a goal of nothing", plan({ goalInvestment: "0" }), "goalInvestment", "validation.positiveAmount"],
    [
      "a goal past its column",
      plan({ goalInvestment: "1000000000000" }),
      "goalInvestment",
      "validation.decimalTooLarge",
    ],
    [
      "a milestone investment as a float with 3 places",
      plan({ milestones: milestones().map((m) => (m.quarter === 1 ? { ...m, investment: 0.125 } : m)) }),
      "milestones.0.investment",
      "validation.decimal",
    ],
    ["a stage that is not one", plan({ goalStage: "SOMEDAY" }), "goalStage", "validation.choice"],
    [
      "a blank task",
      plan({ milestones: milestones().map((m) => (m.quarter === 4 ? { ...m, task: " " } : m)) }),
      "milestones.3.task",
      "validation.required",
    ],
  ])("refuses %s", (_what, input, field, key) => {
    expect(refusal(savePlanSchema, input)).toEqual({ [field]: key });
  });
});

describe("progress input", () => {
  it("refuses a date in the future and a percent past 999.99", () => {
    expect(refusal(progressEntrySchema, { date: "2099-01-01", investmentCompleted: "10" })).toEqual({
      date: "validation.notFuture",
    });
    expect(refusal(progressEntrySchema, { date: "2026-01-05", investmentCompleted: "10", percent: "1000" })).toEqual({
      percent: "validation.decimalTooLarge",
    });
  });

  it("leaves the percent to be computed when blank", () => {
    const d = parseInput(progressEntrySchema, { date: "2026-01-05", investmentCompleted: "１２３", percent: "" });
    expect([d.investmentCompleted, d.percent, d.attachmentIds]).toEqual(["123.00", undefined, []]);
  });
});

describe("plan dates and decimals", () => {
  it("knows each quarter's days", () => {
    expect([1, 2, 3, 4].map((q) => quarterBounds(2028, q))).toEqual([
      { first: "2028-01-01", last: "2028-03-31" },
      { first: "2028-04-01", last: "2028-06-30" },
      { first: "2028-07-01", last: "2028-09-30" },
      { first: "2028-10-01", last: "2028-12-31" },
    ]);
  });

  it("finds Monday and Sunday of a week, across a year's end", () => {
    expect(weekBounds("2026-11-27")).toEqual({ monday: "2026-11-23", sunday: "2026-11-29" });
    expect(weekBounds("2026-11-23")).toEqual({ monday: "2026-11-23", sunday: "2026-11-29" });
    expect(weekBounds("2026-11-29")).toEqual({ monday: "2026-11-23", sunday: "2026-11-29" });
    expect(weekBounds("2027-01-01")).toEqual({ monday: "2026-12-28", sunday: "2027-01-03" });
  });

  it("compares decimals exactly", () => {
    expect(compareDecimal("999999999999.99", "1000000000000.00")).toBe(-1);
    expect(compareDecimal("10", "9.99")).toBe(1);
    expect(compareDecimal("0100.5", "100.50")).toBe(0);
  });
});

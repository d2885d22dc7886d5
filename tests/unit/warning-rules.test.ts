// The 红黄蓝 rule function (SPEC §5) at each rule's boundaries, and its properties.
import fc from "fast-check";
import {
  addMonths,
  colorSeverity,
  computeWarning,
  monthsBetween,
  type RuleInput,
  type RuleMilestone,
} from "../../lib/supervision/warning-rules";
import { defaultSupervisionSettings } from "../../lib/supervision/settings-schema";
import { stages, type Stage } from "../../lib/projects/stages";

const base = (over: Partial<RuleInput> = {}): RuleInput => ({
  today: "2026-07-02",
  stage: "APPROVING",
  plannedStartDate: null,
  constructionDate: null,
  plan: { year: 2026, goalStage: "CONSTRUCTION", goalInvestment: "3650.00", milestones: [] },
  progress: [],
  notices: [],
  settings: defaultSupervisionSettings,
  ...over,
});
const codes = (i: RuleInput) => computeWarning(i).reasons.map((r) => `${r.code}:${r.color}`);
const color = (i: RuleInput) => computeWarning(i).color;
const done = (amount: string, date = "2026-07-01") => [{ date, investmentCompleted: amount }];

describe("序时进度 and points behind", () => {
  // 2 July 2026 is day 183 of 365: planned 18300/365 % of a goal of 3650.00, so each 36.50
  // less completed is one point behind.
  it.each([
    ["1468.65", "9.9", "BLUE"],
    ["1466.46", "10.0", "YELLOW"], // 9.96 rounds to 10.0
    ["1465.00", "10", "YELLOW"],
    ["735.00", "30", "YELLOW"],
    ["733.54", "30.0", "YELLOW"], // 30.04 rounds to 30.0
    ["732.81", "30.1", "RED"], // 30.06 rounds to 30.1
    ["731.35", "30.1", "RED"],
    ["0", "50.1", "RED"],
  ])("completed %s → %s points behind → %s", (amount, points, want) => {
    const r = computeWarning(base({ progress: done(amount) }));
    expect(r.color).toBe(want);
    if (want === "BLUE") expect(r.reasons).toEqual([]);
    else {
      expect(r.reasons[0].code).toBe("behindSchedule");
      expect(Number(r.reasons[0].numbers.points)).toBeCloseTo(Number(points), 5);
    }
  });

  it("counts the latest entry of the year up to today, not a later or last year's one", () => {
    const progress = [
      { date: "2026-06-01", investmentCompleted: "1000.00" },
      { date: "2026-07-01", investmentCompleted: "1830.00" },
      { date: "2026-07-05", investmentCompleted: "0.00" },
      { date: "2025-12-31", investmentCompleted: "3650.00" },
    ];
    expect(color(base({ progress }))).toBe("BLUE");
  });

  it("uses the last milestone already due when it is above the straight line", () => {
    const milestones: RuleMilestone[] = [
      { quarter: 1, stage: "APPROVING", investment: "2920.00", dueDate: "2026-03-31" },
    ];
    const r = computeWarning(base({ plan: { ...base().plan!, milestones }, progress: done("2920.00") }));
    // planned 80% (milestone) against 80% done: on schedule although the straight line is at 50.1%.
    expect(r.color).toBe("BLUE");
    const behind = computeWarning(base({ plan: { ...base().plan!, milestones }, progress: done("2190.00") }));
    expect(behind.reasons.map((x) => x.code)).toContain("milestoneMissed");
    expect(behind.reasons.find((x) => x.code === "behindSchedule")?.numbers).toEqual({
      points: "20",
      planned: "80",
      actual: "60",
    });
  });

  it("has no points rule for a goal of no investment", () => {
    expect(color(base({ plan: { ...base().plan!, goalInvestment: "0.00" } }))).toBe("BLUE");
  });
});

describe("milestones", () => {
  const plan = (m: Partial<RuleMilestone>) => ({
    year: 2026,
    goalStage: "CONSTRUCTION" as Stage,
    goalInvestment: "0.00",
    milestones: [{ quarter: 2, stage: "APPROVING" as Stage, investment: "100.00", dueDate: "2026-06-30", ...m }],
  });
  it.each([
    ["2026-06-15", []],
    ["2026-06-16", ["milestoneDueSoon:YELLOW"]],
    ["2026-06-30", ["milestoneDueSoon:YELLOW"]],
    ["2026-07-01", ["milestoneMissed:RED"]],
  ])("unmet on %s → %j", (today, want) => {
    expect(codes(base({ today, plan: plan({}), progress: done("99.99", "2026-06-01") }))).toEqual(want);
  });

  it("is met by the stage and the cumulative investment together", () => {
    const today = "2026-07-01";
    expect(codes(base({ today, plan: plan({}), progress: done("100.00", "2026-06-30") }))).toEqual([]);
    expect(codes(base({ today, stage: "REGISTERED", plan: plan({}), progress: done("100", "2026-06-30") }))).toEqual([
      "milestoneMissed:RED",
    ]);
    expect(codes(base({ today, stage: "PRODUCTION", plan: plan({}), progress: done("500", "2026-06-30") }))).toEqual(
      [],
    );
  });

  it("follows a due date set before the quarter's end", () => {
    expect(codes(base({ today: "2026-05-16", plan: plan({ dueDate: "2026-05-15" }) }))).toEqual([
      "milestoneMissed:RED",
    ]);
  });
});

describe("the planned start", () => {
  const input = (today: string, over: Partial<RuleInput> = {}) =>
    base({ today, plannedStartDate: "2026-03-15", plan: { ...base().plan!, goalInvestment: "0" }, ...over });
  it.each([
    ["2026-03-15", []],
    ["2026-03-16", ["startOverdueDays:YELLOW"]],
    ["2026-04-15", ["startOverdue:YELLOW"]],
    ["2026-06-15", ["startOverdue:YELLOW"]], // exactly 3 calendar months
    ["2026-06-16", ["startOverdue:RED"]], // the day after
    ["2026-07-15", ["startOverdue:RED"]], // four months
  ])("on %s → %j", (today, want) => {
    expect(codes(input(today))).toEqual(want);
  });

  it("says by how much", () => {
    expect(computeWarning(input("2026-07-20")).reasons[0].numbers).toEqual({ date: "2026-03-15", months: 4 });
    expect(computeWarning(input("2026-03-20")).reasons[0].numbers).toEqual({ date: "2026-03-15", days: 5 });
  });

  it("does not apply once started (the stage or a start date)", () => {
    expect(codes(input("2026-07-15", { stage: "CONSTRUCTION", progress: done("0", "2026-07-14") }))).toEqual([]);
    expect(codes(input("2026-07-15", { stage: "COMPLETED" }))).toEqual([]);
    expect(codes(input("2026-07-15", { stage: "PRODUCTION" }))).toEqual([]);
    expect(codes(input("2026-07-15", { constructionDate: "2026-05-01" }))).toEqual([]);
  });

  it("counts calendar months to the day, month ends included", () => {
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(monthsBetween("2026-01-31", "2026-02-28")).toBe(1);
    expect(monthsBetween("2026-01-31", "2026-02-27")).toBe(0);
    expect(
      codes(
        input("2027-02-28", {
          plannedStartDate: "2026-11-30",
          plan: { ...base().plan!, year: 2027, goalInvestment: "0" },
        }),
      ),
    ).toEqual(["startOverdue:YELLOW"]);
    expect(
      codes(
        input("2027-03-01", {
          plannedStartDate: "2026-11-30",
          plan: { ...base().plan!, year: 2027, goalInvestment: "0" },
        }),
      ),
    ).toEqual(["startOverdue:RED"]);
  });
});

describe("no progress entry (开工在建)", () => {
  const input = (today: string, over: Partial<RuleInput> = {}) =>
    base({ today, stage: "CONSTRUCTION", plan: { ...base().plan!, goalInvestment: "0" }, ...over });
  it.each([
    ["2026-06-07", []],
    ["2026-06-08", ["noProgress:YELLOW"]],
  ])("last entry 1 June, on %s → %j", (today, want) => {
    expect(codes(input(today, { progress: done("10", "2026-06-01") }))).toEqual(want);
  });
  it("without any entry, counts from the start (or 1 January)", () => {
    expect(codes(input("2026-06-07", { constructionDate: "2026-06-01" }))).toEqual([]);
    expect(codes(input("2026-06-08", { constructionDate: "2026-06-01" }))).toEqual(["noProgress:YELLOW"]);
    expect(codes(input("2026-01-07", { constructionDate: "2025-05-01" }))).toEqual([]);
    expect(codes(input("2026-01-08", { constructionDate: "2025-05-01" }))).toEqual(["noProgress:YELLOW"]);
  });
  it("only in CONSTRUCTION", () => {
    expect(codes(input("2026-06-30", { stage: "COMPLETED", progress: done("10", "2026-06-01") }))).toEqual([]);
  });
});

describe("notices", () => {
  const notice = (over = {}) => ({
    year: 2026,
    seq: 7,
    state: "ISSUED" as const,
    replyDue: "2026-06-10",
    resolveDue: "2026-06-30",
    ...over,
  });
  const input = (today: string, n = notice()) =>
    base({ today, plan: { ...base().plan!, goalInvestment: "0" }, notices: [n] });
  it("an overdue notice turns the project RED, the due day itself is not late", () => {
    expect(codes(input("2026-06-10"))).toEqual([]);
    expect(codes(input("2026-06-11"))).toEqual(["noticeReplyOverdue:RED"]);
    expect(computeWarning(input("2026-06-11")).reasons[0].numbers).toEqual({ year: 2026, seq: 7, due: "2026-06-10" });
    expect(codes(input("2026-06-11", notice({ state: "REPLIED" })))).toEqual([]);
    expect(codes(input("2026-07-01", notice({ state: "REPLIED" })))).toEqual(["noticeResolveOverdue:RED"]);
  });
});

describe("who gets a colour", () => {
  it("NONE without a plan for today's year, and for a terminated project", () => {
    expect(computeWarning(base({ plan: null }))).toEqual({ color: "NONE", reasons: [] });
    expect(color(base({ plan: { ...base().plan!, year: 2025 } }))).toBe("NONE");
    expect(color(base({ stage: "TERMINATED" }))).toBe("NONE");
  });
  it("a suspended project is YELLOW (and RED with an overdue notice), the clock rules resting", () => {
    expect(codes(base({ stage: "SUSPENDED", plannedStartDate: "2026-01-01" }))).toEqual(["suspended:YELLOW"]);
    const notices = [
      { year: 2026, seq: 1, state: "ISSUED" as const, replyDue: "2026-06-01", resolveDue: "2026-06-20" },
    ];
    expect(codes(base({ stage: "SUSPENDED", notices }))).toEqual(["noticeResolveOverdue:RED", "suspended:YELLOW"]);
  });
  it("the worst colour wins, its reasons first", () => {
    const r = computeWarning(
      base({ progress: done("1465.00"), plannedStartDate: "2026-01-01", plan: { ...base().plan!, milestones: [] } }),
    );
    expect(r.color).toBe("RED");
    expect(r.reasons.map((x) => `${x.code}:${x.color}`)).toEqual(["startOverdue:RED", "behindSchedule:YELLOW"]);
  });
});

// ---- properties ----

const day = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
const money = fc
  .integer({ min: 0, max: 100_000_00 })
  .map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`);
const stage = fc.constantFrom(...(stages as readonly Stage[]));
const input = fc.record({
  today: day,
  stage,
  plannedStartDate: fc.option(day, { nil: null }),
  constructionDate: fc.option(day, { nil: null }),
  plan: fc.option(
    fc.record({
      year: fc.constantFrom(2026, 2025),
      goalStage: stage,
      goalInvestment: money,
      milestones: fc.array(
        fc.record({ quarter: fc.integer({ min: 1, max: 4 }), stage, investment: money, dueDate: day }),
        { maxLength: 4 },
      ),
    }),
    { nil: null },
  ),
  progress: fc.array(fc.record({ date: day, investmentCompleted: money }), { maxLength: 5 }),
  notices: fc.array(
    fc.record({
      year: fc.constant(2026),
      seq: fc.integer({ min: 1, max: 99 }),
      state: fc.constantFrom("ISSUED" as const, "REPLIED" as const, "CLOSED" as const),
      replyDue: day,
      resolveDue: day,
    }),
    { maxLength: 2 },
  ),
  settings: fc.constant(defaultSupervisionSettings),
});

describe("properties", () => {
  it("more progress (a higher latest investment) never makes the colour worse", () => {
    fc.assert(
      fc.property(input, day, money, fc.integer({ min: 1, max: 50_000_00 }), (i, latestDay, amount, extraCents) => {
        // The latest entry: on or after every other one, on or before today.
        const latestDate = latestDay <= i.today ? latestDay : i.today;
        const earlier = i.progress.filter((e) => e.date < latestDate);
        const more = (Number(amount.replace(".", "")) + extraCents).toString().padStart(3, "0");
        const higher = `${more.slice(0, -2)}.${more.slice(-2)}`;
        const a = computeWarning({ ...i, progress: [...earlier, { date: latestDate, investmentCompleted: amount }] });
        const b = computeWarning({ ...i, progress: [...earlier, { date: latestDate, investmentCompleted: higher }] });
        expect(colorSeverity(b.color)).toBeLessThanOrEqual(colorSeverity(a.color));
      }),
      { numRuns: 2000 },
    );
  });

  it("depends on the input only: the same input gives the same answer, whatever the clock says", () => {
    jest.useFakeTimers();
    try {
      fc.assert(
        fc.property(input, fc.integer({ min: 0, max: 4_000_000_000_000 }), (i, clock) => {
          jest.setSystemTime(new Date("2026-03-01T00:00:00Z"));
          const first = computeWarning(structuredClone(i));
          jest.setSystemTime(new Date(clock));
          expect(computeWarning(structuredClone(i))).toEqual(first);
        }),
        { numRuns: 500 },
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it("is NONE exactly when there is no plan for today's year or the project is terminated", () => {
    fc.assert(
      fc.property(input, (i) => {
        const none = !i.plan || i.plan.year !== 2026 || i.stage === "TERMINATED";
        expect(computeWarning(i).color === "NONE").toBe(none);
      }),
    );
  });
});

describe("三级调度: an overdue level-3 problem", () => {
  // On plan (BLUE without the problems): 2 July, 1830.00 of 3650.00 completed.
  const onPlan = (over: Partial<RuleInput> = {}) => base({ progress: done("1830.00"), ...over });

  it("due today is not overdue; due yesterday turns the project YELLOW with the count", () => {
    expect(color(onPlan({ topLevelProblems: [{ title: "供电", dueDate: "2026-07-02" }] }))).toBe("BLUE");
    const r = computeWarning(
      onPlan({
        topLevelProblems: [
          { title: "供电", dueDate: "2026-07-01" },
          { title: "用地", dueDate: "2026-06-20" },
          { title: "用工", dueDate: "2026-07-03" },
        ],
      }),
    );
    expect(r.color).toBe("YELLOW");
    expect(r.reasons).toEqual([
      { code: "problemTopLevelOverdue", color: "YELLOW", numbers: { count: 2, due: "2026-06-20" } },
    ]);
  });

  it("RED stays RED, the problem's reason beside it; no plan stays 未纳入调度", () => {
    const r = computeWarning(
      base({ progress: done("0"), topLevelProblems: [{ title: "供电", dueDate: "2026-07-01" }] }),
    );
    expect(r.color).toBe("RED");
    expect(r.reasons.map((x) => x.code)).toEqual(["behindSchedule", "problemTopLevelOverdue"]);
    expect(color(base({ plan: null, topLevelProblems: [{ title: "供电", dueDate: "2026-07-01" }] }))).toBe("NONE");
  });
});

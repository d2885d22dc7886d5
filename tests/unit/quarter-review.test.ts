// 督查项目专报's quarter table: where the project stood on each milestone's due date (or
// today), and whether the milestone was met on time, late, not at all, or is not yet due.
import { reviewQuarters, type ReviewInput } from "../../lib/supervision/quarter-review";

const base: ReviewInput = {
  today: "2026-08-15",
  year: 2026,
  stage: "CONSTRUCTION",
  milestones: [
    { quarter: 1, stage: "REGISTERED", investment: "0", task: "注册", dueDate: "2026-03-31" },
    { quarter: 2, stage: "APPROVING", investment: "1000", task: "办证", dueDate: "2026-06-30" },
    { quarter: 3, stage: "CONSTRUCTION", investment: "3000", task: "开工", dueDate: "2026-09-30" },
    { quarter: 4, stage: "CONSTRUCTION", investment: "6000", task: "主体", dueDate: "2026-12-31" },
  ],
  progress: [
    { date: "2025-12-30", investmentCompleted: "9999" },
    { date: "2026-06-30", investmentCompleted: "800" },
    { date: "2026-06-30", investmentCompleted: "900" },
    { date: "2026-07-20", investmentCompleted: "3200" },
  ],
  stages: [
    { day: "2026-01-10", stage: "SIGNED" },
    { day: "2026-03-31", stage: "REGISTERED" },
    { day: "2026-05-02", stage: "APPROVING" },
    { day: "2026-08-01", stage: "CONSTRUCTION" },
  ],
};

describe("reviewQuarters", () => {
  it("reads each past milestone at its due date and the open one today", () => {
    const r = reviewQuarters(base);
    expect(r.map((q) => [q.quarter, q.asOf, q.actualStage, q.actualInvestment, q.status])).toEqual([
      // Entered REGISTERED on the due date itself: met on time; last year's entry does not count.
      [1, "2026-03-31", "REGISTERED", null, "MET"],
      // 900 (the higher figure of the day) < 1000 on 30 June; 3200 since: met late.
      [2, "2026-06-30", "APPROVING", "900", "LATE"],
      // Not yet due, already met today.
      [3, "2026-08-15", "CONSTRUCTION", "3200", "MET"],
      [4, "2026-08-15", "CONSTRUCTION", "3200", "OPEN"],
    ]);
  });

  it("a milestone whose due date passed unmet, and still unmet, is missed; the due day itself is not yet past", () => {
    const r = reviewQuarters({
      ...base,
      today: "2026-12-31",
      progress: [{ date: "2026-12-01", investmentCompleted: "5999.99" }],
    });
    expect(r[3]).toMatchObject({ asOf: "2026-12-31", status: "OPEN" });
    const after = reviewQuarters({
      ...base,
      today: "2027-01-01",
      progress: [{ date: "2026-12-01", investmentCompleted: "5999.99" }],
    });
    expect(after[3]).toMatchObject({ asOf: "2026-12-31", status: "MISSED", actualInvestment: "5999.99" });
  });

  it("before the first recorded stage the actual stage is unknown and the milestone unmet", () => {
    const r = reviewQuarters({ ...base, stages: [{ day: "2026-04-02", stage: "REGISTERED" }] });
    expect(r[0]).toMatchObject({ actualStage: null, status: "LATE" });
  });
});

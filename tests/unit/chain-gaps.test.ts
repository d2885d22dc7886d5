import { completeness, countsForCoverage, linkStatus } from "@/lib/chains/gaps";

describe("chain gap rules", () => {
  it("MISSING with nothing, WEAK below the target, COVERED at or above it; projects count", () => {
    expect(linkStatus(0, 0, 2)).toBe("MISSING");
    expect(linkStatus(1, 0, 2)).toBe("WEAK");
    expect(linkStatus(0, 1, 2)).toBe("WEAK");
    expect(linkStatus(1, 1, 2)).toBe("COVERED");
    expect(linkStatus(0, 2, 2)).toBe("COVERED");
    expect(linkStatus(3, 0, 2)).toBe("COVERED");
    // A target of 0 still asks for one.
    expect(linkStatus(0, 0, 0)).toBe("MISSING");
    expect(linkStatus(1, 0, 0)).toBe("COVERED");
  });

  it("completeness averages each link's coverage, capped at the target", () => {
    expect(completeness([])).toBe(0);
    expect(
      completeness([
        { localEnterprises: 5, openProjects: 0, targetCount: 2 },
        { localEnterprises: 0, openProjects: 0, targetCount: 2 },
      ]),
    ).toBe(50);
    expect(
      completeness([
        { localEnterprises: 1, openProjects: 0, targetCount: 2 },
        { localEnterprises: 1, openProjects: 1, targetCount: 2 },
        { localEnterprises: 0, openProjects: 0, targetCount: 3 },
      ]),
    ).toBe(50);
    expect(completeness([{ localEnterprises: 1, openProjects: 0, targetCount: 3 }])).toBe(33);
  });
});

describe("which projects count toward coverage", () => {
  it("every stage from 洽谈 on; a 线索 only with an investment or an activity; never suspended or terminated", () => {
    const p = (stage: string, totalInvestment = "0.00", activities = 0) =>
      countsForCoverage({ stage, totalInvestment, activities });
    expect(p("LEAD")).toBe(false);
    expect(p("LEAD", "0.01")).toBe(true);
    expect(p("LEAD", "0.00", 1)).toBe(true);
    for (const stage of ["NEGOTIATING", "SIGNED", "REGISTERED", "APPROVING", "CONSTRUCTION", "COMPLETED", "PRODUCTION"])
      expect(p(stage)).toBe(true);
    expect(p("SUSPENDED", "5000.00", 3)).toBe(false);
    expect(p("TERMINATED", "5000.00", 3)).toBe(false);
  });
});

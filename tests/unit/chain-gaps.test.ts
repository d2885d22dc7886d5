import { completeness, linkStatus } from "@/lib/chains/gaps";

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

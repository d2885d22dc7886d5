// 年度目标's pure rules: quarters spread evenly (whole counts, money to the cent, adding up),
// the PUT body's checks with their fields, and progress as exact percent.
import fc from "fast-check";
import { progressPercent, quartersAddUp, spreadQuarters, sumDecimals } from "../../lib/targets/indicators";
import { saveTargetsSchema } from "../../lib/targets/schemas";
import { splitEvenly } from "../../prisma/seed-targets";

describe("spreadQuarters", () => {
  it("counts in whole numbers, the remainder on the first quarters", () => {
    expect(spreadQuarters("10.00", true)).toEqual(["3.00", "3.00", "2.00", "2.00"]);
    expect(spreadQuarters("3.00", true)).toEqual(["1.00", "1.00", "1.00", "0.00"]);
    expect(spreadQuarters("0.00", true)).toEqual(["0.00", "0.00", "0.00", "0.00"]);
  });
  it("money in cents that add up", () => {
    expect(spreadQuarters("100.01", false)).toEqual(["25.01", "25.00", "25.00", "25.00"]);
    expect(spreadQuarters("0.03", false)).toEqual(["0.01", "0.01", "0.01", "0.00"]);
  });
  it("always adds up to the annual, quarters never differ by more than one unit", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(0), max: BigInt("99999999999999") }), fc.boolean(), (cents, count) => {
        const c = count ? cents - (cents % BigInt(100)) : cents;
        const annual = `${c / BigInt(100)}.${String(c % BigInt(100)).padStart(2, "0")}`;
        const q = spreadQuarters(annual, count);
        expect(quartersAddUp(annual, q)).toBe(true);
        expect(sumDecimals(q)).toBe(annual);
        if (count) expect(q.every((x) => x.endsWith(".00"))).toBe(true);
      }),
    );
  });
  it("the seed's split over n parts adds up too", () => {
    expect(splitEvenly("30.00", 7, true)).toEqual(["5.00", "5.00", "4.00", "4.00", "4.00", "4.00", "4.00"]);
    expect(sumDecimals(splitEvenly("2000000.00", 3, false))).toBe("2000000.00");
  });
});

describe("saveTargetsSchema", () => {
  const fields = (body: unknown) => {
    const r = saveTargetsSchema.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
  };
  const item = (over: Record<string, unknown> = {}) => ({
    unit: "DISTRICT",
    indicator: "SIGNED_COUNT",
    annual: "10",
    ...over,
  });
  it("spreads missing quarters and keeps given ones", () => {
    const r = saveTargetsSchema.parse({
      year: 2026,
      items: [
        item(),
        item({ indicator: "SIGNED_INVESTMENT", annual: "12000", quarters: ["3000", "3000", "3000", "3000"] }),
      ],
    });
    expect(r.items[0]).toMatchObject({ unitId: "", quarters: ["3.00", "3.00", "2.00", "2.00"] });
    expect(r.items[1]).toMatchObject({ annual: "12000.00", quarters: ["3000.00", "3000.00", "3000.00", "3000.00"] });
  });
  it.each([
    [{ year: 1999, items: [item()] }, "year"],
    [{ year: "abc", items: [item()] }, "year"],
    [{ year: 2026, items: [] }, "items"],
    [{ year: 2026, items: [item({ annual: "-5" })] }, "items.0.annual"],
    [{ year: 2026, items: [item({ annual: "abc" })] }, "items.0.annual"],
    [{ year: 2026, items: [item({ annual: "1.5" })] }, "items.0.annual"],
    [{ year: 2026, items: [item({ quarters: ["1", "2", "3", "5"] })] }, "items.0.quarters"],
    [{ year: 2026, items: [item({ quarters: ["1", "2"] })] }, "items.0.quarters"],
    [{ year: 2026, items: [item({ unit: "PARK" })] }, "items.0.unitId"],
    [{ year: 2026, items: [item({ unitId: "x" })] }, "items.0.unitId"],
    [{ year: 2026, items: [item(), item()] }, "items.1.indicator"],
    [{ year: 2026, items: [item()], version: 0 }, "version"],
  ])("refuses %j at %s", (body, field) => {
    expect(fields(body)).toContain(field);
  });
});

describe("progressPercent", () => {
  it("is exact, one decimal, half up; null without a target", () => {
    expect(progressPercent("3.00", "6.00")).toBe(50);
    expect(progressPercent("3900.00", "6400.00")).toBe(60.9);
    expect(progressPercent("1.00", "3.00")).toBe(33.3);
    expect(progressPercent("2.00", "3.00")).toBe(66.7);
    expect(progressPercent("5.00", "0.00")).toBeNull();
  });
});

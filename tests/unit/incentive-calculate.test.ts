// 政策兑现's calculator (SPEC §6): bands at their edges, the threshold, the cap, validity and
// what each "no" says; and as properties over random measures and projects: the parts add up
// to the whole exactly, the whole is base × rate rounded half-up once (or the cap), and floats
// would have got some of them wrong.
import Decimal from "decimal.js";
import fc from "fast-check";
import { bandOf, calculateIncentive, spreadOverYears, type IncentiveMeasure } from "../../lib/incentives/calculate";

// Modelled on published measures: fixed-asset investment (万元) 1 亿–3 亿 1%, 3–5 亿 2%,
// 5–10 亿 2.5%, 10 亿 and more 3%; nothing below 1 亿; at most 2,000 万元; paid over 3 years.
const equipment: IncentiveMeasure = {
  field: "fixedAssetInvestment",
  tiers: [
    { from: "10000", to: "30000", rate: "0.01" },
    { from: "30000", to: "50000", rate: "0.02" },
    { from: "50000", to: "100000", rate: "0.025" },
    { from: "100000", to: null, rate: "0.03" },
  ],
  threshold: "10000",
  cap: "2000",
  years: 3,
  validFrom: "2025-01-01",
  validTo: "2027-12-31",
};
const project = (fixedAssetInvestment: string | null, signingDate: string | null = "2026-05-20") => ({
  fields: { fixedAssetInvestment },
  signingDate,
});

describe("calculateIncentive", () => {
  it("pays the whole base at the rate of its band; a band's upper edge belongs to the next", () => {
    expect(calculateIncentive(equipment, project("29999.99"))).toMatchObject({
      qualifies: true,
      amount: "300.00",
      reason: { code: "qualifies", rate: "0.01", capped: false },
    });
    expect(calculateIncentive(equipment, project("30000"))).toMatchObject({ amount: "600.00" });
    expect(calculateIncentive(equipment, project("52000"))).toMatchObject({ amount: "1300.00" });
  });

  it("nothing below the threshold, and says by how much it was missed", () => {
    expect(calculateIncentive(equipment, project("9999.99"))).toEqual({
      qualifies: false,
      reason: { code: "belowThreshold", base: "9999.99", threshold: "10000.00" },
      amount: "0.00",
      byYear: [],
    });
    expect(calculateIncentive(equipment, project("10000")).qualifies).toBe(true);
  });

  it("at most the cap, and says it was capped", () => {
    // 12 亿 at 3% = 3,600 万元 → the cap, 2,000.
    const r = calculateIncentive(equipment, project("120000"));
    expect(r).toMatchObject({ amount: "2000.00", reason: { capped: true } });
    expect(r.byYear).toEqual([
      { year: 2026, amount: "666.67" },
      { year: 2027, amount: "666.67" },
      { year: 2028, amount: "666.66" },
    ]);
  });

  it("only for projects signed within the validity (both ends included), with a base", () => {
    expect(calculateIncentive(equipment, project("20000", null)).reason).toEqual({ code: "notSigned" });
    expect(calculateIncentive(equipment, project("20000", "2024-12-31")).reason.code).toBe("outsideValidity");
    expect(calculateIncentive(equipment, project("20000", "2025-01-01")).qualifies).toBe(true);
    expect(calculateIncentive(equipment, project("20000", "2027-12-31")).qualifies).toBe(true);
    expect(calculateIncentive(equipment, project("20000", "2028-01-01")).reason.code).toBe("outsideValidity");
    expect(calculateIncentive(equipment, project(null)).reason).toEqual({
      code: "noBase",
      field: "fixedAssetInvestment",
    });
  });

  it("rounds half-up once, where floating point would not", () => {
    const flat = (rate: string): IncentiveMeasure => ({
      ...equipment,
      tiers: [{ from: "0", to: null, rate }],
      threshold: null,
      cap: null,
      years: 1,
    });
    // 1.40 × 0.025 = 0.035 exactly (0.034999… as a float); 5.50 × 0.03 = 0.165 (0.16499…).
    expect(calculateIncentive(flat("0.025"), project("1.40")).amount).toBe("0.04");
    expect(calculateIncentive(flat("0.03"), project("5.50")).amount).toBe("0.17");
    expect((Math.round(1.4 * 0.025 * 100) / 100).toFixed(2)).toBe("0.03");
  });
});

const money = fc.bigInt({ min: 0n, max: 99_999_999_999_99n }).map((c) => new Decimal(c.toString()).div(100).toFixed(2));
const rate = fc.integer({ min: 0, max: 10_000 }).map((bp) => new Decimal(bp).div(100_000).toString());

describe("calculateIncentive, as properties", () => {
  const measure = fc
    .record({
      edges: fc.uniqueArray(money, { minLength: 1, maxLength: 5 }),
      rates: fc.array(rate, { minLength: 5, maxLength: 5 }),
      open: fc.boolean(),
      threshold: fc.option(money, { nil: null }),
      cap: fc.option(money, { nil: null }),
      years: fc.integer({ min: 1, max: 10 }),
    })
    .map(({ edges, rates, open, threshold, cap, years }): IncentiveMeasure => {
      const sorted = [...edges].sort((a, b) => new Decimal(a).cmp(b));
      const tiers = sorted.map((from, i) => ({
        from,
        to: i + 1 < sorted.length ? sorted[i + 1] : open ? null : new Decimal(from).plus(1000).toFixed(2),
        rate: rates[i],
      }));
      return { field: "base", tiers, threshold, cap, years, validFrom: "2000-01-01", validTo: null };
    });

  it("the parts add up to the whole exactly; the whole is base × rate rounded half-up once, or the cap", () => {
    fc.assert(
      fc.property(measure, money, (m, base) => {
        const r = calculateIncentive(m, { fields: { base }, signingDate: "2026-01-01" });
        expect(r.amount).toMatch(/^\d+\.\d{2}$/);
        const sum = r.byYear.reduce((s, y) => s.plus(y.amount), new Decimal(0));
        expect(sum.toFixed(2)).toBe(r.amount);
        if (!r.qualifies) return expect(r.amount).toBe("0.00");
        expect(r.byYear).toHaveLength(m.years);
        const band = bandOf(m.tiers, new Decimal(base))!;
        const exact = new Decimal(base).mul(band.rate);
        const expected =
          m.cap !== null && exact.gt(m.cap) ? new Decimal(m.cap) : exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        expect(r.amount).toBe(expected.toFixed(2));
        if (m.cap !== null) expect(new Decimal(r.amount).lte(m.cap)).toBe(true);
        // The yearly parts differ by at most one cent.
        const parts = r.byYear.map((y) => new Decimal(y.amount));
        expect(
          Decimal.max(...parts)
            .minus(Decimal.min(...parts))
            .lte("0.01"),
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("spreads any amount over any number of years without losing a cent", () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 1, max: 30 }), (amount, years) => {
        const parts = spreadOverYears(amount, years, 2026);
        expect(parts.map((p) => p.year)).toEqual(Array.from({ length: years }, (_, i) => 2026 + i));
        expect(parts.reduce((s, p) => s.plus(p.amount), new Decimal(0)).toFixed(2)).toBe(amount);
      }),
    );
  });
});

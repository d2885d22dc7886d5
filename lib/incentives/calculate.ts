// 支持招商引资项目的若干措施 (SPEC §6): what one measure gives one project. Pure and exact:
// decimal.js throughout (never a float), the amount rounded half-up to 0.01 万元 once, at the
// end, and spread over the years it is paid in cents that add up to it exactly.
//
// A measure applies to a decimal field of the project (e.g. fixedAssetInvestment, 万元). The
// whole base is paid at the rate of the band it falls in (from ≤ base < to; `to` null = open),
// nothing below the threshold, at most the cap; only to projects signed within the measure's
// validity. Every "no" says why (a reason code and its numbers), for the 政策兑现 tab.
import Decimal from "decimal.js";

export type IncentiveTier = { from: string; to: string | null; rate: string };

export type IncentiveMeasure = {
  /** The project field the measure applies to (a decimal amount, 万元). */
  field: string;
  tiers: readonly IncentiveTier[];
  /** Nothing below this base (万元); null: no threshold. */
  threshold: string | null;
  /** At most this much in all (万元); null: no cap. */
  cap: string | null;
  /** Paid over this many years, from the year of signing. */
  years: number;
  validFrom: string;
  /** Last day of validity (inclusive); null: open-ended. */
  validTo: string | null;
};

export type IncentiveProject = {
  /** The project's decimal fields by name, as decimal strings (null when not recorded). */
  fields: Readonly<Record<string, string | null | undefined>>;
  /** "YYYY-MM-DD"; null when the project is not signed yet. */
  signingDate: string | null;
};

export type IncentiveReason =
  | { code: "qualifies"; base: string; rate: string; capped: boolean }
  | { code: "notSigned" }
  | { code: "outsideValidity"; signingDate: string; validFrom: string; validTo: string | null }
  | { code: "noBase"; field: string }
  | { code: "belowThreshold"; base: string; threshold: string }
  | { code: "noBand"; base: string };

export type IncentiveResult = {
  qualifies: boolean;
  reason: IncentiveReason;
  /** The whole amount, 万元, two decimals ("0.00" when it does not qualify). */
  amount: string;
  /** The amount per year of payment, adding up to `amount` exactly. */
  byYear: { year: number; amount: string }[];
};

const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const none = (reason: IncentiveReason): IncentiveResult => ({ qualifies: false, reason, amount: "0.00", byYear: [] });

/** The band a base falls in: from ≤ base < to (to null: no upper end). */
export function bandOf(tiers: readonly IncentiveTier[], base: Decimal): IncentiveTier | null {
  return tiers.find((t) => base.gte(t.from) && (t.to === null || base.lt(t.to))) ?? null;
}

/**
 * `amount` (万元, two decimals) paid over `years` from `firstYear`: equal parts in whole cents,
 * the cents left over going one each to the first years, so the parts add up to the amount.
 */
export function spreadOverYears(amount: string, years: number, firstYear: number): { year: number; amount: string }[] {
  const n = Math.max(1, Math.trunc(years));
  const total = new Decimal(amount).mul(100);
  const part = total.divToInt(n);
  const left = total.minus(part.mul(n)).toNumber();
  return Array.from({ length: n }, (_, i) => ({
    year: firstYear + i,
    amount: part
      .plus(i < left ? 1 : 0)
      .div(100)
      .toFixed(2),
  }));
}

export function calculateIncentive(measure: IncentiveMeasure, project: IncentiveProject): IncentiveResult {
  if (!project.signingDate) return none({ code: "notSigned" });
  const d = project.signingDate;
  if (d < measure.validFrom || (measure.validTo !== null && d > measure.validTo))
    return none({ code: "outsideValidity", signingDate: d, validFrom: measure.validFrom, validTo: measure.validTo });
  const raw = project.fields[measure.field];
  if (raw === null || raw === undefined || raw === "") return none({ code: "noBase", field: measure.field });
  const base = new Decimal(raw);
  if (measure.threshold !== null && base.lt(measure.threshold))
    return none({
      code: "belowThreshold",
      base: base.toFixed(2),
      threshold: new Decimal(measure.threshold).toFixed(2),
    });
  const band = bandOf(measure.tiers, base);
  if (!band) return none({ code: "noBand", base: base.toFixed(2) });
  const exact = base.mul(band.rate);
  const capped = measure.cap !== null && exact.gt(measure.cap);
  const amount = cents(capped ? new Decimal(measure.cap!) : exact).toFixed(2);
  return {
    qualifies: true,
    reason: { code: "qualifies", base: base.toFixed(2), rate: new Decimal(band.rate).toString(), capped },
    amount,
    byYear: spreadOverYears(amount, measure.years, Number(d.slice(0, 4))),
  };
}

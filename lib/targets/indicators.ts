// 年度目标 (SPEC §8): the indicators, which of them are counts, and the quarters of an annual
// target. Pure (no database): the form, the save and the seed use the same arithmetic, in
// integer cents (BigInt), never floats.

export const targetIndicators = [
  "SIGNED_COUNT",
  "SIGNED_INVESTMENT",
  "STARTED_COUNT",
  "COMPLETED_COUNT",
  "PRODUCTION_COUNT",
  "INVESTMENT_COMPLETED",
] as const;
export type TargetIndicator = (typeof targetIndicators)[number];

export const targetUnits = ["DISTRICT", "USER", "PARK"] as const;
export type TargetUnit = (typeof targetUnits)[number];

/** Counts are whole numbers of projects; the others are 万元 with two decimals. */
export const countIndicators: ReadonlySet<TargetIndicator> = new Set([
  "SIGNED_COUNT",
  "STARTED_COUNT",
  "COMPLETED_COUNT",
  "PRODUCTION_COUNT",
]);
export const isCountIndicator = (i: TargetIndicator) => countIndicators.has(i);

/** The project stage whose first entry in the year an indicator counts (三个一批 and 投产). */
export const indicatorStage = {
  SIGNED_COUNT: "SIGNED",
  SIGNED_INVESTMENT: "SIGNED",
  STARTED_COUNT: "CONSTRUCTION",
  COMPLETED_COUNT: "COMPLETED",
  PRODUCTION_COUNT: "PRODUCTION",
  INVESTMENT_COMPLETED: null,
} as const satisfies Record<TargetIndicator, string | null>;

const HUNDRED = BigInt(100);

/** "12.34" → 1234n (a non-negative decimal string with at most two places). */
export function toCents(v: string): bigint {
  const [i, f = ""] = v.split(".");
  return BigInt(i || "0") * HUNDRED + BigInt((f + "00").slice(0, 2));
}

/** 1234n → "12.34". */
export function fromCents(c: bigint): string {
  const neg = c < BigInt(0);
  const a = neg ? -c : c;
  return `${neg ? "-" : ""}${a / HUNDRED}.${String(a % HUNDRED).padStart(2, "0")}`;
}

/**
 * An annual target spread evenly over four quarters: counts in whole numbers, money in
 * cents; the remainder goes to the first quarters, so the four always add up to the annual.
 * 10 projects → 3, 3, 2, 2; 100.01 万元 → 25.01, 25.00, 25.00, 25.00.
 */
export function spreadQuarters(annual: string, count: boolean): string[] {
  const step = count ? HUNDRED : BigInt(1);
  const units = toCents(annual) / step;
  const four = BigInt(4);
  const base = units / four;
  const rest = Number(units % four);
  return [0, 1, 2, 3].map((q) => fromCents((base + (q < rest ? BigInt(1) : BigInt(0))) * step));
}

/** Whether four quarters add up exactly to the annual target. */
export const quartersAddUp = (annual: string, quarters: readonly string[]) =>
  quarters.reduce((s, q) => s + toCents(q), BigInt(0)) === toCents(annual);

/** Whether a decimal string is a whole number ("3.00"). */
export const isWhole = (v: string) => toCents(v) % HUNDRED === BigInt(0);

/** Exact sum of decimal strings. */
export const sumDecimals = (values: readonly string[]) => fromCents(values.reduce((s, v) => s + toCents(v), BigInt(0)));

/**
 * Progress = actual / target in percent with one decimal (half up), null without a target.
 * Exact: integer arithmetic on cents.
 */
export function progressPercent(actual: string, target: string): number | null {
  const t = toCents(target);
  if (t <= BigInt(0)) return null;
  const tenths = (toCents(actual) * BigInt(2000) + t) / (BigInt(2) * t);
  return Number(tenths) / 10;
}

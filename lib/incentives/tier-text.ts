import type { IncentiveTier } from "./calculate";
import { formatWan } from "../format";

/** A rate as a percentage, by moving the decimal point (string arithmetic): "0.025" → "2.5%". */
export function percentText(rate: string): string {
  const [i, f = ""] = rate.split(".");
  const digits = (i + f.padEnd(2, "0")).replace(/^0+(?=\d)/, "");
  const cut = digits.length - Math.max(0, f.length - 2);
  const whole = digits.slice(0, cut) || "0";
  const frac = f.length > 2 ? f.slice(2).replace(/0+$/, "") : "";
  return `${whole}${frac ? `.${frac}` : ""}%`;
}

const n = (s: string) => formatWan(s).replace(/\.00$/, "");

/** "1,000 – 5,000：1%"; the open band "≥ 50,000：3%". */
export function tierText(t: IncentiveTier): string {
  return t.to === null ? `≥ ${n(t.from)}：${percentText(t.rate)}` : `${n(t.from)} – ${n(t.to)}：${percentText(t.rate)}`;
}

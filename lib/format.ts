// Display formats shared by server and client components (pure, no floating point
// arithmetic on money: amounts arrive as decimal strings in 万元).
const zhDate = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function formatDateTime(iso: string | Date): string {
  return zhDate.format(typeof iso === "string" ? new Date(iso) : iso).replace(/\//g, "-");
}

/** "123456.50" → "123,456.50" (string arithmetic: grouping only). */
export function formatWan(amount: string): string {
  const [int, frac = "00"] = amount.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac.padEnd(2, "0").slice(0, 2)}`;
}

/** 万元 → 亿元 with two decimals, by moving the decimal point (1 亿 = 10,000 万). */
export function wanToYi(amount: string): string {
  const negative = amount.startsWith("-");
  const [int, frac = ""] = (negative ? amount.slice(1) : amount).split(".");
  const padded = int.padStart(5, "0");
  const yiInt = padded.slice(0, -4).replace(/^0+(?=\d)/, "");
  const rest = padded.slice(-4) + frac;
  // round half up at the second decimal of 亿
  let cents = Number(yiInt) * 100 + Number(rest.slice(0, 2));
  if (Number(rest[2] ?? "0") >= 5) cents += 1;
  const out = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
  return negative && cents > 0 ? `-${out}` : out;
}

/** Exact sum of decimal strings with at most two places (in integer cents). */
export function sumWan(amounts: string[]): string {
  let cents = BigInt(0);
  for (const a of amounts) {
    const [int, frac = ""] = a.split(".");
    const sign = int.startsWith("-") ? BigInt(-1) : BigInt(1);
    cents += sign * (BigInt(int.replace("-", "") || "0") * BigInt(100) + BigInt(frac.padEnd(2, "0").slice(0, 2)));
  }
  const negative = cents < BigInt(0);
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / BigInt(100)}.${String(abs % BigInt(100)).padStart(2, "0")}`;
}

/** An amount in 万元 as people read it: 万元 below 1 亿, 亿元 (two decimals, half up) from 1 亿 on. */
export function moneyParts(wan: string): { amount: string; unit: "wan" | "yi" } {
  const digits = wan.replace("-", "").split(".")[0];
  if (digits.length >= 5) return { amount: formatWan(wanToYi(wan)), unit: "yi" };
  return { amount: formatWan(wan), unit: "wan" };
}

/**
 * What people type into a 万元 field, as a decimal string of 万元 with two places: "12,000",
 * "12000万", "12000万元", "1.2亿", "3.5亿元", "15000元", full-width digits. null when it is not
 * an amount, or has more than two decimals once converted (string arithmetic, never floats).
 */
export function parseWanInput(raw: string): string | null {
  const s = raw.normalize("NFKC").replace(/[,\s]/g, "");
  const m = /^(\d+(?:\.\d+)?)(亿元|亿|万元|万|元)?$/.exec(s);
  if (!m) return null;
  const shift = m[2]?.startsWith("亿") ? 4 : m[2] === "元" ? -4 : 0;
  const [int, frac = ""] = m[1].split(".");
  let digits = int + frac;
  let point = int.length + shift;
  if (point < 1) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point, "0");
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const decimals = digits.slice(point).replace(/0+$/, "");
  if (decimals.length > 2) return null;
  return `${whole}.${decimals.padEnd(2, "0")}`;
}

// Calendar and decimal helpers of plans and 日调度, pure (the forms use them too).

const pad = (n: number) => String(n).padStart(2, "0");

/** The first and last day of a quarter of a year, "YYYY-MM-DD". */
export function quarterBounds(year: number, quarter: number): { first: string; last: string } {
  const startMonth = (quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { first: `${year}-${pad(startMonth)}-01`, last: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** A milestone's default due date: the quarter's last day. */
export const quarterEnd = (year: number, quarter: number) => quarterBounds(year, quarter).last;

/** Monday and Sunday of the week (Monday–Sunday) of a day "YYYY-MM-DD". */
export function weekBounds(day: string): { monday: string; sunday: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  const monday = new Date(d.getTime() - sinceMonday * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { monday: monday.toISOString().slice(0, 10), sunday: sunday.toISOString().slice(0, 10) };
}

/**
 * Compares two non-negative decimal strings ("1200.00", "35", "0.5") exactly, without
 * floats: -1, 0 or 1.
 */
export function compareDecimal(a: string, b: string): number {
  const norm = (v: string) => {
    const [i, f = ""] = v.trim().split(".");
    return { i: i.replace(/^0+(?=\d)/, ""), f: f.padEnd(2, "0") };
  };
  const x = norm(a);
  const y = norm(b);
  if (x.i.length !== y.i.length) return x.i.length < y.i.length ? -1 : 1;
  const width = Math.max(x.f.length, y.f.length);
  const l = x.i + x.f.padEnd(width, "0");
  const r = y.i + y.f.padEnd(width, "0");
  return l === r ? 0 : l < r ? -1 : 1;
}

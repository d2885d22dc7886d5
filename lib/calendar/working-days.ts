// Working-day arithmetic (pure): Monday to Friday, less the holidays, plus the 调休
// working weekends. Days are "YYYY-MM-DD" strings (calendar dates in Asia/Shanghai).
// Counting is arithmetic, not a walk over the days: the weekdays between two days by a
// formula, corrected by the calendar's exceptions in between (a binary search in the
// calendar's sorted exceptions) — an item started three years ago costs what one started
// yesterday does (the walk made a permit inbox of 500 such items cost seconds of CPU).

export type Calendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

export const emptyCalendar: Calendar = { holidays: new Set(), workdays: new Set() };

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a Thursday) of "YYYY-MM-DD". */
const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 0 Sunday … 6 Saturday. */
const weekdayOf = (n: number) => (((n + 4) % 7) + 7) % 7;
const isWeekday = (n: number) => {
  const w = weekdayOf(n);
  return w !== 0 && w !== 6;
};
/** Monday-to-Friday days among day numbers [0, n) (negative n: minus those among [n, 0)). */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  let count = weeks * 5;
  for (let d = weeks * 7; d < n; d++) if (isWeekday(d)) count++;
  return count;
}

export function addDays(day: string, n: number): string {
  return fromDayNumber(dayNumber(day) + n);
}

export function isWorkingDay(cal: Calendar, day: string): boolean {
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  return isWeekday(dayNumber(day));
}

/**
 * The calendar's days that differ from Monday to Friday (a weekday holiday −1, a 调休 weekend
 * +1), sorted, with the running sum of those differences: computed once per calendar.
 */
type Exceptions = { days: number[]; sums: number[] };
const exceptionsOf = new WeakMap<Calendar, Exceptions>();
function exceptions(cal: Calendar): Exceptions {
  let e = exceptionsOf.get(cal);
  if (!e) {
    const deltas = new Map<number, number>();
    for (const day of new Set([...cal.holidays, ...cal.workdays])) {
      const delta = Number(isWorkingDay(cal, day)) - Number(isWeekday(dayNumber(day)));
      if (delta) deltas.set(dayNumber(day), delta);
    }
    const days = [...deltas.keys()].sort((a, b) => a - b);
    let sum = 0;
    e = { days, sums: days.map((d) => (sum += deltas.get(d)!)) };
    exceptionsOf.set(cal, e);
  }
  return e;
}
/** The sum of the exceptions' differences on days ≤ n. */
function exceptionsUpTo(e: Exceptions, n: number): number {
  let lo = 0;
  let hi = e.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e.days[mid] <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo ? e.sums[lo - 1] : 0;
}

/** Working days among day numbers (a, b]. */
function workingBetween(cal: Calendar, a: number, b: number): number {
  if (b <= a) return 0;
  const e = exceptions(cal);
  return weekdaysBefore(b + 1) - weekdaysBefore(a + 1) + exceptionsUpTo(e, b) - exceptionsUpTo(e, a);
}

/** The day on which `n` working days after `start` have passed (`start` itself not counted); `start` for n = 0. */
export function addWorkingDays(cal: Calendar, start: string, n: number): string {
  if (n <= 0) return start;
  const a = dayNumber(start);
  // At least n working days lie in (a, hi] (a week holds five weekdays; each exception in the
  // way takes at most one): widen until they do, then the first day with n of them.
  let lo = a;
  let hi = a + Math.ceil(n / 5) * 7;
  while (workingBetween(cal, a, hi) < n) hi += 7 + (hi - a);
  while (lo + 1 < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (workingBetween(cal, a, mid) >= n) hi = mid;
    else lo = mid;
  }
  return fromDayNumber(hi);
}

/** Working days in (from, to]: 0 when `to` is not after `from`. */
export function workingDaysBetween(cal: Calendar, from: string, to: string): number {
  return workingBetween(cal, dayNumber(from), dayNumber(to));
}

// Working-day arithmetic (pure): Monday to Friday, less the holidays, plus the 调休
// working weekends. Days are "YYYY-MM-DD" strings (calendar dates in Asia/Shanghai).

export type Calendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

export const emptyCalendar: Calendar = { holidays: new Set(), workdays: new Set() };

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return toDay(d);
}

export function isWorkingDay(cal: Calendar, day: string): boolean {
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const weekday = toDate(day).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day on which `n` working days after `start` have passed (`start` itself not counted); `start` for n = 0. */
export function addWorkingDays(cal: Calendar, start: string, n: number): string {
  let day = start;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(cal, day)) left--;
  }
  return day;
}

/** Working days in (from, to]: 0 when `to` is not after `from`. */
export function workingDaysBetween(cal: Calendar, from: string, to: string): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(cal, day)) n++;
  return n;
}

// Calendar dates of the bureau (Asia/Shanghai). A date column holds that calendar date
// at 00:00 UTC, so "2026-05-01" round-trips whatever the server's own time zone.
import { timeZone } from "./i18n/config";

const ymd = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today in Shanghai as "YYYY-MM-DD". */
export function shanghaiToday(now = new Date()): string {
  return ymd.format(now);
}

/** "2026-05-01" as a stored date value (that calendar date at 00:00 UTC). */
export function storedDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Today in Shanghai as a stored date value. */
export function shanghaiTodayDate(now = new Date()): Date {
  return storedDate(shanghaiToday(now));
}

export function shanghaiYear(now = new Date()): number {
  return Number(shanghaiToday(now).slice(0, 4));
}

/** "2026-05-01" of a stored date. */
export function isoDate(d: Date | null | undefined): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

// Calendar dates of the bureau (Asia/Shanghai). A date column holds that calendar date
// at 00:00 UTC, so "2026-05-01" round-trips whatever the server's own time zone.
import { timeZone } from "./i18n/config";

const ymd = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
const ymdhms = new Intl.DateTimeFormat("en-CA", {
  timeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** A moment in Shanghai as "2026-12-01 09:30:05". */
export function shanghaiDateTime(at: Date | string): string {
  const p = Object.fromEntries(ymdhms.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

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

// Holiday periods (法定节假日 with their 调休 working days) as an admin enters them, and as
// the State Council's yearly notice (国务院办公厅关于 N 年部分节假日安排的通知) words them.
// Pure: no database, no clock; the calendar page reads a pasted notice with it before
// anything is saved, and the use-case expands the periods into calendar days with it.
import { addDays } from "../calendar/working-days";

/** A holiday from `from` to `to` (both included, weekends too) and its 调休 working weekends. */
export type HolidayPeriod = { name: string; from: string; to: string; workdays: string[] };

/** A period read from a notice line, with what the line says of its length ("共7天"). */
export type NoticePeriod = HolidayPeriod & { declaredDays: number | null; line: string };

export type NoticeReading = {
  /** The notice's year ("关于2026年部分节假日安排"), else the one given. */
  year: number;
  periods: NoticePeriod[];
  /** Lines that speak of 放假 or 上班 with dates but could not be read: shown for review, never guessed. */
  unread: string[];
};

export type CalendarEntry = { date: string; kind: "HOLIDAY" | "WORKDAY"; name: string };

/**
 * A period's 调休 working days are stored under this name ("国庆节调休上班", as the seeded
 * calendar names them), so that the period is found again by its holiday's name.
 */
export const workdayName = (name: string) => `${name}调休上班`;

/** The holiday's name of a stored day (either kind). */
export const periodNameOf = (day: Pick<CalendarEntry, "kind" | "name">) =>
  day.kind === "WORKDAY" && day.name.endsWith("调休上班") ? day.name.slice(0, -"调休上班".length) : day.name;

/** Days from `from` to `to`, both included ([] when `to` is before `from`). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length <= 366; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * What a period stores: every day of the holiday, weekends included — the notice counts
 * them ("共7天") and the month grid shows the whole holiday; a weekend day marked as a
 * holiday changes no working-day count — and each 调休 working day.
 */
export function periodDays(p: HolidayPeriod): CalendarEntry[] {
  return [
    ...daysBetween(p.from, p.to).map((date) => ({ date, kind: "HOLIDAY" as const, name: p.name })),
    ...p.workdays.map((date) => ({ date, kind: "WORKDAY" as const, name: workdayName(p.name) })),
  ];
}

/** Saturday or Sunday ("YYYY-MM-DD"). */
export const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

// ---- Reading a notice ------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, "0");

function validDay(y: number, m: number, d: number): string | null {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

type DateToken = { year?: number; month?: number; day: number; at: number };

/** "2026年10月1日", "10月1日", "7日", "2026-10-01" in order of appearance. */
function dateTokens(text: string): DateToken[] {
  const tokens: DateToken[] = [];
  const re = /(\d{4})-(\d{1,2})-(\d{1,2})|(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g;
  for (const m of text.matchAll(re)) {
    if (m[1]) tokens.push({ year: +m[1], month: +m[2], day: +m[3], at: m.index });
    else tokens.push({ year: m[4] ? +m[4] : undefined, month: m[5] ? +m[5] : undefined, day: +m[6], at: m.index });
  }
  return tokens;
}

/**
 * A token as a date: the year and month it leaves out are those of `base` (the range's
 * start, or the holiday for a working day); a month far from the base's crosses the year
 * (元旦 on 1 January worked off on 31 December before it).
 */
function resolve(t: DateToken, base: { year: number; month: number }): string | null {
  const month = t.month ?? base.month;
  let year = t.year ?? base.year;
  if (t.year === undefined && month - base.month > 6) year--;
  if (t.year === undefined && base.month - month > 6) year++;
  return validDay(year, month, t.day);
}

/** One line of a notice: "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。" */
function readLine(line: string, year: number): NoticePeriod | null {
  const m = line.match(/^\s*(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.])?\s*([^:\d,。]{1,12}?)\s*:(.+)$/);
  if (!m) return null;
  const name = m[1].trim();
  const body = m[2];
  const off = body.indexOf("放假");
  if (!name || off < 0) return null;
  const [first, second] = dateTokens(body.slice(0, off));
  if (!first?.month && !first?.year) return null;
  const from = resolve(first, { year, month: first.month ?? 1 });
  if (!from) return null;
  const start = { year: +from.slice(0, 4), month: +from.slice(5, 7) };
  const to = second ? resolve(second, start) : from;
  if (!to || to < from) return null;
  const workdays: string[] = [];
  for (const sentence of body.slice(off).split("。"))
    if (sentence.includes("上班")) {
      let base = start;
      for (const t of dateTokens(sentence.slice(0, sentence.lastIndexOf("上班")))) {
        const d = resolve(t, base);
        if (!d) return null;
        workdays.push(d);
        base = { year: +d.slice(0, 4), month: +d.slice(5, 7) };
      }
    }
  const declared = body.match(/共(\d{1,2})天/);
  return { name, from, to, workdays, declaredDays: declared ? +declared[1] : null, line: line.trim() };
}

/**
 * Reads the periods of a pasted notice, line by line: the holiday's name before the colon,
 * its first day (and last, after 至) before 放假, the working days in the sentences that end
 * in 上班. Full-width text is normalised (NFKC) and what is in brackets (周四, 农历腊月二十八)
 * is left out. A notice pasted as one paragraph is split at its numbered items.
 */
export function readHolidayNotice(text: string, fallbackYear: number): NoticeReading {
  const plain = text
    .normalize("NFKC")
    .replace(/\([^)]*\)/g, "")
    .replace(/[：]/g, ":");
  const heading = plain.match(/(\d{4})年(?:部分)?节假日/);
  const year = heading ? +heading[1] : fallbackYear;
  const lines = plain
    .replace(/。\s*(?=(?:[一二三四五六七八九十]{1,3}、))/g, "。\n")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const periods: NoticePeriod[] = [];
  const unread: string[] = [];
  for (const line of lines) {
    const p = readLine(line, year);
    if (p) periods.push(p);
    else if (/放假|上班/.test(line) && /\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}/.test(line)) unread.push(line);
  }
  periods.sort((a, b) => a.from.localeCompare(b.from));
  return { year, periods, unread };
}

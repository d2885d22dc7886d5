// 周通报 weeks (pure): Monday to Sunday, calendar days in Asia/Shanghai ("YYYY-MM-DD").
import { shanghaiToday } from "../dates";
import { addDays } from "../calendar/working-days";

export type Week = { weekStart: string; weekEnd: string };

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `day` is a real calendar date written "YYYY-MM-DD". */
export function isCalendarDay(day: string): boolean {
  if (!isoDay.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** 1 = Monday … 7 = Sunday. */
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

export const isMonday = (day: string) => isCalendarDay(day) && isoWeekday(day) === 1;

/** The week (Monday–Sunday, Shanghai) of a calendar day, or of a moment (its Shanghai day). */
export function weekOf(at: string | Date): Week {
  const day = typeof at === "string" ? at : shanghaiToday(at);
  const weekStart = addDays(day, 1 - isoWeekday(day));
  return { weekStart, weekEnd: addDays(weekStart, 6) };
}

/** The week starting on the Monday given. */
export const weekStarting = (weekStart: string): Week => ({ weekStart, weekEnd: addDays(weekStart, 6) });

/** The week before the one of `today`. */
export const previousWeek = (today: string): Week => weekOf(addDays(weekOf(today).weekStart, -7));

/** A week has ended once today (Shanghai) is past its Sunday. */
export const weekEnded = (week: Week, today: string) => today > week.weekEnd;

/** The week's bounds as moments: [Monday 00:00, next Monday 00:00) in Shanghai (UTC+8, no DST). */
export function weekMoments(week: Week): { from: Date; to: Date } {
  return {
    from: new Date(`${week.weekStart}T00:00:00+08:00`),
    to: new Date(`${addDays(week.weekEnd, 1)}T00:00:00+08:00`),
  };
}

/** The bulletin's issue number: the ISO week of its Monday (2026-11-16 → 2026 年第 47 期). */
export function issueOf(weekStart: string): { year: number; n: number } {
  // The ISO week's year is the year of its Thursday; week 1 holds the year's first Thursday.
  const thursday = addDays(weekStart, 3);
  const year = Number(thursday.slice(0, 4));
  const days = (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
  return { year, n: Math.floor(days / 7) + 1 };
}

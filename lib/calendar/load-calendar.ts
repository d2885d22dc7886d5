// The working-day calendar as stored (a few dozen rows a year), read on the transaction given:
// the app's use-cases and the demo seed (a plain Node script) read it the same way.
import type { Tx } from "../db";
import { isoDate } from "../dates";
import type { Calendar } from "./working-days";

export async function loadCalendar(db: Tx): Promise<Calendar> {
  const rows = await db.calendarDay.findMany({ select: { date: true, kind: true } });
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const r of rows) (r.kind === "HOLIDAY" ? holidays : workdays).add(isoDate(r.date)!);
  return { holidays, workdays };
}

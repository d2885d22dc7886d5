import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { addDays } from "../calendar/working-days";
import { isoDate, storedDate } from "../dates";
import { parseInput } from "../validation";
import { recomputeOpenDueDates } from "./calendar";
import { periodDays, workdayName, type HolidayPeriod } from "./holiday-notice";
import { holidayPeriodsSchema } from "./schemas";

/**
 * Saves holiday periods (typed as ranges, or read from the State Council's notice and
 * reviewed): each replaces what the calendar held for the same holiday around it (a
 * corrected 国庆节 replaces the first one, its 调休 days included) and any other entry on
 * its days; weekends inside a period are stored with it. One transaction: the days, an
 * audit row per period, and the open items' due dates recomputed once at the end.
 */
export async function saveHolidayPeriods({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "permit.admin");
  const periods: HolidayPeriod[] = parseInput(holidayPeriodsSchema, input).periods.map((p) => ({
    name: p.name,
    from: isoDate(p.from)!,
    to: isoDate(p.to)!,
    workdays: p.workdays.map((d) => isoDate(d)!).sort(),
  }));
  return getDb().$transaction(async (tx) => {
    let days = 0;
    for (const p of periods) {
      const entries = periodDays(p);
      const dates = entries.map((e) => storedDate(e.date));
      // The same holiday "around" this one: a holiday comes once a year and its 调休 days lie
      // within a few weeks of it, so 45 days either side finds it and no other year's.
      const around = {
        name: { in: [p.name, workdayName(p.name)] },
        date: { gte: storedDate(addDays(p.from, -45)), lte: storedDate(addDays(p.to, 45)) },
      };
      const where = { OR: [around, { date: { in: dates } }] };
      const before = await tx.calendarDay.findMany({ where, orderBy: { date: "asc" } });
      await tx.calendarDay.deleteMany({ where });
      await tx.calendarDay.createMany({
        data: entries.map((e) => ({ date: storedDate(e.date), kind: e.kind, name: e.name })),
      });
      days += entries.length;
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: "CalendarDay",
        entityId: `${p.from}..${p.to}`,
        action: before.length ? "period:replace" : "period:create",
        before: before.map((d) => ({ date: isoDate(d.date), kind: d.kind, name: d.name })),
        after: { ...p, days: entries },
      });
    }
    const dueDatesMoved = await recomputeOpenDueDates(tx);
    return { periods: periods.length, days, dueDatesMoved };
  });
}

import "server-only";
import { getDb, type Tx } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { loadCalendar } from "../calendar/load-calendar";
import { addWorkingDays } from "../calendar/working-days";
import { isoDate, shanghaiYear, storedDate } from "../dates";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { openCaseStates, waitingItemStates } from "./permit-machine";
import { calendarDateSchema, calendarDaySchema, yearQuerySchema } from "./schemas";

/** The holidays and 调休 working days of a year (`query.year`, this year when left out). */
export async function listCalendarDays({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "permit.read");
  const { year = shanghaiYear() } = parseInput(yearQuerySchema, query);
  const rows = await getDb().calendarDay.findMany({
    where: { date: { gte: storedDate(`${year}-01-01`), lte: storedDate(`${year}-12-31`) } },
    orderBy: { date: "asc" },
  });
  return { year, items: rows.map((r) => ({ date: isoDate(r.date)!, kind: r.kind, name: r.name })) };
}

/**
 * Open items keep their due dates right when the calendar changes (e.g. next year's
 * holidays published late in the year): recomputed from start, limit and paused days.
 * Returns how many due dates moved.
 */
export async function recomputeOpenDueDates(tx: Tx) {
  const cal = await loadCalendar(tx);
  const items = await tx.permitItem.findMany({
    where: { state: { in: [...waitingItemStates] }, case: { state: { in: [...openCaseStates] } } },
    select: { id: true, caseId: true, startDate: true, limitDays: true, pausedDays: true, dueDate: true },
  });
  const cases = new Set<string>();
  let moved = 0;
  for (const i of items) {
    const due = addWorkingDays(cal, isoDate(i.startDate)!, i.limitDays + i.pausedDays);
    if (due !== isoDate(i.dueDate)) {
      await tx.permitItem.update({ where: { id: i.id }, data: { dueDate: storedDate(due) } });
      cases.add(i.caseId);
      moved++;
    }
  }
  for (const caseId of cases) await refreshCaseDueDate(tx, caseId);
  return moved;
}

/** A case's due date: its latest item due date. */
export async function refreshCaseDueDate(tx: Tx, caseId: string) {
  const latest = await tx.permitItem.aggregate({ where: { caseId }, _max: { dueDate: true } });
  await tx.permitCase.update({ where: { id: caseId }, data: { dueDate: latest._max.dueDate } });
}

/** Adds or changes one day of the calendar (法定节假日 or 调休上班). */
export async function saveCalendarDay({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "permit.admin");
  const data = parseInput(calendarDaySchema, input);
  const weekday = data.date.getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  // A 调休 working day on a weekday changes nothing: refuse the mistake. A holiday on a
  // weekend is part of its period (国庆节 1–7 October, 共7天) and is kept as such.
  if (data.kind === "WORKDAY" && !weekend)
    throw new AppError("VALIDATION", { fields: { date: "validation.workdayOnWeekday" } });
  return getDb().$transaction(async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { date: data.date } });
    const row = await tx.calendarDay.upsert({
      where: { date: data.date },
      create: data,
      update: { kind: data.kind, name: data.name },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "CalendarDay",
      entityId: isoDate(data.date)!,
      action: before ? "update" : "create",
      before,
      after: row,
    });
    await recomputeOpenDueDates(tx);
    return { date: isoDate(row.date)!, kind: row.kind, name: row.name };
  });
}

export async function deleteCalendarDay({ actor, date }: { actor: Actor; date: string }) {
  assertCan(actor, "permit.admin");
  const day = parseInput(calendarDateSchema, { date }).date;
  return getDb().$transaction(async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { date: day } });
    if (!before) throw new AppError("NOT_FOUND");
    await tx.calendarDay.delete({ where: { date: day } });
    await writeAudit(tx, { actorId: actor.id, entityType: "CalendarDay", entityId: date, action: "delete", before });
    await recomputeOpenDueDates(tx);
    return { ok: true };
  });
}

/**
 * The years through which open items' clocks run (from their start to their due date)
 * that have no holiday recorded: their due dates count weekends only, and will move when
 * the year's holidays are entered. With the number of open items concerned.
 */
export async function calendarGaps({ actor }: { actor: Actor }) {
  assertCan(actor, "permit.calendarGaps");
  const open = (states: readonly string[]) => states.map((s) => `'${s}'`).join(", ");
  const rows = await getDb().$queryRawUnsafe<{ year: number; items: number }[]>(
    `select y.year::int as year, count(*)::int as items
       from permit_items i
       join permit_cases c on c.id = i."caseId"
       cross join lateral generate_series(extract(year from i."startDate")::int, extract(year from i."dueDate")::int) as y(year)
      where i.state in (${open(waitingItemStates)}) and c.state in (${open(openCaseStates)})
        and not exists (select 1 from calendar_days d
                         where d.kind = 'HOLIDAY' and extract(year from d.date)::int = y.year)
      group by y.year
      order by y.year`,
  );
  return rows;
}

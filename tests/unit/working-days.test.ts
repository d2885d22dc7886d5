import fc from "fast-check";
import {
  addDays,
  addWorkingDays,
  emptyCalendar,
  isWorkingDay,
  workingDaysBetween,
  type Calendar,
} from "@/lib/calendar/working-days";
import { holidays2026 } from "@/prisma/seed-data";

const cal2026: Calendar = {
  holidays: new Set(holidays2026.filter((d) => d.kind === "HOLIDAY").map((d) => d.date)),
  workdays: new Set(holidays2026.filter((d) => d.kind === "WORKDAY").map((d) => d.date)),
};

describe("working days (2026 official calendar)", () => {
  it("knows weekends, holidays and make-up working days", () => {
    expect(isWorkingDay(cal2026, "2026-11-27")).toBe(true); // Friday
    expect(isWorkingDay(cal2026, "2026-11-28")).toBe(false); // Saturday
    expect(isWorkingDay(cal2026, "2026-10-01")).toBe(false); // 国庆
    expect(isWorkingDay(cal2026, "2026-10-10")).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(cal2026, "2026-02-14")).toBe(true); // Saturday before 春节, 调休上班
    expect(isWorkingDay(cal2026, "2026-02-16")).toBe(false); // 春节 Monday
    expect(isWorkingDay(cal2026, "2026-01-04")).toBe(true); // Sunday, 调休上班
  });

  it("adds working days across the National Day holiday and its make-up Saturday", () => {
    // From Tue 29 Sep: Wed 30 Sep (1); 1–7 Oct off; Thu 8 (2), Fri 9 (3), Sat 10 调休 (4), Mon 12 (5).
    expect(addWorkingDays(cal2026, "2026-09-29", 5)).toBe("2026-10-12");
    expect(workingDaysBetween(cal2026, "2026-09-29", "2026-10-12")).toBe(5);
    // 20 working days over 春节 (15–23 Feb off, 14 and 28 Feb worked).
    expect(addWorkingDays(cal2026, "2026-02-10", 20)).toBe("2026-03-16");
  });

  it("counts nothing backwards or on the same day, and a plain week is five days", () => {
    expect(workingDaysBetween(cal2026, "2026-11-27", "2026-11-27")).toBe(0);
    expect(workingDaysBetween(cal2026, "2026-11-27", "2026-11-20")).toBe(0);
    expect(workingDaysBetween(cal2026, "2026-11-20", "2026-11-27")).toBe(5);
    expect(addWorkingDays(cal2026, "2026-11-27", 0)).toBe("2026-11-27");
  });

  it("addWorkingDays and workingDaysBetween agree (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 360 }), fc.integer({ min: 0, max: 60 }), (offset, n) => {
        const start = addDays("2026-01-01", offset);
        const due = addWorkingDays(cal2026, start, n);
        expect(workingDaysBetween(cal2026, start, due)).toBe(n);
        if (n > 0) {
          expect(isWorkingDay(cal2026, due)).toBe(true);
          expect(workingDaysBetween(cal2026, start, addDays(due, -1))).toBe(n - 1);
        }
      }),
    );
  });

  it("counts as a walk over the days would, for any calendar and any span (property)", () => {
    // The reference: the day-by-day walk the arithmetic replaced.
    const walkBetween = (cal: Calendar, from: string, to: string) => {
      let n = 0;
      for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(cal, day)) n++;
      return n;
    };
    const walkAdd = (cal: Calendar, start: string, n: number) => {
      let day = start;
      for (let left = n; left > 0;) {
        day = addDays(day, 1);
        if (isWorkingDay(cal, day)) left--;
      }
      return day;
    };
    const day = fc.integer({ min: -800, max: 800 }).map((o) => addDays("2026-06-15", o));
    const calendar = fc
      .record({ holidays: fc.array(day, { maxLength: 60 }), workdays: fc.array(day, { maxLength: 20 }) })
      .map(({ holidays, workdays }): Calendar => ({ holidays: new Set(holidays), workdays: new Set(workdays) }));
    fc.assert(
      fc.property(calendar, day, day, fc.integer({ min: 0, max: 400 }), (cal, from, to, n) => {
        expect(workingDaysBetween(cal, from, to)).toBe(walkBetween(cal, from, to));
        expect(addWorkingDays(cal, from, n)).toBe(walkAdd(cal, from, n));
      }),
      { numRuns: 300 },
    );
    // Across the years 1970 (day 0) and 2000 (a leap century), and many years at once.
    expect(workingDaysBetween(emptyCalendar, "1969-12-25", "1970-01-08")).toBe(10);
    expect(workingDaysBetween(emptyCalendar, "1999-12-31", "2100-12-31")).toBe(
      walkBetween(emptyCalendar, "1999-12-31", "2100-12-31"),
    );
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
  });
});

import {
  issueOf,
  isCalendarDay,
  isMonday,
  previousWeek,
  weekEnded,
  weekMoments,
  weekOf,
  weekStarting,
} from "../../lib/bulletins/week";

describe("bulletin weeks (Monday–Sunday, Asia/Shanghai)", () => {
  it("finds the Monday and Sunday of any day", () => {
    expect(weekOf("2026-11-18")).toEqual({ weekStart: "2026-11-16", weekEnd: "2026-11-22" });
    expect(weekOf("2026-11-16")).toEqual({ weekStart: "2026-11-16", weekEnd: "2026-11-22" });
    expect(weekOf("2026-11-22")).toEqual({ weekStart: "2026-11-16", weekEnd: "2026-11-22" });
  });

  it("crosses the year boundary", () => {
    expect(weekOf("2027-01-01")).toEqual({ weekStart: "2026-12-28", weekEnd: "2027-01-03" });
    expect(weekOf("2026-12-31")).toEqual({ weekStart: "2026-12-28", weekEnd: "2027-01-03" });
    expect(previousWeek("2027-01-04")).toEqual({ weekStart: "2026-12-28", weekEnd: "2027-01-03" });
    expect(weekStarting("2026-12-28").weekEnd).toBe("2027-01-03");
  });

  it("reads a moment in Shanghai time: Sunday 23:59 there is Sunday 15:59 UTC, Monday 00:00 is a new week", () => {
    expect(weekOf(new Date("2026-11-22T15:59:00Z"))).toEqual({ weekStart: "2026-11-16", weekEnd: "2026-11-22" });
    expect(weekOf(new Date("2026-11-22T16:00:00Z"))).toEqual({ weekStart: "2026-11-23", weekEnd: "2026-11-29" });
    const { from, to } = weekMoments(weekStarting("2026-11-16"));
    expect(from.toISOString()).toBe("2026-11-15T16:00:00.000Z");
    expect(to.toISOString()).toBe("2026-11-22T16:00:00.000Z");
    expect(new Date("2026-11-22T15:59:59Z") < to).toBe(true);
  });

  it("accepts only a real Monday as a week's start", () => {
    expect(isMonday("2026-11-16")).toBe(true);
    expect(isMonday("2026-11-17")).toBe(false);
    expect(isMonday("2026-11-22")).toBe(false);
    expect(isMonday("2026-02-30")).toBe(false);
    expect(isMonday("2026-11-16T00:00")).toBe(false);
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
  });

  it("a week has ended once today is past its Sunday", () => {
    const w = weekStarting("2026-11-16");
    expect(weekEnded(w, "2026-11-22")).toBe(false);
    expect(weekEnded(w, "2026-11-23")).toBe(true);
  });

  it("numbers the issues by ISO week, the year of the week's Thursday", () => {
    expect(issueOf("2026-11-16")).toEqual({ year: 2026, n: 47 });
    expect(issueOf("2026-12-28")).toEqual({ year: 2026, n: 53 });
    expect(issueOf("2025-12-29")).toEqual({ year: 2026, n: 1 });
    expect(issueOf("2027-01-04")).toEqual({ year: 2027, n: 1 });
  });
});

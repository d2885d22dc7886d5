// Which run of a scheduled job a moment belongs to (lib/jobs/slot.ts): its day, hour or
// minute in Asia/Shanghai, whatever the server's own time zone.
import { dailyTimePassed, jobSlot } from "../../lib/jobs/slot";
import { queueDefinitions } from "../../lib/jobs/queues";

describe("job slots", () => {
  it("are Shanghai's day, hour and minute", () => {
    // 16:30 UTC on 27 November is 00:30 on the 28th in Shanghai (the daily recompute).
    const at = new Date("2026-11-27T16:30:12Z");
    expect(jobSlot(at, "day")).toBe("2026-11-28");
    expect(jobSlot(at, "hour")).toBe("2026-11-28T00");
    expect(jobSlot(at, "minute")).toBe("2026-11-28T00:30");
    expect(jobSlot(new Date("2026-11-27T15:59:59Z"), "day")).toBe("2026-11-27");
    expect(jobSlot(new Date("2026-12-31T16:00:00Z"), "hour")).toBe("2027-01-01T00");
  });

  it("a job sent a few seconds after its cron time (pg-boss's schedule) is in that time's slot", () => {
    expect(jobSlot(new Date("2026-11-27T00:00:04Z"), "hour")).toBe("2026-11-27T08");
    expect(jobSlot(new Date("2026-11-27T00:00:04Z"), "minute")).toBe("2026-11-27T08:00");
  });

  it("every scheduled queue is once per a slot no longer than its cron's period", () => {
    const scheduled = Object.values(queueDefinitions).filter((q) => q.cron);
    expect(scheduled.map((q) => q.name).sort()).toEqual(
      [
        "bulletins.weekly",
        "imports.recover",
        "notices.reminders",
        "permits.due-reminders",
        "problems.escalation-proposals",
        "warnings.recompute-daily",
        "webhooks.deliver",
      ].sort(),
    );
    for (const q of scheduled) {
      const [minute, hour] = q.cron!.split(" ");
      const period = minute === "*" ? "minute" : hour === "*" || hour.includes("-") ? "hour" : "day";
      expect([q.name, q.once]).toEqual([q.name, period]);
    }
  });

  it("a daily schedule has come round today from its minute on, in Shanghai time (the start-up catch-up)", () => {
    // 00:29 and 00:30 Shanghai = 16:29 and 16:30 UTC the day before.
    expect(dailyTimePassed("30 0 * * *", new Date("2026-11-27T16:29:59Z"))).toBe(false);
    expect(dailyTimePassed("30 0 * * *", new Date("2026-11-27T16:30:00Z"))).toBe(true);
    expect(dailyTimePassed("0 8 * * *", new Date("2026-11-27T23:59:00Z"))).toBe(false);
    expect(dailyTimePassed("0 8 * * *", new Date("2026-11-28T00:00:00Z"))).toBe(true);
    // Not a daily schedule: never caught up.
    expect(dailyTimePassed("* * * * *", new Date())).toBe(false);
    expect(dailyTimePassed("0 8-20 * * *", new Date())).toBe(false);
  });
});

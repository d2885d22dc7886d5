// A daily job whose time came while no instance was up (the 00:30 recompute after a night's
// outage) runs when the app starts — once, however many instances start.
import PgBoss from "pg-boss";
import { getDb } from "../../lib/db";
import { jobSchema } from "../../lib/jobs/boss";
import { attachWorkers } from "../../lib/jobs/runner";
import { jobSlot } from "../../lib/jobs/slot";

jest.setTimeout(60_000);

const instance = () => new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: jobSchema, max: 3 }).start();

describe("start-up catch-up of daily jobs", () => {
  const bosses: PgBoss[] = [];
  const runs: number[] = [];

  afterAll(async () => {
    for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
    await new Promise((r) => setTimeout(r, 1500));
  });

  it("two instances starting after 00:30 run the day's recompute once; before 00:30 nothing is sent", async () => {
    // 00:10 Shanghai: the day's 00:30 has not come, nothing to catch up.
    const early = await instance();
    bosses.push(early);
    await attachWorkers(early, {
      queues: ["warnings.recompute-daily"],
      now: new Date("2026-11-27T16:10:00Z"),
      pollingIntervalSeconds: 0.5,
      handlers: { "warnings.recompute-daily": async () => (runs.push(0), { projects: 0, changed: 0 }) },
    });
    await new Promise((r) => setTimeout(r, 2000));
    expect(runs).toEqual([]);

    // 09:00 Shanghai: both instances start and send the catch-up; the day's slot runs it once.
    for (const n of [1, 2]) {
      const boss = await instance();
      bosses.push(boss);
      await attachWorkers(boss, {
        queues: ["warnings.recompute-daily"],
        now: new Date("2026-11-28T01:00:00Z"),
        pollingIntervalSeconds: 0.5,
        handlers: { "warnings.recompute-daily": async () => (runs.push(n), { projects: 0, changed: 0 }) },
      });
    }
    const end = Date.now() + 20_000;
    while (Date.now() < end && !(await getDb().jobRun.count({ where: { name: "warnings.recompute-daily" } })))
      await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 3000));
    expect(runs).toHaveLength(1);
    const slots = await getDb().jobRun.findMany({ where: { name: "warnings.recompute-daily" } });
    expect(slots.map((s) => s.slot)).toEqual([jobSlot(new Date(), "day")]);
  });
});

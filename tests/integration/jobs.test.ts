// The job runner (lib/jobs): with two app instances on one database (two PgBoss instances,
// each with its worker set and schedules), a scheduled job's run happens once per slot —
// whether the schedule fires on both or the same slot's job is sent twice — while a job sent
// on demand runs each time. The permit near-due reminder writes one inbox entry per
// approver, item and day, however often it runs.
import PgBoss from "pg-boss";
import { addDays, addWorkingDays } from "../../lib/calendar/working-days";
import { shanghaiToday, storedDate } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { jobSchema } from "../../lib/jobs/boss";
import { attachWorkers } from "../../lib/jobs/runner";
import { ensureQueues } from "../../lib/jobs/send-job";
import { runOnce } from "../../lib/jobs/run-once";
import { jobSlot } from "../../lib/jobs/slot";
import { loadCalendar } from "../../lib/calendar/load-calendar";
import { sendPermitDueReminders } from "../../lib/permits/due-reminders";
import { createDepartment, createPermitItem, createProject, createUser } from "../factories";

jest.setTimeout(60_000);

const until = async (check: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out");
};

/** One app instance's PgBoss, as lib/jobs/boss.ts makes it, checking its schedules every second. */
const instance = () =>
  new PgBoss({
    connectionString: process.env.DATABASE_URL!,
    schema: jobSchema,
    max: 3,
    cronMonitorIntervalSeconds: 1,
    cronWorkerIntervalSeconds: 1,
  }).start();

describe("job runner with two instances on one database", () => {
  const bosses: PgBoss[] = [];
  const calls: { instance: number; data: Record<string, unknown> }[] = [];
  const effects: string[] = [];
  let noticeAttempts = 0;

  const due = { approver: "", item: "" };

  beforeAll(async () => {
    // An item due today, there before the schedules first fire.
    const department = await createDepartment({ kind: "PERMIT" });
    due.approver = (await createUser({ role: "APPROVER", departmentId: department.id })).id;
    due.item = (await createPermitItem({ projectId: (await createProject()).id, departmentId: department.id })).id;
    for (const n of [1, 2]) {
      const boss = await instance();
      bosses.push(boss);
      await attachWorkers(boss, {
        pollingIntervalSeconds: 0.5,
        // The daily reminder is made due every minute, so both instances' schedules fire now.
        crons: { "permits.due-reminders": "* * * * *" },
        handlers: {
          "permits.due-reminders": async (data) => {
            calls.push({ instance: n, data });
            // Takes a moment, so that a second run for the slot would overlap the first.
            await new Promise((r) => setTimeout(r, 500));
            effects.push(`reminders ${calls.length}`);
            return sendPermitDueReminders({});
          },
          "notices.reminders": async () => {
            if (++noticeAttempts === 1) throw new Error("the first attempt fails");
            return { sent: 0 };
          },
          "warnings.recompute-daily": async (data) => {
            calls.push({ instance: n, data: { ...data, queue: "warnings" } });
            effects.push("recompute");
            return { projects: 0, changed: 0 };
          },
        },
      });
    }
  });

  afterAll(async () => {
    for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
    // As lib/jobs/boss.ts does: pg-boss lets go of its stopped workers a second later.
    await new Promise((r) => setTimeout(r, 1500));
  });

  const runs = (name: string) => getDb().jobRun.findMany({ where: { name } });

  it("the schedule fires on both instances: the job's run happens once for its slot", async () => {
    await until(async () => (await runs("permits.due-reminders")).some((r) => r.finishedAt));
    // Both timekeepers have had several chances to send it by now.
    await new Promise((r) => setTimeout(r, 4000));
    const scheduled = calls.filter((c) => c.data.scheduled && !c.data.queue);
    expect(scheduled).toHaveLength(1);
    const [run] = await runs("permits.due-reminders");
    expect(run.slot).toBe(shanghaiToday());
    expect(run.result).toEqual({ sent: 1 });
    expect(await getDb().notification.count({ where: { userId: due.approver, entityId: due.item } })).toBe(1);
  });

  it("the same slot's job sent twice, once through each instance: it runs once", async () => {
    const before = effects.filter((e) => e === "recompute").length;
    await Promise.all(
      bosses.map((boss) => boss.send("warnings.recompute-daily", { scheduled: true }, { retryLimit: 0 })),
    );
    await until(async () => (await runs("warnings.recompute-daily")).some((r) => r.finishedAt));
    await until(async () => (await bosses[0].getQueueSize("warnings.recompute-daily", { before: "completed" })) === 0);
    expect(effects.filter((e) => e === "recompute").length - before).toBe(1);
    expect((await runs("warnings.recompute-daily")).map((r) => r.slot)).toEqual([jobSlot(new Date(), "day")]);
  });

  it("a job sent on demand (not from the schedule) runs each time", async () => {
    const before = effects.filter((e) => e === "recompute").length;
    await bosses[0].send("warnings.recompute-daily", { reason: "settings" });
    await bosses[1].send("warnings.recompute-daily", { reason: "settings" });
    await until(async () => effects.filter((e) => e === "recompute").length - before === 2);
  });

  it("a run that fails gives its slot back, and pg-boss's retry runs it", async () => {
    await bosses[0].send("notices.reminders", { scheduled: true }, { retryLimit: 2, retryDelay: 0 });
    await until(async () => (await runs("notices.reminders")).some((r) => r.finishedAt));
    expect(noticeAttempts).toBe(2);
    expect(await runs("notices.reminders")).toHaveLength(1);
  });

  it("runOnce: a failure rolls the claim back; a finished slot is not run again", async () => {
    const name = "test.once";
    const slot = "2026-01-01T00:00";
    await expect(runOnce({ name, slot }, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await getDb().jobRun.count({ where: { name, slot } })).toBe(0);
    expect(await runOnce({ name, slot }, async () => ({ ok: true }))).toEqual({ ran: true, result: { ok: true } });
    expect(await runOnce({ name, slot }, async () => ({ ok: true }))).toEqual({ ran: false });
  });

  it("runOnce keeps a job's runs for two weeks", async () => {
    const name = "test.keep";
    await getDb().jobRun.create({ data: { name, slot: "old", startedAt: new Date(Date.now() - 15 * 86_400_000) } });
    await getDb().jobRun.create({ data: { name, slot: "recent", startedAt: new Date(Date.now() - 13 * 86_400_000) } });
    await runOnce({ name, slot: "now" }, async () => null);
    expect((await getDb().jobRun.findMany({ where: { name } })).map((r) => r.slot).sort()).toEqual(["now", "recent"]);
  });
});

describe("instances starting together", () => {
  it("create the queues without a deadlock (pg-boss's queue creation, in turns)", async () => {
    // Three instances on a fresh job schema each, three times: without the turns, pg-boss's
    // partition DDL deadlocked in every round.
    for (const round of [1, 2, 3]) {
      const schema = `pgboss_together${round}`;
      const bosses = await Promise.all(
        [1, 2, 3].map(() => new PgBoss({ connectionString: process.env.DATABASE_URL!, schema, max: 3 }).start()),
      );
      try {
        const results = await Promise.allSettled(bosses.map((b) => ensureQueues(b)));
        expect(
          results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
        ).toEqual([]);
        expect((await bosses[0].getQueues()).length).toBeGreaterThanOrEqual(5);
      } finally {
        for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
      }
    }
  });
});

describe("permit near-due reminders", () => {
  it("each approver of the department, per pending item due within 2 working days or overdue, once a day", async () => {
    const db = getDb();
    const department = await createDepartment({ kind: "PERMIT" });
    const other = await createDepartment({ kind: "PERMIT" });
    const approvers = [
      await createUser({ role: "APPROVER", departmentId: department.id }),
      await createUser({ role: "APPROVER", departmentId: department.id }),
    ];
    const inactive = await createUser({ role: "APPROVER", departmentId: department.id, active: false });
    const elsewhere = await createUser({ role: "APPROVER", departmentId: other.id });
    const project = await createProject();
    const today = shanghaiToday();
    const cal = await loadCalendar(db);
    const item = async (due: string, state: "PENDING" | "RETURNED" = "PENDING") => {
      const i = await createPermitItem({ projectId: project.id, departmentId: department.id });
      return db.permitItem.update({ where: { id: i.id }, data: { dueDate: storedDate(due), state } });
    };
    const overdue = await item(addDays(today, -5));
    const soon = await item(addWorkingDays(cal, today, 2));
    const later = await item(addWorkingDays(cal, today, 3));
    const returned = await item(addWorkingDays(cal, today, 1), "RETURNED");

    expect(await sendPermitDueReminders({ today })).toEqual({ sent: 4 });
    expect(await sendPermitDueReminders({ today })).toEqual({ sent: 0 });

    for (const a of approvers) {
      const rows = await db.notification.findMany({ where: { userId: a.id }, orderBy: { createdAt: "asc" } });
      expect(rows.map((r) => r.entityId).sort()).toEqual([overdue.id, soon.id].sort());
      expect(rows.every((r) => r.kind === "permitItemDue" && r.href?.includes(`item=${r.entityId}`))).toBe(true);
      expect(rows.find((r) => r.entityId === overdue.id)!.params).toMatchObject({ overdue: 1 });
      expect(rows.find((r) => r.entityId === soon.id)!.params).toMatchObject({ overdue: 0 });
    }
    expect(await db.notification.count({ where: { userId: { in: [inactive.id, elsewhere.id] } } })).toBe(0);
    expect(await db.notification.count({ where: { entityId: { in: [later.id, returned.id] } } })).toBe(0);

    // The next working day, still pending: reminded again, and the third item is now near due.
    const next = addWorkingDays(cal, today, 1);
    await sendPermitDueReminders({ today: next });
    const again = await db.notification.findMany({
      where: { userId: { in: approvers.map((a) => a.id) }, dedupeKey: { endsWith: `:${next}` } },
    });
    expect(again.map((r) => r.entityId).sort()).toEqual(
      [overdue.id, soon.id, later.id, overdue.id, soon.id, later.id].sort(),
    );
  });
});

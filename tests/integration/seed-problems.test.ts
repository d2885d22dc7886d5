// The demo's 要素保障 (prisma/seed-problems.ts) on top of the supervision story: the mix of
// states and levels, overdue level-3 problems colouring their (already YELLOW/RED) projects,
// a proposal for the managers, stats to show — and a second run adds nothing.
import { getDb } from "../../lib/db";
import { shanghaiToday } from "../../lib/dates";
import { homeTasks } from "../../lib/home/tasks";
import { actorOf } from "../factories";
import { problemStats } from "../../lib/problems/problem-stats";
import { listProblems } from "../../lib/problems/problem-queries";
import { seedProblems } from "../../prisma/seed-problems";
import { useSeededDatabase } from "../support/seeded";

const today = shanghaiToday();

describe("the seeded problems", () => {
  beforeAll(async () => {
    // seed() runs seedSupervision (the story's letters, progress and notices).
    await useSeededDatabase();
    await seedProblems(getDb() as never, today);
  }, 180_000);

  const manager = () =>
    getDb()
      .user.findUniqueOrThrow({ where: { username: "manager" }, include: { department: true } })
      .then(actorOf);

  it("raises a dozen problems across categories, departments, states and levels", async () => {
    const rows = await getDb().problem.findMany({ include: { department: true, events: true } });
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.category)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.map((r) => r.department.code)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((r) => r.state))).toEqual(
      new Set(["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED_UNRESOLVED"]),
    );
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set([1, 2, 3]));
    const overdueTop = rows.filter(
      (r) => r.level === 3 && ["OPEN", "IN_PROGRESS"].includes(r.state) && r.dueDate.toISOString().slice(0, 10) < today,
    );
    expect(overdueTop.length).toBe(2);
    // Every problem's timeline starts with RAISED and its escalations say from which level to which.
    for (const r of rows) {
      const events = [...r.events].sort((a, b) => a.at.getTime() - b.at.getTime());
      expect(events[0].action).toBe("RAISED");
      expect(events.filter((e) => e.action === "ESCALATED").length).toBe(r.level - 1);
    }
    expect(rows.some((r) => r.progressEntryId)).toBe(true);
  });

  it("colours the projects with overdue level-3 problems (already YELLOW/RED) with the reason; the story keeps its colours", async () => {
    const project = (code: string) =>
      getDb().project.findUniqueOrThrow({ where: { code }, select: { warning: true, warningReasons: true } });
    const codes = (r: unknown) => (r as { code: string }[]).map((x) => x.code);
    const zhongpeng = await project("NH-2026-0005");
    expect(zhongpeng.warning).toBe("YELLOW");
    expect(codes(zhongpeng.warningReasons)).toContain("problemTopLevelOverdue");
    const kelaifu = await project("NH-2026-0001");
    expect(kelaifu.warning).toBe("RED");
    expect(codes(kelaifu.warningReasons)).toContain("problemTopLevelOverdue");
    const runhui = await project("NH-2026-0002");
    expect([runhui.warning, codes(runhui.warningReasons)]).toEqual(["BLUE", []]);
  });

  it("has numbers for the list, the stats and the managers' 待办", async () => {
    const actor = await manager();
    const stats = await problemStats({ actor, query: {} });
    expect(stats.resolved).toBe(4);
    expect(stats.averageDays).toBeGreaterThan(0);
    expect((await listProblems({ actor, query: { overdue: "true" } })).total).toBeGreaterThanOrEqual(3);
    const proposed = (await homeTasks({ actor })).find((t) => t.id === "problemsProposed")!;
    expect(proposed.count).toBe(2);
  });

  it("writes nothing the second time", async () => {
    const db = getDb();
    const count = () =>
      Promise.all([db.problem.count(), db.problemEvent.count(), db.auditLog.count(), db.notification.count()]);
    const before = await count();
    await seedProblems(db as never, today);
    expect(await count()).toEqual(before);
  });
});

// The demo's 督查督办 (prisma/seed-supervision.ts): the colours the seed leaves are the rules'
// own, and tell the story — whenever the demo is started (dates count from today).
import { getDb } from "../../lib/db";
import { shanghaiToday } from "../../lib/dates";
import { homeTasks } from "../../lib/home/tasks";
import { listNotifications } from "../../lib/notifications/list-notifications";
import { dispatchOverview } from "../../lib/supervision/dispatch-overview";
import { noticeOverdue } from "../../lib/supervision/notice-overdue";
import { seed } from "../../prisma/seed";
import { actorOf } from "../factories";
import { useSeededDatabase } from "../support/seeded";

const today = shanghaiToday();
const year = Number(today.slice(0, 4));

describe("the seeded supervision story", () => {
  beforeAll(async () => {
    await useSeededDatabase();
  }, 120_000);

  const project = (code: string) =>
    getDb().project.findUniqueOrThrow({
      where: { code },
      select: {
        id: true,
        warning: true,
        warningComputed: true,
        warningReasons: true,
        warningOverrideColor: true,
        warningOverrideReason: true,
      },
    });
  const codes = (reasons: unknown) => (reasons as { code: string }[]).map((r) => r.code);

  it("colours each story project as the rules say, with its reasons", async () => {
    const runhui = await project("NH-2026-0002");
    expect([runhui.warning, codes(runhui.warningReasons)]).toEqual(["BLUE", []]);
    const zhongpeng = await project("NH-2026-0005");
    expect(zhongpeng.warning).toBe("YELLOW");
    expect(codes(zhongpeng.warningReasons).some((c) => c.startsWith("startOverdue"))).toBe(true);
    const kelaifu = await project("NH-2026-0001");
    expect(kelaifu.warning).toBe("RED");
    expect(codes(kelaifu.warningReasons)).toContain("noticeResolveOverdue");
    const carbon = await project("NH-2026-0090");
    expect(carbon.warning).toBe("RED");
    expect(codes(carbon.warningReasons)).toContain("startOverdue");
    // Overridden: YELLOW by the manager, the rules' BLUE beside it.
    const antunni = await project("NH-2026-0003");
    expect([antunni.warning, antunni.warningComputed, antunni.warningOverrideColor]).toEqual([
      "YELLOW",
      "BLUE",
      "YELLOW",
    ]);
    expect(antunni.warningOverrideReason).toContain("产能爬坡");
    // No letter this year: 未纳入调度; next year's waits for the leader.
    const kaiying = await project("NH-2026-0004");
    expect(kaiying.warning).toBe("NONE");
    const draft = await getDb().projectPlan.findUniqueOrThrow({
      where: { projectId_year: { projectId: kaiying.id, year: year + 1 } },
    });
    expect(draft.signedAt).toBeNull();
    // Every colour has its history row, the override its own.
    const sources = await getDb().warningChange.findMany({ where: { projectId: antunni.id }, orderBy: { at: "asc" } });
    expect(sources.map((c) => [c.to, c.source])).toEqual([
      ["BLUE", "COMPUTED"],
      ["YELLOW", "OVERRIDE"],
    ]);
  });

  it("has notices in each state, numbered without gaps, the unanswered one overdue", async () => {
    const all = await getDb().supervisionNotice.findMany({ where: { year }, orderBy: { seq: "asc" } });
    // The story's three, then the 协调会's decision (prisma/seed-meetings.ts): one sequence, no gaps.
    expect(all.map((n) => [n.seq, n.meetingId !== null])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    const notices = all.filter((n) => n.meetingId === null);
    expect(new Set(notices.map((n) => n.state))).toEqual(new Set(["CLOSED", "REPLIED", "ISSUED"]));
    const issued = notices.find((n) => n.state === "ISSUED")!;
    const clock = (d: Date) => d.toISOString().slice(0, 10);
    expect(
      noticeOverdue(
        { state: issued.state, replyDue: clock(issued.replyDue), resolveDue: clock(issued.resolveDue) },
        today,
      ).overdue,
    ).toBe(true);
    expect((await getDb().noticeCounter.findUniqueOrThrow({ where: { year } })).last).toBe(4);
    const events = await getDb().noticeEvent.findMany({ where: { noticeId: notices[0].id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["ISSUED", "REPLIED", "CLOSED"]);
  });

  it("leaves unread notifications and 待办 for the roles that supervise, and a dispatch overview to read", async () => {
    const db = getDb();
    const user = (username: string) =>
      db.user.findUniqueOrThrow({ where: { username }, include: { department: true } }).then(actorOf);
    const [staff, leader, manager] = await Promise.all(["staff", "leader", "manager"].map(user));
    for (const actor of [staff, leader, manager]) {
      const { unread } = await listNotifications({ actor, query: { unread: "true" }, locale: "zh-CN" });
      expect([actor.username, unread > 0]).toEqual([actor.username, true]);
    }
    const leaderTasks = await homeTasks({ actor: leader });
    expect(leaderTasks.find((t) => t.id === "plansToSign")?.count).toBe(1);
    expect(leaderTasks.find((t) => t.id === "noticesTodo")?.count).toBeGreaterThanOrEqual(1);
    const managerTasks = await homeTasks({ actor: manager });
    expect(managerTasks.find((t) => t.id === "redProjects")?.count).toBeGreaterThanOrEqual(2);
    expect(managerTasks.find((t) => t.id === "overdueNotices")?.count).toBe(1);
    // Reported until yesterday: not today.
    const overview = await dispatchOverview({ actor: manager, today });
    expect(overview.notToday.length).toBeGreaterThanOrEqual(4);
  });

  it("writes nothing the second time", async () => {
    const db = getDb();
    const count = () =>
      Promise.all([
        db.projectPlan.count(),
        db.progressEntry.count(),
        db.supervisionNotice.count(),
        db.warningChange.count(),
        db.notification.count(),
        db.problem.count(),
        db.problemEvent.count(),
        db.meeting.count(),
        db.meetingAgendaItem.count(),
        db.bulletin.count(),
        db.auditLog.count(),
      ]);
    const before = await count();
    await seed(db as never);
    expect(await count()).toEqual(before);
  });
});

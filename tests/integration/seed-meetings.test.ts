// The demo's meetings (prisma/seed-meetings.ts) on a fresh database after the supervision
// story: a signed-off 协调会 whose decisions became problems and a notice linked to it, next
// month's 月例会 with the proposed agenda; a second run adds nothing.
import { getDb } from "../../lib/db";
import { shanghaiToday } from "../../lib/dates";
import { seedMeetings, seededMeetingTitles } from "../../prisma/seed-meetings";
import { seedProblems } from "../../prisma/seed-problems";
import { useSeededDatabase } from "../support/seeded";

const today = shanghaiToday();

describe("the seeded meetings", () => {
  beforeAll(async () => {
    // seed() runs seedSupervision (the story's letters, colours and notices); then the problems
    // (some escalated to levels 2 and 3), then the meetings, in the order the demo seeds them.
    await useSeededDatabase();
    await seedProblems(getDb() as never, today);
    await seedMeetings(getDb() as never, today);
  }, 180_000);

  it("a 协调会 two weeks ago, signed off by its chair, with minutes and decisions linked to it", async () => {
    const titles = seededMeetingTitles(today);
    const m = await getDb().meeting.findFirstOrThrow({
      where: { title: titles.coordination },
      include: { items: { orderBy: { position: "asc" } }, problems: true, notices: true, chair: true },
    });
    expect(m).toMatchObject({ kind: "COORDINATION", state: "CLOSED", signedOffById: m.chairId });
    expect(m.chair.username).toBe("leader");
    const days = (Date.now() - m.startsAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(13);
    expect(days).toBeLessThan(15);
    expect(m.items.length).toBeGreaterThanOrEqual(3);
    expect(m.items.length).toBeLessThanOrEqual(4);
    expect(m.items.every((i) => i.minutes)).toBe(true);
    expect(m.problems).toHaveLength(2);
    for (const p of m.problems) {
      expect(p.agendaItemId).not.toBeNull();
      expect(m.items.map((i) => i.id)).toContain(p.agendaItemId);
      expect(p.state).toBe("OPEN");
    }
    expect(m.notices).toHaveLength(1);
    expect(m.items.map((i) => i.id)).toContain(m.notices[0].agendaItemId);
    const audit = await getDb().auditLog.findMany({ where: { entityType: "Meeting", entityId: m.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "signOff"]);
  });

  it("next month's 月例会 is planned with the proposed agenda: RED projects first, with reasons", async () => {
    const titles = seededMeetingTitles(today);
    const m = await getDb().meeting.findFirstOrThrow({
      where: { title: titles.monthly },
      include: { items: { orderBy: { position: "asc" }, include: { project: true } } },
    });
    expect(m).toMatchObject({ kind: "MONTHLY", state: "PLANNED" });
    expect(m.startsAt.toISOString() > new Date().toISOString()).toBe(true);
    expect(m.items.length).toBeGreaterThan(2);
    expect(m.items[0]).toMatchObject({ kind: "PROJECT" });
    expect(m.items[0].project?.warning).toBe("RED");
    expect((m.items[0].reasons as { message: string }[])[0].message).toBeTruthy();
    const kinds = m.items.map((i) => i.kind);
    expect(kinds).toContain("NOTICE");
    const open = await getDb().problem.findMany({
      where: { level: { in: [2, 3] }, state: { in: ["OPEN", "IN_PROGRESS"] } },
      select: { id: true, level: true },
    });
    const onAgenda = m.items.filter((i) => i.kind === "PROBLEM").map((i) => i.problemId);
    // The 12 first proposals; the story's level-3 problems come before its level-2 ones.
    if (m.items.length < 12) expect(onAgenda.sort()).toEqual(open.map((p) => p.id).sort());
    const colours = m.items.filter((i) => i.kind === "PROJECT").map((i) => i.project?.warning);
    expect(colours.indexOf("YELLOW")).toBeGreaterThan(colours.lastIndexOf("RED"));
  });

  it("a second run adds nothing", async () => {
    const db = getDb();
    const count = async () => [
      await db.meeting.count(),
      await db.meetingAgendaItem.count(),
      await db.problem.count(),
      await db.supervisionNotice.count(),
      await db.auditLog.count({ where: { entityType: "Meeting" } }),
    ];
    const before = await count();
    await seedMeetings(db as never, today);
    expect(await count()).toEqual(before);
  });
});

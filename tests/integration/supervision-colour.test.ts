// 红黄蓝 kept and explained: the colour recomputed inside changes and by the daily job, written
// only when it changes, the manager's override and its end, the API fields and refusals.
import { GET as projectRoute } from "../../app/api/v1/projects/[id]/route";
import { GET as listRoute } from "../../app/api/v1/projects/route";
import { DELETE as endRoute, POST as overrideRoute } from "../../app/api/v1/projects/[id]/warning-override/route";
import { GET as historyRoute } from "../../app/api/v1/projects/[id]/warnings/route";
import { POST as recomputeRoute } from "../../app/api/v1/warnings/recompute/route";
import { getDb } from "../../lib/db";
import { shanghaiToday } from "../../lib/dates";
import { moveProjectStage } from "../../lib/projects/move-stage";
import { recomputeAllWarnings } from "../../lib/supervision/recompute-all";
import { recomputeWarning } from "../../lib/supervision/recompute-warning";
import { addMonths } from "../../lib/supervision/warning-rules";
import { actorOf, callRoute as call, createProject, createUser, sessionCookie } from "../factories";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const plusDays = (d: string, n: number) => new Date(day(d).getTime() + n * 86_400_000).toISOString().slice(0, 10);
// The rules on a fixed day (recomputeWarning takes today), the override API on the real one.
const FIXED = "2026-11-27";

type Users = { manager: Awaited<ReturnType<typeof createUser>>; leader: Awaited<ReturnType<typeof createUser>> };
let users: Users;

async function dispatched(
  over: {
    year?: number;
    plannedStartDate?: string | null;
    stage?: "APPROVING" | "CONSTRUCTION" | "SIGNED";
    goal?: string;
    constructionDate?: string;
  } = {},
) {
  const p = await createProject({ leaderId: users.leader.id });
  await getDb().project.update({
    where: { id: p.id },
    data: {
      stage: over.stage ?? "APPROVING",
      plannedStartDate: over.plannedStartDate ? day(over.plannedStartDate) : null,
      constructionDate: over.constructionDate ? day(over.constructionDate) : null,
    },
  });
  await getDb().projectPlan.create({
    data: {
      projectId: p.id,
      year: over.year ?? 2026,
      goalStage: "CONSTRUCTION",
      goalInvestment: over.goal ?? "0",
      leaderId: users.leader.id,
      createdById: users.manager.id,
    },
  });
  return p;
}
const recompute = (id: string, today = FIXED) =>
  getDb().$transaction((tx) => recomputeWarning(tx, id, { actorId: null, today }));
const colourOf = (id: string) =>
  getDb().project.findUniqueOrThrow({
    where: { id },
    select: { warning: true, warningComputed: true, warningReasons: true, warningOverrideColor: true },
  });
const changes = (projectId: string) =>
  getDb().warningChange.findMany({ where: { projectId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

beforeAll(async () => {
  users = {
    manager: await createUser({ role: "MANAGER", displayName: "王建国" }),
    leader: await createUser({ role: "LEADER" }),
  };
});

describe("recomputeWarning", () => {
  it("a planned start four months past without a start is RED, with that reason; leader and owner are told", async () => {
    const p = await dispatched({ plannedStartDate: addMonths(FIXED, -4) });
    const outcome = await recompute(p.id);
    expect(outcome).toMatchObject({ warning: "RED", computed: "RED", changed: true });
    const row = await colourOf(p.id);
    expect(row.warning).toBe("RED");
    expect(row.warningReasons).toEqual([
      { code: "startOverdue", color: "RED", numbers: { date: addMonths(FIXED, -4), months: 4 } },
    ]);
    const history = await changes(p.id);
    expect(history.map((c) => [c.from, c.to, c.source])).toEqual([["NONE", "RED", "COMPUTED"]]);
    const told = await getDb().notification.findMany({ where: { entityId: p.id, kind: "warningRed" } });
    expect(told.map((n) => n.userId).sort()).toEqual([p.ownerId, users.leader.id].sort());
  });

  it("one a month past is YELLOW", async () => {
    const p = await dispatched({ plannedStartDate: addMonths(FIXED, -1) });
    expect((await recompute(p.id))?.warning).toBe("YELLOW");
    expect((await colourOf(p.id)).warningReasons).toEqual([
      { code: "startOverdue", color: "YELLOW", numbers: { date: addMonths(FIXED, -1), months: 1 } },
    ]);
  });

  it("no plan for the year: NONE, and nothing written", async () => {
    const p = await dispatched({ year: 2025, plannedStartDate: addMonths(FIXED, -4) });
    expect(await recompute(p.id)).toMatchObject({ warning: "NONE", changed: false });
    expect(await changes(p.id)).toEqual([]);
  });

  it("progress entries that close the gap turn it BLUE; history rows only when the colour or the rules change", async () => {
    const p = await dispatched({ stage: "CONSTRUCTION", constructionDate: "2026-01-05", goal: "1000" });
    // 27 November: 331 of 365 days, 90.7% planned, nothing done.
    await getDb().progressEntry.create({
      data: {
        projectId: p.id,
        date: day("2026-11-26"),
        investmentCompleted: "100",
        percent: "10",
        createdById: p.ownerId,
      },
    });
    expect((await recompute(p.id))?.warning).toBe("RED");
    // The next day: the points move, the rule does not — the project row follows, no new history row.
    expect(await recompute(p.id, "2026-11-28")).toMatchObject({ warning: "RED", changed: true });
    expect((await changes(p.id)).length).toBe(1);
    expect(await recompute(p.id, "2026-11-28")).toMatchObject({ changed: false });
    await getDb().progressEntry.create({
      data: {
        projectId: p.id,
        date: day("2026-11-27"),
        investmentCompleted: "750",
        percent: "75",
        createdById: p.ownerId,
      },
    });
    expect((await recompute(p.id))?.warning).toBe("YELLOW");
    await getDb().progressEntry.create({
      data: {
        projectId: p.id,
        date: day("2026-11-27"),
        investmentCompleted: "950",
        percent: "95",
        createdById: p.ownerId,
      },
    });
    expect(await recompute(p.id)).toMatchObject({ warning: "BLUE", reasons: [] });
    expect((await changes(p.id)).map((c) => [c.from, c.to])).toEqual([
      ["NONE", "RED"],
      ["RED", "YELLOW"],
      ["YELLOW", "BLUE"],
    ]);
    expect(await recompute(p.id)).toMatchObject({ changed: false });
    expect((await changes(p.id)).length).toBe(3);
  });

  it("an overdue notice turns the project RED", async () => {
    const p = await dispatched();
    expect((await recompute(p.id))?.warning).toBe("BLUE");
    await getDb().supervisionNotice.create({
      data: {
        year: 2026,
        seq: 9001,
        projectId: p.id,
        subject: "督办",
        content: "请加快",
        issuedById: users.manager.id,
        leaderId: users.leader.id,
        ownerId: p.ownerId,
        replyDays: 3,
        resolveDays: 15,
        replyDue: day("2026-11-20"),
        resolveDue: day("2026-12-10"),
      },
    });
    const outcome = await recompute(p.id);
    expect(outcome?.warning).toBe("RED");
    expect(outcome?.reasons).toEqual([
      { code: "noticeReplyOverdue", color: "RED", numbers: { year: 2026, seq: 9001, due: "2026-11-20" } },
    ]);
  });

  it("a stage move recomputes in the same transaction: starting ends the overdue start", async () => {
    const year = Number(shanghaiToday().slice(0, 4));
    const p = await dispatched({ year, plannedStartDate: addMonths(shanghaiToday(), -4) });
    await getDb().$transaction((tx) => recomputeWarning(tx, p.id));
    expect((await colourOf(p.id)).warning).toBe("RED");
    const moved = await moveProjectStage({
      actor: actorOf(users.manager),
      projectId: p.id,
      input: { to: "CONSTRUCTION", note: "容缺开工", version: 1 },
    });
    expect(moved.warning).toBe("BLUE");
    expect((await colourOf(p.id)).warning).toBe("BLUE");
    expect((await changes(p.id)).at(-1)).toMatchObject({ from: "RED", to: "BLUE", byId: users.manager.id });
  });
});

describe("recomputeAllWarnings", () => {
  it("writes what changed, ends expired overrides, and a second run right after writes nothing", async () => {
    const red = await dispatched({ plannedStartDate: addMonths(FIXED, -5) });
    const expired = await dispatched({ plannedStartDate: addMonths(FIXED, -5) });
    await getDb().project.update({
      where: { id: expired.id },
      data: {
        warning: "YELLOW",
        warningComputed: "RED",
        warningOverrideColor: "YELLOW",
        warningOverrideReason: "协调中",
        warningOverrideUntil: day(plusDays(FIXED, -1)),
        warningOverrideById: users.manager.id,
        warningOverrideAt: new Date(),
      },
    });
    const live = await dispatched({ plannedStartDate: addMonths(FIXED, -5) });
    await getDb().project.update({
      where: { id: live.id },
      data: {
        warning: "BLUE",
        warningOverrideColor: "BLUE",
        warningOverrideUntil: day(FIXED),
        warningOverrideReason: "x",
      },
    });
    const first = await recomputeAllWarnings({ today: FIXED });
    expect(first.projects).toBeGreaterThanOrEqual(3);
    expect(first.changed).toBeGreaterThanOrEqual(3);
    expect(first.overridesEnded).toBe(1);
    expect((await colourOf(red.id)).warning).toBe("RED");
    expect(await colourOf(expired.id)).toMatchObject({ warning: "RED", warningOverrideColor: null });
    expect((await changes(expired.id)).map((c) => [c.from, c.to, c.source])).toEqual([
      ["YELLOW", "RED", "OVERRIDE_ENDED"],
    ]);
    // The live override (last day today) holds; the computed colour is kept beside it.
    expect(await colourOf(live.id)).toMatchObject({
      warning: "BLUE",
      warningComputed: "RED",
      warningOverrideColor: "BLUE",
    });

    const rowsBefore = await getDb().warningChange.count();
    const second = await recomputeAllWarnings({ today: FIXED });
    expect(second).toMatchObject({ projects: first.projects, changed: 0, overridesEnded: 0 });
    expect(await getDb().warningChange.count()).toBe(rowsBefore);
  });
});

describe("the API", () => {
  let manager: string;
  let staff: string;
  let leader: string;
  let projectId: string;
  const year = () => Number(shanghaiToday().slice(0, 4));
  const today = () => shanghaiToday();
  const override = (body: unknown, cookie = manager, id = projectId) =>
    call(overrideRoute, `/api/v1/projects/${id}/warning-override`, { method: "POST", cookie, body, id });

  beforeAll(async () => {
    manager = await sessionCookie(users.manager);
    leader = await sessionCookie(users.leader);
    const p = await dispatched({ year: year(), plannedStartDate: addMonths(today(), -4) });
    projectId = p.id;
    staff = await sessionCookie({ id: p.ownerId });
    await getDb().$transaction((tx) => recomputeWarning(tx, p.id));
  });

  it("a manager overrides RED to YELLOW; the computed RED and its reasons stay beside it", async () => {
    const until = plusDays(today(), 30);
    const { status, body } = await override({ color: "YELLOW", reason: "已协调用地，下周开工", until });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      warning: "YELLOW",
      warningComputed: "RED",
      warningOverride: { color: "YELLOW", reason: "已协调用地，下周开工", until, by: { name: "王建国" } },
    });
    expect(body.warningReasons).toEqual([
      expect.objectContaining({
        code: "startOverdue",
        message: `计划开工 ${addMonths(today(), -4)}，已逾期 4 个月未开工`,
      }),
    ]);

    const detail = await call(projectRoute, `/api/v1/projects/${projectId}`, { cookie: manager, id: projectId });
    expect(detail.body).toMatchObject({
      warning: "YELLOW",
      warningComputed: "RED",
      warningOverride: { color: "YELLOW" },
    });
    const en = await call(projectRoute, `/api/v1/projects/${projectId}`, {
      cookie: `${manager}; NEXT_LOCALE=en`,
      id: projectId,
    });
    expect(en.body.warningReasons[0].message).toBe(
      `Planned start ${addMonths(today(), -4)}: not started, 4 months overdue`,
    );
    const code = (await getDb().project.findUniqueOrThrow({ where: { id: projectId } })).code;
    const list = await call(listRoute, `/api/v1/projects?q=${code}`, { cookie: manager });
    expect(list.body.items[0]).toMatchObject({
      id: projectId,
      warning: "YELLOW",
      warningReasons: [expect.objectContaining({ code: "startOverdue" })],
      warningOverride: expect.objectContaining({ color: "YELLOW", until }),
    });
    // Filtering by colour filters the effective one.
    const yellow = await call(listRoute, `/api/v1/projects?q=${code}&warning=YELLOW`, { cookie: manager });
    expect(yellow.body.total).toBe(1);
    const redOnes = await call(listRoute, `/api/v1/projects?q=${code}&warning=RED`, { cookie: manager });
    expect(redOnes.body.total).toBe(0);
  });

  it("the colour history with reasons in words, who and why", async () => {
    const { status, body } = await call(historyRoute, `/api/v1/projects/${projectId}/warnings`, {
      cookie: staff,
      id: projectId,
    });
    expect(status).toBe(200);
    expect(body.items.map((i: { from: string; to: string; source: string }) => [i.from, i.to, i.source])).toEqual([
      ["RED", "YELLOW", "OVERRIDE"],
      ["NONE", "RED", "COMPUTED"],
    ]);
    expect(body.items[0]).toMatchObject({ reason: "已协调用地，下周开工", by: { name: "王建国" }, computed: "RED" });
    expect(body.items[1].reasons[0].message).toContain("已逾期 4 个月未开工");
    expect(body.quarter.days.find((d: { day: string }) => d.day === today()).color).toBe("YELLOW");
    const audit = await getDb().auditLog.findMany({ where: { entityId: projectId, action: "warning:override" } });
    expect(audit.length).toBe(1);
  });

  it("refuses: not a manager (403), no reason or a bad last day (400), nothing changed", async () => {
    const body = { color: "BLUE", reason: "理由", until: today() };
    expect((await override(body, staff)).status).toBe(403);
    expect((await override(body, leader)).status).toBe(403);
    const noReason = await override({ color: "BLUE", reason: " ", until: today() });
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.error.fields)).toEqual(["reason"]);
    const past = await override({ color: "BLUE", reason: "理由", until: plusDays(today(), -1) });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.until).toBe("有效期不能早于今天");
    expect((await override({ color: "BLUE", reason: "理由", until: plusDays(today(), 400) })).status).toBe(400);
    expect((await override({ color: "NONE", reason: "理由", until: today() })).status).toBe(400);
    expect((await colourOf(projectId)).warning).toBe("YELLOW");
    const undispatched = await createProject();
    const none = await override(body, manager, undispatched.id);
    expect([none.status, none.body.error.code]).toEqual([422, "RULE_WARNING_NOT_DISPATCHED"]);
  });

  it("ends the override early: the computed colour again, kept in the history", async () => {
    expect(
      (await call(endRoute, `/api/v1/projects/x/warning-override`, { method: "DELETE", cookie: staff, id: projectId }))
        .status,
    ).toBe(403);
    const { status, body } = await call(endRoute, `/api/v1/projects/${projectId}/warning-override`, {
      method: "DELETE",
      cookie: manager,
      id: projectId,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ warning: "RED", warningComputed: "RED", warningOverride: null });
    expect((await changes(projectId)).at(-1)).toMatchObject({ from: "YELLOW", to: "RED", source: "OVERRIDE_ENDED" });
    const again = await call(endRoute, `/api/v1/projects/${projectId}/warning-override`, {
      method: "DELETE",
      cookie: manager,
      id: projectId,
    });
    expect([again.status, again.body.error.code]).toEqual([422, "RULE_WARNING_NO_OVERRIDE"]);
  });

  it("recompute now: managers and admins get the counts, others 403", async () => {
    expect(
      (await call(recomputeRoute, "/api/v1/warnings/recompute", { method: "POST", cookie: staff, body: {} })).status,
    ).toBe(403);
    const { status, body } = await call(recomputeRoute, "/api/v1/warnings/recompute", {
      method: "POST",
      cookie: manager,
      body: {},
    });
    expect(status).toBe(200);
    expect(body.projects).toBeGreaterThan(0);
    expect(body.byColor.RED).toBeGreaterThan(0);
  });
});

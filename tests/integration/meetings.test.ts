// 协调会 / 月例会 through the API routes on PostgreSQL: scheduling, the proposed agenda (RED
// before YELLOW with reasons, overdue notices, open level-2/3 problems), the ordered agenda
// with optimistic locking, decisions becoming problems and notices linked to the meeting, the
// chair's sign-off, edits after sign-off (a manager's reason, audited), and refusals.
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/meetings/route";
import { GET as getRoute, PATCH as patchRoute } from "../../app/api/v1/meetings/[id]/route";
import { POST as decideRoute } from "../../app/api/v1/meetings/[id]/decisions/route";
import { POST as signOffRoute } from "../../app/api/v1/meetings/[id]/sign-off/route";
import { GET as proposalRoute } from "../../app/api/v1/meetings/agenda-proposal/route";
import { listAuditLog } from "../../lib/audit/queries";
import { shanghaiToday, storedDate } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { issueNotice } from "../../lib/supervision/issue-notice";
import { actorOf, callRoute as call, createDepartment, createProject, createUser, sessionCookie } from "../factories";

type U = Awaited<ReturnType<typeof createUser>>;
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe("meetings", () => {
  let manager: U, chair: U, staff: U, admin: U, approver: U, outsider: U;
  const cookie = {} as Record<"manager" | "chair" | "staff" | "admin" | "approver" | "outsider", string>;
  let department: { id: string; code: string; name: string };
  const projects = {} as Record<"red" | "yellow" | "blue" | "noLeader", string>;
  const today = shanghaiToday();

  beforeAll(async () => {
    manager = await createUser({ role: "MANAGER" });
    chair = await createUser({ role: "LEADER", displayName: "王区长" });
    staff = await createUser({ role: "STAFF" });
    admin = await createUser({ role: "ADMIN" });
    const created = await createDepartment({ kind: "BUREAU", name: "区自然资源局" });
    department = await getDb().department.update({ where: { id: created.id }, data: { code: `ZRZY${Date.now()}` } });
    approver = await createUser({ role: "APPROVER", departmentId: department.id });
    outsider = await createUser({ role: "APPROVER", departmentId: department.id });
    for (const [k, u] of Object.entries({ manager, chair, staff, admin, approver, outsider }))
      cookie[k as keyof typeof cookie] = await sessionCookie(u);
    const db = getDb();
    const leader = await createUser({ role: "LEADER" });
    projects.red = (await createProject({ name: "红灯项目", leaderId: leader.id, stage: "SIGNED" })).id;
    projects.yellow = (await createProject({ name: "黄灯项目", leaderId: leader.id, stage: "SIGNED" })).id;
    projects.blue = (await createProject({ name: "蓝灯项目", leaderId: leader.id, stage: "SIGNED" })).id;
    projects.noLeader = (await createProject({ name: "无领导项目", stage: "SIGNED" })).id;
    const reasons = (color: "RED" | "YELLOW", points: number) => [
      { code: "behindSchedule", color, numbers: { points } },
    ];
    await db.project.update({
      where: { id: projects.red },
      data: { warning: "RED", warningComputed: "RED", warningReasons: reasons("RED", 34) },
    });
    await db.project.update({
      where: { id: projects.yellow },
      data: { warning: "YELLOW", warningComputed: "YELLOW", warningReasons: reasons("YELLOW", 12) },
    });
    await db.project.update({ where: { id: projects.blue }, data: { warning: "BLUE", warningComputed: "BLUE" } });
  });

  const meetingBody = (over: Record<string, unknown> = {}) => ({
    kind: "COORDINATION",
    title: "要素保障协调会",
    startsAt: `${plusDays(today, 3)}T09:30`,
    place: "区政府三楼会议室",
    chairId: chair.id,
    attendeeIds: [approver.id, staff.id],
    attendeesText: "区发改局、供电公司",
    ...over,
  });
  const create = (over: Record<string, unknown> = {}, who = cookie.manager) =>
    call(createRoute, "/api/v1/meetings", { method: "POST", cookie: who, body: meetingBody(over) });
  const patch = (id: string, body: unknown, who = cookie.manager) =>
    call(patchRoute, `/api/v1/meetings/${id}`, { method: "PATCH", cookie: who, id, body });
  const decide = (id: string, body: unknown, who = cookie.manager) =>
    call(decideRoute, `/api/v1/meetings/${id}/decisions`, { method: "POST", cookie: who, id, body });
  const signOff = (id: string, version: number, who = cookie.chair) =>
    call(signOffRoute, `/api/v1/meetings/${id}/sign-off`, { method: "POST", cookie: who, id, body: { version } });
  const get = (id: string, who = cookie.manager) => call(getRoute, `/api/v1/meetings/${id}`, { cookie: who, id });

  it("a manager schedules a meeting with its agenda; the chair and attendees are told", async () => {
    const res = await create({
      items: [
        {
          kind: "PROJECT",
          projectId: projects.red,
          title: "红灯项目推进",
          reasons: [{ code: "BEHIND_RED", message: "落后" }],
        },
        { kind: "OTHER", title: "其他事项" },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: "COORDINATION",
      state: "PLANNED",
      version: 1,
      chair: { id: chair.id, name: "王区长" },
      attendees: [
        { id: approver.id, name: approver.displayName },
        { id: staff.id, name: staff.displayName },
      ],
    });
    expect(res.body.startsAt).toBe(new Date(`${plusDays(today, 3)}T09:30:00+08:00`).toISOString());
    expect(res.body.items.map((i: { title: string; position: number }) => [i.position, i.title])).toEqual([
      [0, "红灯项目推进"],
      [1, "其他事项"],
    ]);
    const told = await getDb().notification.findMany({ where: { entityId: res.body.id, kind: "meetingScheduled" } });
    expect(told.map((n) => n.userId).sort()).toEqual([chair.id, approver.id, staff.id].sort());
  });

  it("STAFF cannot schedule (403); bad input is 400 with fields and nothing saved", async () => {
    const before = await getDb().meeting.count();
    expect((await create({}, cookie.staff)).status).toBe(403);
    const nul = await create({ title: "会\u0000议" });
    expect(nul.status).toBe(400);
    const year0 = await create({ startsAt: "0000-01-01T09:00" });
    expect(year0.status).toBe(400);
    expect(Object.keys(year0.body.error.fields)).toEqual(["startsAt"]);
    const noChair = await create({ chairId: "nobody" });
    expect(noChair.status).toBe(400);
    expect(noChair.body.error.fields).toHaveProperty("chairId");
    const badItem = await create({ items: [{ kind: "PROJECT", title: "无项目" }] });
    expect(badItem.status).toBe(400);
    expect(badItem.body.error.fields).toHaveProperty(["items.0.projectId"]);
    expect(await getDb().meeting.count()).toBe(before);
  });

  it("proposes RED before YELLOW with reasons, overdue notices, open level 2/3 problems (not level 1, not resolved)", async () => {
    const db = getDb();
    const notice = await issueNotice({
      actor: actorOf(manager),
      input: { projectId: projects.yellow, subject: "加快推进", content: "落后序时进度" },
    });
    await db.supervisionNotice.update({
      where: { id: notice.id },
      data: { replyDue: storedDate(plusDays(today, -10)), resolveDue: storedDate(plusDays(today, -2)) },
    });
    // Issuing recomputed the project's colour from its (absent) plan: give it back its YELLOW.
    await db.project.update({
      where: { id: projects.yellow },
      data: {
        warning: "YELLOW",
        warningComputed: "YELLOW",
        warningReasons: [{ code: "behindSchedule", color: "YELLOW", numbers: { points: 12 } }],
      },
    });
    const problem = (level: number, state: "OPEN" | "IN_PROGRESS" | "RESOLVED", title: string) =>
      db.problem.create({
        data: {
          projectId: projects.red,
          title,
          category: "LAND",
          departmentId: department.id,
          dueDate: storedDate(plusDays(today, 5)),
          state,
          level,
          raisedById: manager.id,
        },
      });
    const l3 = await problem(3, "IN_PROGRESS", "用地指标三级");
    const l2 = await problem(2, "OPEN", "用电二级");
    const l1 = await problem(1, "OPEN", "一级问题");
    const resolved = await problem(3, "RESOLVED", "已解决问题");

    const res = await call(proposalRoute, "/api/v1/meetings/agenda-proposal?kind=MONTHLY", { cookie: cookie.manager });
    expect(res.status).toBe(200);
    const items = res.body.items as { kind: string; id: string; reasons: { code: string; message: string }[] }[];
    const index = (id: string) => items.findIndex((i) => i.id === id);
    expect(index(projects.red)).toBeGreaterThanOrEqual(0);
    expect(index(projects.red)).toBeLessThan(index(projects.yellow));
    expect(index(projects.blue)).toBe(-1);
    expect(items[index(projects.red)].reasons).toEqual([
      expect.objectContaining({ code: "behindSchedule", message: expect.stringContaining("34") }),
    ]);
    expect(items[index(notice.id)]).toMatchObject({
      kind: "NOTICE",
      reasons: [{ code: "NOTICE_OVERDUE", message: expect.stringContaining(notice.number) }],
    });
    expect(index(l3.id)).toBeGreaterThan(index(notice.id));
    expect(index(l3.id)).toBeLessThan(index(l2.id));
    expect(items[index(l3.id)].reasons[0].code).toBe("PROBLEM_LEVEL_3");
    expect(index(l1.id)).toBe(-1);
    expect(index(resolved.id)).toBe(-1);
    expect(res.body.groups).toEqual(expect.arrayContaining([expect.objectContaining({ group: "RED", more: 0 })]));
    // A 协调会 takes up level 2 only.
    const coordination = await call(proposalRoute, "/api/v1/meetings/agenda-proposal?kind=COORDINATION", {
      cookie: cookie.manager,
    });
    const ids = coordination.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(l2.id);
    expect(ids).not.toContain(l3.id);
    expect((await call(proposalRoute, "/api/v1/meetings/agenda-proposal", { cookie: cookie.staff })).status).toBe(403);
  });

  it("reorders, edits, adds and removes agenda items with the version (409 when stale)", async () => {
    const m = (
      await create({
        items: [
          { kind: "OTHER", title: "甲" },
          { kind: "OTHER", title: "乙" },
          { kind: "OTHER", title: "丙" },
        ],
      })
    ).body;
    const [a, b, c] = m.items;
    const res = await patch(m.id, {
      version: 1,
      title: "调整后的协调会",
      items: [
        { id: c.id, kind: "OTHER", title: "丙-改", minutes: "议定：本周完成" },
        { id: a.id, kind: "OTHER", title: a.title },
        { kind: "PROJECT", projectId: projects.yellow, title: "黄灯项目" },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.body.title).toBe("调整后的协调会");
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(["丙-改", "甲", "黄灯项目"]);
    expect(res.body.items[0].minutes).toBe("议定：本周完成");
    expect(await getDb().meetingAgendaItem.findUnique({ where: { id: b.id } })).toBeNull();
    const stale = await patch(m.id, { version: 1, title: "过期修改" });
    expect(stale.status).toBe(409);
    expect((await get(m.id)).body.title).toBe("调整后的协调会");
    // The chair is told minutes wait for the sign-off.
    expect(
      await getDb().notification.count({ where: { entityId: m.id, kind: "meetingMinutes", userId: chair.id } }),
    ).toBe(1);
  });

  it("a decision becomes a problem or a notice linked to the meeting; without owner or due date nothing is saved", async () => {
    const m = (
      await create({
        items: [
          { kind: "PROJECT", projectId: projects.red, title: "红灯项目" },
          { kind: "PROJECT", projectId: projects.noLeader, title: "无领导项目" },
        ],
      })
    ).body;
    const [item, noLeaderItem] = m.items;
    const dueDate = plusDays(today, 10);
    const p = await decide(m.id, {
      agendaItemId: item.id,
      type: "PROBLEM",
      problem: {
        title: "用地报批加快",
        category: "LAND",
        department: department.code,
        dueDate,
        description: "会议议定",
      },
    });
    expect([p.status, p.body.error]).toEqual([201, undefined]);
    const problem = await getDb().problem.findUniqueOrThrow({ where: { id: p.body.problem.id } });
    expect(problem).toMatchObject({
      meetingId: m.id,
      agendaItemId: item.id,
      projectId: projects.red,
      departmentId: department.id,
      level: 1,
      state: "OPEN",
    });
    expect(problem.dueDate.toISOString().slice(0, 10)).toBe(dueDate);

    const n = await decide(m.id, {
      agendaItemId: item.id,
      type: "NOTICE",
      notice: { subject: "限期完成用地报批", content: "请于期限内办结", replyDays: 2, resolveDays: 10 },
    });
    expect(n.status).toBe(201);
    const notice = await getDb().supervisionNotice.findUniqueOrThrow({ where: { id: n.body.notice.id } });
    expect(notice).toMatchObject({ meetingId: m.id, agendaItemId: item.id, projectId: projects.red, resolveDays: 10 });

    const view = (await get(m.id)).body;
    expect(view.items[0].decisions.problems).toEqual([
      expect.objectContaining({
        id: problem.id,
        state: "OPEN",
        department: { id: department.id, name: department.name },
      }),
    ]);
    expect(view.items[0].decisions.notices).toEqual([expect.objectContaining({ id: notice.id, state: "ISSUED" })]);

    const problemsBefore = await getDb().problem.count();
    const noticesBefore = await getDb().supervisionNotice.count();
    const noOwner = await decide(m.id, {
      agendaItemId: item.id,
      type: "PROBLEM",
      problem: { title: "无责任单位", category: "LAND", description: "x" },
    });
    expect(noOwner.status).toBe(400);
    expect(Object.keys(noOwner.body.error.fields).sort()).toEqual(["problem.department", "problem.dueDate"]);
    const noDays = await decide(m.id, {
      agendaItemId: item.id,
      type: "NOTICE",
      notice: { subject: "无期限", content: "x" },
    });
    expect(noDays.status).toBe(400);
    expect(noDays.body.error.fields).toHaveProperty(["notice.resolveDays"]);
    const noLeader = await decide(m.id, {
      agendaItemId: noLeaderItem.id,
      type: "NOTICE",
      notice: { subject: "无人承办", content: "x", resolveDays: 5 },
    });
    expect(noLeader.status).toBe(400);
    expect(noLeader.body.error.fields).toHaveProperty("notice");
    const unknownDepartment = await decide(m.id, {
      agendaItemId: item.id,
      type: "PROBLEM",
      problem: { title: "未知单位", category: "LAND", department: "NOPE", dueDate },
    });
    expect(unknownDepartment.status).toBe(400);
    expect(await getDb().problem.count()).toBe(problemsBefore);
    expect(await getDb().supervisionNotice.count()).toBe(noticesBefore);

    // An item with decisions stays on the agenda.
    const removing = await patch(m.id, {
      version: m.version,
      items: [{ id: noLeaderItem.id, kind: "PROJECT", title: "x" }],
    });
    expect(removing.status).toBe(422);
    expect(removing.body.error.code).toBe("RULE_MEETING_ITEM_HAS_DECISIONS");
  });

  it("only the chair signs off (403 others, 422 without minutes); after sign-off, edits need a manager's reason and are audited", async () => {
    const m = (await create({ items: [{ kind: "OTHER", title: "议题一" }] })).body;
    expect((await signOff(m.id, 1)).body.error.code).toBe("RULE_MEETING_NO_MINUTES");
    const written = await patch(m.id, {
      version: 1,
      items: [{ id: m.items[0].id, kind: "OTHER", title: "议题一", minutes: "同意" }],
    });
    expect(written.status).toBe(200);
    expect((await signOff(m.id, 2, cookie.manager)).status).toBe(403);
    expect((await signOff(m.id, 2, cookie.staff)).status).toBe(403);
    expect((await signOff(m.id, 1)).status).toBe(409);
    const signed = await signOff(m.id, 2);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ state: "CLOSED", signedOffBy: { id: chair.id, name: "王区长" }, version: 3 });
    expect((await signOff(m.id, 3)).body.error.code).toBe("RULE_MEETING_CLOSED");

    const noReason = await patch(m.id, { version: 3, place: "改地点" });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe("RULE_MEETING_REASON_REQUIRED");
    expect((await patch(m.id, { version: 3, place: "改地点", reason: "更正" }, cookie.staff)).status).toBe(403);
    const fixed = await patch(m.id, {
      version: 3,
      reason: "更正纪要笔误",
      items: [{ id: m.items[0].id, kind: "OTHER", title: "议题一", minutes: "同意，限期两周" }],
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ state: "CLOSED", version: 4 });
    const decidedLate = await decide(m.id, {
      agendaItemId: m.items[0].id,
      type: "PROBLEM",
      problem: { title: "补充决定", category: "OTHER", department: department.code, dueDate: plusDays(today, 7) },
    });
    expect(decidedLate.status).toBe(422);

    const { items } = await listAuditLog({
      actor: actorOf(admin),
      query: { entityType: "Meeting", entityId: m.id },
    });
    expect(items.map((i) => i.summary)).toEqual(["修改已签发的会议纪要", "签发会议纪要", "修改会议", "安排会议"]);
    expect(items[0].changes).toEqual(
      expect.arrayContaining([{ field: "修改理由", before: "—", after: "更正纪要笔误" }]),
    );
  });

  it("lists planned meetings first; an approver reads only the meetings they attend", async () => {
    const list = await call(listRoute, "/api/v1/meetings?kind=COORDINATION", { cookie: cookie.staff });
    expect(list.status).toBe(200);
    const states = list.body.items.map((i: { state: string }) => i.state);
    expect(states.indexOf("CLOSED")).toBeGreaterThan(states.lastIndexOf("PLANNED"));
    const mine = await call(listRoute, "/api/v1/meetings", { cookie: cookie.approver });
    expect(mine.body.total).toBe(list.body.total);
    const none = await call(listRoute, "/api/v1/meetings", { cookie: cookie.outsider });
    expect(none.body.total).toBe(0);
    const id = list.body.items[0].id;
    expect((await get(id, cookie.approver)).status).toBe(200);
    expect((await get(id, cookie.outsider)).status).toBe(404);
    expect((await call(listRoute, "/api/v1/meetings?from=0000-01-01", { cookie: cookie.staff })).status).toBe(400);
  });
});

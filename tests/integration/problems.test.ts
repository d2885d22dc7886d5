// 要素保障 (三级调度) through the API and the use-cases on PostgreSQL: raising (level 1, due
// date in working days, who is told), refusals (400 fields, 403, 404, 409, 422), the
// transitions and escalation with their timeline, who sees what, the list's filters and
// paging, the export, the stats, the daily proposal job's idempotency and the colour rule.
import ExcelJS from "exceljs";
import { GET as listRoute, POST as raiseRoute } from "../../app/api/v1/problems/route";
import { GET as getRoute, PATCH as patchRoute } from "../../app/api/v1/problems/[id]/route";
import { POST as transitionRoute } from "../../app/api/v1/problems/[id]/transitions/route";
import { POST as escalateRoute } from "../../app/api/v1/problems/[id]/escalate/route";
import { GET as exportRoute } from "../../app/api/v1/problems/export/route";
import { GET as statsRoute } from "../../app/api/v1/problems/stats/route";
import { loadCalendar } from "../../lib/calendar/load-calendar";
import { addDays, addWorkingDays, workingDaysBetween } from "../../lib/calendar/working-days";
import { shanghaiToday, storedDate } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { proposeProblemEscalations } from "../../lib/problems/escalation-proposals";
import { storeAttachment } from "../../lib/attachments/attachments";
import { GET as downloadRoute } from "../../app/api/v1/attachments/[id]/route";
import {
  actorOf,
  apiRequest,
  callRoute as call,
  createDepartment,
  createProject,
  createUser,
  routeParams,
  sessionCookie,
} from "../factories";

type U = Awaited<ReturnType<typeof createUser>>;
type Who = "manager" | "leader" | "owner" | "otherStaff" | "deptApprover" | "otherApprover" | "otherLeader";

describe("要素保障 problems", () => {
  const u = {} as Record<Who, U>;
  const cookie = {} as Record<Who, string>;
  let projectId: string;
  let dept: { id: string; code: string; name: string };
  let otherDept: { id: string; code: string };
  const today = shanghaiToday();

  beforeAll(async () => {
    dept = await createDepartment({ name: "供电公司测试" });
    otherDept = await createDepartment();
    u.manager = await createUser({ role: "MANAGER" });
    u.leader = await createUser({ role: "LEADER" });
    u.owner = await createUser({ role: "STAFF" });
    u.otherStaff = await createUser({ role: "STAFF" });
    u.deptApprover = await createUser({ role: "APPROVER", departmentId: dept.id });
    u.otherApprover = await createUser({ role: "APPROVER", departmentId: otherDept.id });
    u.otherLeader = await createUser({ role: "LEADER", departmentId: otherDept.id });
    for (const k of Object.keys(u) as Who[]) cookie[k] = await sessionCookie(u[k]);
    projectId = (await createProject({ ownerId: u.owner.id, leaderId: u.leader.id, stage: "SIGNED" })).id;
  });

  const raise = (body: Record<string, unknown> = {}, who: Who = "owner") =>
    call(raiseRoute, "/api/v1/problems", {
      method: "POST",
      cookie: cookie[who],
      body: { projectId, title: "双回路供电接入", category: "POWER", department: dept.code, ...body },
    });
  const transition = (id: string, body: Record<string, unknown>, who: Who = "owner") =>
    call(transitionRoute, `/api/v1/problems/${id}/transitions`, { method: "POST", cookie: cookie[who], id, body });
  const escalate = (id: string, version: number, who: Who = "manager", reason = "需协调会研究") =>
    call(escalateRoute, `/api/v1/problems/${id}/escalate`, {
      method: "POST",
      cookie: cookie[who],
      id,
      body: { reason, version },
    });
  const list = (query: string, who: Who = "manager") =>
    call(listRoute, `/api/v1/problems?${query}`, { cookie: cookie[who] });

  it("raises at level 1, OPEN, due in problemDueDays working days; the department and the owner are told", async () => {
    const res = await raise({ description: "需电力部门排期" }, "leader");
    expect(res.status).toBe(201);
    const cal = await loadCalendar(getDb());
    expect(res.body).toMatchObject({
      state: "OPEN",
      level: 1,
      version: 1,
      projectId,
      category: "POWER",
      department: { code: dept.code, name: dept.name },
      dueDate: addWorkingDays(cal, today, 10),
      overdue: false,
      escalationProposedAt: null,
    });
    const told = await getDb().notification.findMany({ where: { entityId: res.body.id, kind: "problemAssigned" } });
    expect(told.map((n) => n.userId).sort()).toEqual([u.deptApprover.id, u.owner.id].sort());
    const events = await getDb().problemEvent.findMany({ where: { problemId: res.body.id } });
    expect(events.map((e) => [e.action, e.toState, e.toLevel])).toEqual([["RAISED", "OPEN", 1]]);
    const audit = await getDb().auditLog.findMany({ where: { entityType: "Problem", entityId: res.body.id } });
    expect(audit.map((a) => a.action)).toEqual(["raise"]);
    // A due date given, or working days.
    expect((await raise({ dueDays: 3 })).body.dueDate).toBe(addWorkingDays(cal, today, 3));
    expect((await raise({ dueDate: addDays(today, 30) })).body.dueDate).toBe(addDays(today, 30));
    expect((await raise({ department: dept.code.toLowerCase() })).status).toBe(201);
  });

  it("refuses bad input with the field and saves nothing", async () => {
    const before = await getDb().problem.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "" }, "title"],
      [{ title: undefined }, "title"],
      [{ category: "WEATHER" }, "category"],
      [{ department: "NO_SUCH_DEPT" }, "department"],
      [{ title: "供电\u0000接入" }, "title"],
      [{ dueDate: "0000-01-01" }, "dueDate"],
      [{ dueDate: "2026-02-30" }, "dueDate"],
      [{ dueDate: addDays(today, -1) }, "dueDate"],
      [{ dueDays: 0 }, "dueDays"],
      [{ title: "长".repeat(201) }, "title"],
    ];
    for (const [body, field] of cases) {
      const res = await raise(body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    }
    expect(await getDb().problem.count()).toBe(before);
  });

  it("raising: others' projects 403, an approver 404, a manager anywhere", async () => {
    expect((await raise({}, "otherStaff")).status).toBe(403);
    expect((await raise({}, "deptApprover")).status).toBe(404);
    expect((await raise({}, "manager")).status).toBe(201);
    expect((await raise({ projectId: "no-such-project" }, "manager")).status).toBe(404);
  });

  it("resolving needs a resolution, closing and reopening a reason (400 at the field)", async () => {
    const p = (await raise()).body;
    const noResolution = await transition(p.id, { to: "RESOLVED", version: 1 });
    expect(noResolution.status).toBe(400);
    expect(Object.keys(noResolution.body.error.fields)).toEqual(["resolution"]);
    const noReason = await transition(p.id, { to: "CLOSED_UNRESOLVED", resolution: "x", version: 1 });
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.error.fields)).toEqual(["reason"]);
    const started = await transition(p.id, { to: "IN_PROGRESS", version: 1 }, "deptApprover");
    expect(started.body).toMatchObject({ state: "IN_PROGRESS", version: 2 });
    expect((await transition(p.id, { to: "IN_PROGRESS", version: 2 })).body.error.code).toBe(
      "RULE_PROBLEM_ALREADY_STARTED",
    );
    const resolved = await transition(
      p.id,
      { to: "RESOLVED", resolution: "已完成双回路接入", version: 2 },
      "deptApprover",
    );
    expect(resolved.body).toMatchObject({ state: "RESOLVED", resolution: "已完成双回路接入", version: 3 });
    // Only a manager reopens, with a reason.
    expect((await transition(p.id, { to: "OPEN", reason: "复发", version: 3 })).status).toBe(403);
    expect((await transition(p.id, { to: "OPEN", version: 3 }, "manager")).status).toBe(400);
    const reopened = await transition(p.id, { to: "OPEN", reason: "供电仍不稳定", version: 3 }, "manager");
    expect(reopened.body).toMatchObject({ state: "OPEN", version: 4 });
    const closed = await transition(p.id, { to: "CLOSED_UNRESOLVED", reason: "项目调整方案", version: 4 });
    expect(closed.body).toMatchObject({ state: "CLOSED_UNRESOLVED", closeReason: "项目调整方案" });
    expect((await transition(p.id, { to: "RESOLVED", resolution: "x", version: 5 })).body.error.code).toBe(
      "RULE_PROBLEM_CLOSED",
    );
    const detail = await call(getRoute, `/api/v1/problems/${p.id}`, { cookie: cookie.manager, id: p.id });
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      "RAISED",
      "STARTED",
      "RESOLVED",
      "REOPENED",
      "CLOSED_UNRESOLVED",
    ]);
    expect(detail.body.timeline[2].text).toContain("已完成双回路接入");
    expect(detail.body.timeline.map((e: { text: string }) => e.text).join()).not.toMatch(/RESOLVED|\{/);
  });

  it("escalates level by level (a manager or the project's leader), never past 3; STAFF 403", async () => {
    const p = (await raise()).body;
    const staff = await escalate(p.id, 1, "owner");
    expect(staff.status).toBe(403);
    const other = await escalate(p.id, 1, "otherLeader");
    expect(other.status).toBe(403);
    const two = await escalate(p.id, 1, "leader");
    expect(two.body).toMatchObject({ level: 2, version: 2, escalationProposedAt: null });
    const three = await escalate(p.id, 2, "manager", "提请主要领导调度");
    expect(three.body).toMatchObject({ level: 3, version: 3 });
    const four = await escalate(p.id, 3);
    expect([four.status, four.body.error.code]).toEqual([422, "RULE_PROBLEM_TOP_LEVEL"]);
    const events = await getDb().problemEvent.findMany({
      where: { problemId: p.id, action: "ESCALATED" },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => [e.fromLevel, e.toLevel, e.actorId, e.note])).toEqual([
      [1, 2, u.leader.id, "需协调会研究"],
      [2, 3, u.manager.id, "提请主要领导调度"],
    ]);
    const told = await getDb().notification.findMany({ where: { entityId: p.id, kind: "problemEscalated" } });
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([u.manager.id, u.owner.id, u.deptApprover.id]));
    expect((await escalate(p.id, 3, "manager", "")).status).toBe(400);
  });

  it("a department's user acts only on its own department's problems; stale versions are 409", async () => {
    const p = (await raise()).body;
    // A leader of another department reads every problem but has no side in this one.
    const res = await transition(p.id, { to: "IN_PROGRESS", version: 1 }, "otherLeader");
    expect(res.status).toBe(403);
    // The department's approver may not edit nor close it unresolved.
    expect((await transition(p.id, { to: "CLOSED_UNRESOLVED", reason: "x", version: 1 }, "deptApprover")).status).toBe(
      403,
    );
    const edit = (body: Record<string, unknown>, who: Who = "owner") =>
      call(patchRoute, `/api/v1/problems/${p.id}`, { method: "PATCH", cookie: cookie[who], id: p.id, body });
    expect((await edit({ title: "改", version: 1 }, "deptApprover")).status).toBe(403);
    const moved = await edit({ department: otherDept.code, title: "双回路供电（改）", version: 1 });
    expect(moved.body).toMatchObject({ title: "双回路供电（改）", department: { code: otherDept.code }, version: 2 });
    const stale = await edit({ title: "再改", version: 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, "CONFLICT"]);
    expect((await transition(p.id, { to: "IN_PROGRESS", version: 1 })).status).toBe(409);
    // Now the other department's approver works it, and the first no longer sees it.
    expect((await transition(p.id, { to: "IN_PROGRESS", version: 2 }, "otherApprover")).status).toBe(200);
    expect((await transition(p.id, { to: "RESOLVED", resolution: "x", version: 3 }, "deptApprover")).status).toBe(404);
  });

  it("visibility: the department's approver sees its problems, another approver gets 404", async () => {
    const p = (await raise({ title: "可见性检查" })).body;
    const get = (who: Who) => call(getRoute, `/api/v1/problems/${p.id}`, { cookie: cookie[who], id: p.id });
    expect((await get("deptApprover")).status).toBe(200);
    expect((await get("otherApprover")).status).toBe(404);
    expect((await get("otherStaff")).status).toBe(404);
    expect((await get("owner")).status).toBe(200);
    const theirs = await list(`q=${encodeURIComponent("可见性检查")}`, "deptApprover");
    expect(theirs.body.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect((await list(`q=${encodeURIComponent("可见性检查")}`, "otherApprover")).body.total).toBe(0);
  });

  describe("the list, the export and the stats", () => {
    let pid: string;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      pid = (await createProject({ ownerId: u.owner.id, leaderId: u.leader.id })).id;
      const mk = async (key: string, body: Record<string, unknown>) =>
        (ids[key] = (await raise({ projectId: pid, ...body })).body.id);
      await mk("land", { title: "土地指标", category: "LAND" });
      await mk("land2", { title: "土地征收", category: "LAND", department: otherDept.code });
      await mk("energy", { title: "能耗指标", category: "ENERGY" });
      await mk("water", { title: "供水管网", category: "WATER" });
      await mk("late", { title: "逾期问题", category: "GAS" });
      await getDb().problem.update({ where: { id: ids.late }, data: { dueDate: storedDate(addDays(today, -1)) } });
      await getDb().problem.update({ where: { id: ids.water }, data: { dueDate: storedDate(today) } });
      await escalate(ids.energy, 1);
      // Two resolved: raised 4 and 2 working days ago (counted from the stored creation time).
      const cal = await loadCalendar(getDb());
      let d4 = today;
      while (workingDaysBetween(cal, d4, today) < 4) d4 = addDays(d4, -1);
      let d2 = today;
      while (workingDaysBetween(cal, d2, today) < 2) d2 = addDays(d2, -1);
      await getDb().problem.update({ where: { id: ids.land }, data: { createdAt: new Date(`${d4}T02:00:00Z`) } });
      await getDb().problem.update({ where: { id: ids.land2 }, data: { createdAt: new Date(`${d2}T02:00:00Z`) } });
      await transition(ids.land, { to: "RESOLVED", resolution: "已供地", version: 1 });
      await transition(ids.land2, { to: "RESOLVED", resolution: "已征收", version: 1 });
    });

    it("filters by category, department, level, state, overdue and pages on the server", async () => {
      const q = (s: string) => list(`projectId=${pid}&${s}`).then((r) => r.body);
      expect((await q("")).total).toBe(5);
      expect((await q("category=LAND")).items.map((i: { id: string }) => i.id).sort()).toEqual(
        [ids.land, ids.land2].sort(),
      );
      expect((await q(`department=${otherDept.code}`)).items.map((i: { id: string }) => i.id)).toEqual([ids.land2]);
      expect((await q("level=2")).items.map((i: { id: string }) => i.id)).toEqual([ids.energy]);
      expect((await q("state=RESOLVED")).total).toBe(2);
      expect((await q("state=ACTIVE")).total).toBe(3);
      // Due yesterday is overdue; due today is not.
      const overdue = await q("overdue=true");
      expect(overdue.items.map((i: { id: string; overdue: boolean }) => [i.id, i.overdue])).toEqual([[ids.late, true]]);
      expect((await q("overdue=false")).total).toBe(4);
      const page1 = await q("sort=due&page=1&pageSize=2");
      const page3 = await q("sort=due&page=3&pageSize=2");
      expect([page1.total, page1.items.length, page3.items.length]).toEqual([5, 2, 1]);
      expect(page1.items[0].id).toBe(ids.late);
      expect((await list(`projectId=${pid}&level=7`)).status).toBe(400);
      expect((await list(`projectId=${pid}&category=SNOW`)).status).toBe(400);
    });

    it("exports the filtered list as .xlsx: title, filters in words, header, rows", async () => {
      const res = await exportRoute(
        apiRequest(`/api/v1/problems/export?projectId=${pid}&category=LAND`, { cookie: cookie.manager }),
        routeParams({}),
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain(".xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await res.arrayBuffer()) as never);
      const ws = wb.worksheets[0];
      expect(String(ws.getCell("A1").value)).toContain("2");
      expect(String(ws.getCell("A2").value)).toContain("土地");
      const header = (ws.getRow(3).values as unknown[]).slice(1);
      expect(header).toEqual(expect.arrayContaining(["问题", "责任单位", "调度层级"]));
      const titles = [4, 5].map((r) => String(ws.getRow(r).getCell(3).value)).sort();
      expect(titles).toEqual(["土地征收", "土地指标"]);
      expect(ws.rowCount).toBe(5);
    });

    it("stats: 累计解决问题 N 个 and working days to resolve per category and department", async () => {
      const res = await call(statsRoute, `/api/v1/problems/stats?projectId=${pid}`, { cookie: cookie.manager });
      expect(res.body).toMatchObject({ resolved: 2, averageDays: 3, medianDays: 3 });
      expect(res.body.byCategory).toEqual([{ category: "LAND", resolved: 2, averageDays: 3, medianDays: 3 }]);
      expect(res.body.byDepartment).toEqual(
        expect.arrayContaining([
          { department: { code: dept.code, name: dept.name }, resolved: 1, averageDays: 4, medianDays: 4 },
          expect.objectContaining({ department: expect.objectContaining({ code: otherDept.code }), resolved: 1 }),
        ]),
      );
    });
  });

  it("the daily job proposes escalation once, after problemEscalateDays working days at the level", async () => {
    const p = (await raise({ title: "长期未解决" })).body;
    const fresh = (await raise({ title: "刚提出" })).body;
    const cal = await loadCalendar(getDb());
    let since = today;
    while (workingDaysBetween(cal, since, today) < 2) since = addDays(since, -1);
    await getDb().problem.update({ where: { id: p.id }, data: { levelSince: new Date(`${since}T02:00:00Z`) } });
    const first = await proposeProblemEscalations({ today });
    expect(first.proposed).toBeGreaterThanOrEqual(1);
    const row = await getDb().problem.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.escalationProposedAt).not.toBeNull();
    expect((await getDb().problem.findUniqueOrThrow({ where: { id: fresh.id } })).escalationProposedAt).toBeNull();
    const told = await getDb().notification.findMany({
      where: { entityId: p.id, kind: "problemEscalationProposed" },
    });
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([u.manager.id, u.leader.id]));
    const count = await getDb().notification.count({ where: { kind: "problemEscalationProposed" } });
    expect(await proposeProblemEscalations({ today })).toEqual({ proposed: 0 });
    expect(await getDb().notification.count({ where: { kind: "problemEscalationProposed" } })).toBe(count);
    const events = await getDb().problemEvent.findMany({ where: { problemId: p.id, action: "ESCALATION_PROPOSED" } });
    expect(events).toHaveLength(1);
    // The proposal shows in the list; escalating settles it.
    expect((await list("proposed=true")).body.items.map((i: { id: string }) => i.id)).toContain(p.id);
    const up = await escalate(p.id, row.version, "leader");
    expect(up.body).toMatchObject({ level: 2, escalationProposedAt: null });
  });

  it("an open level-3 problem past its due date turns the project YELLOW with the reason", async () => {
    const year = Number(today.slice(0, 4));
    const pid = (await createProject({ ownerId: u.owner.id, leaderId: u.leader.id })).id;
    await getDb().project.update({ where: { id: pid }, data: { stage: "APPROVING" } });
    await getDb().projectPlan.create({
      data: {
        projectId: pid,
        year,
        goalStage: "CONSTRUCTION",
        goalInvestment: "0",
        leaderId: u.leader.id,
        createdById: u.manager.id,
      },
    });
    const p = (await raise({ projectId: pid, title: "用地报批" })).body;
    await getDb().problem.update({ where: { id: p.id }, data: { dueDate: storedDate(addDays(today, -1)) } });
    await escalate(p.id, 1);
    const colour = () =>
      getDb().project.findUniqueOrThrow({ where: { id: pid }, select: { warning: true, warningReasons: true } });
    expect((await colour()).warning).toBe("BLUE");
    await escalate(p.id, 2);
    const after = await colour();
    expect(after.warning).toBe("YELLOW");
    expect(after.warningReasons).toEqual([
      { code: "problemTopLevelOverdue", color: "YELLOW", numbers: { count: 1, due: addDays(today, -1) } },
    ]);
    // Resolving it takes the colour back.
    await transition(p.id, { to: "RESOLVED", resolution: "已批复", version: 3 });
    expect((await colour()).warning).toBe("BLUE");
  });

  it("links the documents uploaded first; whoever sees the problem downloads them, its department too", async () => {
    const doc = await storeAttachment({
      actor: actorOf(u.owner),
      projectId,
      file: { name: "用电负荷测算.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4 负荷") },
      category: "DOCUMENT",
      permitCaseId: null,
    });
    const res = await raise({ title: "专线接入", attachmentIds: [doc.id] });
    expect(res.status).toBe(201);
    const detail = await call(getRoute, `/api/v1/problems/${res.body.id}`, {
      cookie: cookie.deptApprover,
      id: res.body.id,
    });
    expect(detail.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(["用电负荷测算.pdf"]);
    const download = (who: Who) =>
      downloadRoute(apiRequest(`/api/v1/attachments/${doc.id}`, { cookie: cookie[who] }), routeParams({ id: doc.id }));
    // The department's approver reads no project work, yet the problem's document is theirs to read.
    expect((await download("deptApprover")).status).toBe(200);
    expect(await (await download("deptApprover")).text()).toBe("%PDF-1.4 负荷");
    expect((await download("otherApprover")).status).toBe(404);
    // A document already linked is not linked twice.
    const again = await raise({ title: "专线接入二", attachmentIds: [doc.id] });
    expect(again.status).toBe(400);
    expect(again.body.error.fields).toHaveProperty("attachmentIds");
  });
});

import { POST as openRoute } from "../../app/api/v1/projects/[id]/permit-case/route";
import { GET as caseRoute, PATCH as patchCaseRoute } from "../../app/api/v1/permit-cases/[id]/route";
import { GET as listRoute } from "../../app/api/v1/permit-cases/route";
import { POST as submitRoute } from "../../app/api/v1/permit-cases/[id]/submit/route";
import { POST as decideRoute } from "../../app/api/v1/permit-items/[id]/decision/route";
import { POST as resubmitRoute } from "../../app/api/v1/permit-items/[id]/resubmit/route";
import { GET as inboxRoute } from "../../app/api/v1/permit-items/route";
import { POST as calendarRoute } from "../../app/api/v1/calendar/route";
import { PATCH as typeRoute } from "../../app/api/v1/permit-types/[id]/route";
import { GET as reportRoute } from "../../app/api/v1/reports/permits/route";
import { POST as transitionRoute } from "../../app/api/v1/projects/[id]/transitions/route";
import { addWorkingDays, workingDaysBetween } from "../../lib/calendar/working-days";
import { shanghaiToday } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { loadCalendar } from "../../lib/calendar/load-calendar";
import { decidePermitItem } from "../../lib/permits/decide-permit-item";
import { storeAttachment } from "../../lib/attachments/attachments";
import { actorOf, callRoute as call, createDepartment, createIndustry, createUser, sessionCookie } from "../factories";

const defaults = [
  ["LAND_USE_PLANNING", "建设用地规划许可证", "ZR", 20, 7],
  ["LAND_APPROVAL", "建设用地批准书", "ZR", 20, 7],
  ["REAL_ESTATE_TITLE", "不动产权证书", "BDC", 30, 5],
  ["CONSTRUCTION_PLANNING", "建设工程规划许可证", "ZR", 20, 7],
  ["DRAWING_REVIEW", "施工图设计审查合格书", "ZJ", 15, 7],
  ["CONSTRUCTION_PERMIT", "建筑工程施工许可证", "ZJ", 15, 5],
  ["EIA_APPROVAL", "环境影响评价批复", "HB", 60, 20],
] as const;

type Dept = "ZR" | "BDC" | "ZJ" | "HB";
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe("七证合一 permit cases", () => {
  const approvers = {} as Record<Dept, { cookie: string; actor: ReturnType<typeof actorOf> }>;
  let staff: Awaited<ReturnType<typeof createUser>>;
  let staffCookie: string;
  let industryId: string;
  const typeIds: Record<string, string> = {};

  beforeAll(async () => {
    const depts = {} as Record<Dept, string>;
    for (const d of ["ZR", "BDC", "ZJ", "HB"] as Dept[]) {
      depts[d] = (await createDepartment({ kind: "PERMIT" })).id;
      const u = await createUser({ role: "APPROVER", departmentId: depts[d] });
      approvers[d] = { cookie: await sessionCookie(u), actor: actorOf(u) };
    }
    for (const [i, [code, name, d, statutoryDays, fastTrackDays]] of defaults.entries()) {
      typeIds[code] = (
        await getDb().permitType.create({
          data: { code, name, departmentId: depts[d], statutoryDays, fastTrackDays, sortOrder: i },
        })
      ).id;
    }
    await getDb().calendarDay.createMany({
      data: [
        { date: day("2026-10-01"), kind: "HOLIDAY", name: "国庆节" },
        { date: day("2026-10-10"), kind: "WORKDAY", name: "调休" },
      ],
    });
    staff = await createUser({ role: "STAFF" });
    staffCookie = await sessionCookie(staff);
    industryId = (await createIndustry()).id;
  });

  const project = (stage: "LEAD" | "SIGNED" | "REGISTERED" | "APPROVING") =>
    getDb().project.create({
      data: {
        code: `PC-${Math.random().toString(36).slice(2, 10)}`,
        name: "七证测试项目",
        enterpriseName: "七证测试企业",
        industryId,
        totalInvestment: "1000",
        ownerId: staff.id,
        stage,
        signingDate: day("2026-01-01"),
        contractInvestment: "900",
      },
    });
  const application = {
    applicant: "七证测试企业",
    landParcel: "XHA-2026-01",
    floorArea: "12000",
    buildingUse: "工业厂房",
    designUnit: "设计院",
    constructionUnit: "建设公司",
    plannedStartDate: "2027-01-10",
  };

  /** A submitted case: opened, documented, submitted. */
  async function submittedCase(opts: { fastTrack?: boolean } = {}) {
    const p = await project("REGISTERED");
    const opened = await call(openRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: p.id,
      body: { ...application, fastTrack: !!opts.fastTrack },
    });
    expect(opened.status).toBe(201);
    await storeAttachment({
      actor: actorOf(staff),
      projectId: p.id,
      permitCaseId: opened.body.id,
      category: "DOCUMENT",
      file: { name: "申请材料.pdf", type: "application/pdf", bytes: new Uint8Array([37, 80, 68, 70]) },
    });
    const submitted = await call(submitRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: opened.body.id,
      body: { version: opened.body.version },
    });
    expect(submitted.status).toBe(200);
    return { project: p, c: submitted.body };
  }
  /** How many items of the database differ from their case in a column they keep of it. */
  const itemsDisagreeing = async (item: "caseStartDate" | "projectId", kase: "startDate" | "projectId") =>
    (
      await getDb().$queryRawUnsafe<{ n: number }[]>(
        `select count(*)::int as n from permit_items i join permit_cases c on c.id = i."caseId"
          where i."${item}" is distinct from c."${kase}"`,
      )
    )[0].n;
  const itemOf = (c: { items: { permitType: string }[] }, code: string) =>
    c.items.find((i) => i.permitType === code) as unknown as {
      id: string;
      version: number;
      state: string;
      dueDate: string;
      elapsedWorkingDays: number;
      remainingWorkingDays: number | null;
      overdue: boolean;
    };
  const decide = (dept: Dept, itemId: string, body: Record<string, unknown>) =>
    call(decideRoute, "/x", { method: "POST", cookie: approvers[dept].cookie, id: itemId, body });
  const approve = (dept: Dept, item: { id: string; version: number }) =>
    decide(dept, item.id, {
      action: "APPROVE",
      certificateNo: `CERT-${item.id.slice(-6)}`,
      certificateDate: shanghaiToday(),
      version: item.version,
    });

  it("opens from REGISTERED (moving the project to APPROVING), once, by its owner only; not from LEAD", async () => {
    const lead = await project("LEAD");
    const early = await call(openRoute, "/x", { method: "POST", cookie: staffCookie, id: lead.id, body: application });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe("RULE_PERMIT_CASE_STAGE");

    const p = await project("REGISTERED");
    const other = await sessionCookie(await createUser({ role: "STAFF" }));
    expect((await call(openRoute, "/x", { method: "POST", cookie: other, id: p.id, body: application })).status).toBe(
      403,
    );
    const res = await call(openRoute, "/x", { method: "POST", cookie: staffCookie, id: p.id, body: application });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      projectId: p.id,
      state: "DRAFT",
      fastTrack: false,
      items: [],
      application: { floorArea: "12000.00" },
    });
    const moved = await getDb().project.findUniqueOrThrow({ where: { id: p.id }, include: { stageChanges: true } });
    expect(moved.stage).toBe("APPROVING");
    expect(moved.stageChanges.map((s) => s.toStage)).toEqual(["APPROVING"]);
    const again = await call(openRoute, "/x", { method: "POST", cookie: staffCookie, id: p.id, body: application });
    expect(again.body.error.code).toBe("RULE_PERMIT_CASE_EXISTS");
  });

  it("submits only a complete application with documents; all seven items go out at once with working-day due dates", async () => {
    const p = await project("SIGNED");
    const { body: c } = await call(openRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: p.id,
      body: { applicant: "某企业" },
    });
    expect((await getDb().project.findUniqueOrThrow({ where: { id: p.id } })).stage).toBe("SIGNED");
    const incomplete = await call(submitRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: c.id,
      body: { version: c.version },
    });
    expect(incomplete.status).toBe(422);
    expect(Object.keys(incomplete.body.error.fields).sort()).toEqual([
      "buildingUse",
      "constructionUnit",
      "designUnit",
      "floorArea",
      "landParcel",
      "plannedStartDate",
    ]);
    const patched = await call(patchCaseRoute, "/x", {
      method: "PATCH",
      cookie: staffCookie,
      id: c.id,
      body: { ...application, version: c.version },
    });
    expect(patched.status).toBe(200);
    const stale = await call(patchCaseRoute, "/x", {
      method: "PATCH",
      cookie: staffCookie,
      id: c.id,
      body: { applicant: "x", version: c.version },
    });
    expect(stale.status).toBe(409);
    const noDocs = await call(submitRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: c.id,
      body: { version: patched.body.version },
    });
    expect(noDocs.body.error.code).toBe("RULE_PERMIT_DOCUMENTS_MISSING");

    const { c: submitted } = await submittedCase();
    const cal = await loadCalendar(getDb());
    const today = shanghaiToday();
    expect(submitted.state).toBe("SUBMITTED");
    expect(submitted.items).toHaveLength(7);
    for (const [code, , , statutory] of defaults) {
      expect(itemOf(submitted, code)).toMatchObject({
        state: "PENDING",
        dueDate: addWorkingDays(cal, today, statutory),
        elapsedWorkingDays: 0,
      });
    }
    expect(submitted.dueDate).toBe(addWorkingDays(cal, today, 60));
    const fast = await submittedCase({ fastTrack: true });
    expect(fast.c.dueDate).toBe(addWorkingDays(cal, today, 20));
    expect(itemOf(fast.c, "CONSTRUCTION_PERMIT").dueDate).toBe(addWorkingDays(cal, today, 5));
  });

  it("an approver decides only their own department's items (403, logged); stale versions get 409; the inbox lists open items by due date", async () => {
    const { c } = await submittedCase();
    const permit = itemOf(c, "CONSTRUCTION_PERMIT");
    const wrong = await approve("ZR", permit);
    expect(wrong.status).toBe(403);
    expect(
      await getDb().securityEvent.count({ where: { userId: approvers.ZR.actor.id, type: "ACCESS_DENIED" } }),
    ).toBeGreaterThan(0);
    expect(
      (
        await call(decideRoute, "/x", {
          method: "POST",
          cookie: staffCookie,
          id: permit.id,
          body: { action: "REJECT", reason: "x", version: 1 },
        })
      ).status,
    ).toBe(403);
    expect((await approve("ZJ", { ...permit, version: 9 })).status).toBe(409);
    const inbox = await call(inboxRoute, "/x", { cookie: approvers.ZJ.cookie });
    const mine = inbox.body.items.filter((i: { caseId: string }) => i.caseId === c.id);
    expect(mine.map((i: { permitType: string }) => i.permitType)).toEqual(["DRAWING_REVIEW", "CONSTRUCTION_PERMIT"]);
    expect(
      inbox.body.items.every(
        (i: { department: string; dueDate: string }, k: number, all: { dueDate: string }[]) =>
          k === 0 || all[k - 1].dueDate <= i.dueDate,
      ),
    ).toBe(true);
    const ok = await approve("ZJ", permit);
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe("IN_REVIEW");
    expect(itemOf(ok.body, "CONSTRUCTION_PERMIT")).toMatchObject({ state: "APPROVED" });
    expect((await approve("ZJ", itemOf(ok.body, "CONSTRUCTION_PERMIT"))).body.error.code).toBe(
      "RULE_PERMIT_ITEM_NOT_PENDING",
    );
  });

  it("RETURN stops the item's clock until the applicant resubmits; the due date moves by the working days it waited", async () => {
    const { c } = await submittedCase();
    const eia = itemOf(c, "EIA_APPROVAL");
    const bad = await decide("HB", eia.id, { action: "RETURN", missing: "  \n ", version: eia.version });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["missing"]);
    const returned = await decide("HB", eia.id, {
      action: "RETURN",
      missing: "环境风险评估专章\n公众参与说明",
      version: eia.version,
    });
    expect(itemOf(returned.body, "EIA_APPROVAL")).toMatchObject({
      state: "RETURNED",
      missing: ["环境风险评估专章", "公众参与说明"],
    });
    // Put the story in the past: submitted 2026-09-21, returned 2026-09-28; the National Day
    // holiday (1–7 Oct, 10 Oct worked) falls in the wait.
    await getDb().permitItem.update({
      where: { id: eia.id },
      data: { startDate: day("2026-09-21"), returnedDate: day("2026-09-28"), dueDate: day("2026-12-14") },
    });
    const cal = await loadCalendar(getDb());
    const frozen = itemOf((await call(caseRoute, "/x", { cookie: staffCookie, id: c.id })).body, "EIA_APPROVAL");
    expect(frozen.elapsedWorkingDays).toBe(workingDaysBetween(cal, "2026-09-21", "2026-09-28"));
    expect(frozen.elapsedWorkingDays).toBe(5);
    // Waiting for 补正 is never overdue: the days left are those left on the day of return.
    expect(frozen).toMatchObject({ remainingWorkingDays: 55, overdue: false });
    // Only the owner resubmits, only a returned item.
    expect(
      (
        await call(resubmitRoute, "/x", {
          method: "POST",
          cookie: approvers.HB.cookie,
          id: eia.id,
          body: { note: "x", version: 2 },
        })
      ).status,
    ).toBe(403);
    const back = await call(resubmitRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: eia.id,
      body: { note: "已补充专章和说明", version: 2 },
    });
    expect(back.status).toBe(200);
    const today = shanghaiToday();
    const waited = workingDaysBetween(cal, "2026-09-28", today);
    const item = itemOf(back.body, "EIA_APPROVAL");
    expect(item).toMatchObject({
      state: "PENDING",
      dueDate: addWorkingDays(cal, "2026-09-21", 60 + waited),
      elapsedWorkingDays: workingDaysBetween(cal, "2026-09-21", today) - waited,
    });
    expect(item.elapsedWorkingDays).toBe(5);
    expect((await getDb().permitItem.findUniqueOrThrow({ where: { id: eia.id } })).pausedDays).toBe(waited);
    const events = await getDb().permitEvent.findMany({ where: { itemId: eia.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["RETURNED", "RESUBMITTED"]);
  });

  it("the case is ISSUED when all seven are approved, REJECTED when one is rejected; closed cases take no decisions", async () => {
    const { c } = await submittedCase();
    let view = c;
    for (const [code, , dept] of defaults) view = (await approve(dept as Dept, itemOf(view, code))).body;
    expect(view.state).toBe("ISSUED");
    expect(view.approvedCount).toBe(7);
    expect(view.closedDate).toBe(shanghaiToday());
    expect(await getDb().permitEvent.count({ where: { caseId: c.id, type: "ISSUED" } })).toBe(1);

    const { c: other } = await submittedCase();
    const rejected = await decide("HB", itemOf(other, "EIA_APPROVAL").id, {
      action: "REJECT",
      reason: "选址位于生态保护红线内",
      version: 1,
    });
    expect(rejected.body.state).toBe("REJECTED");
    const late = await approve("ZJ", itemOf(rejected.body, "CONSTRUCTION_PERMIT"));
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe("RULE_PERMIT_CASE_CLOSED");
  });

  it("two approvers deciding the last two items at the same moment issue the case exactly once", async () => {
    for (let round = 0; round < 4; round++) {
      const { c } = await submittedCase();
      let view = c;
      for (const [code, , dept] of defaults.slice(0, 5)) view = (await approve(dept as Dept, itemOf(view, code))).body;
      const last = [itemOf(view, "CONSTRUCTION_PERMIT"), itemOf(view, "EIA_APPROVAL")];
      const [a, b] = await Promise.all([
        decidePermitItem({
          actor: approvers.ZJ.actor,
          itemId: last[0].id,
          input: {
            action: "APPROVE",
            certificateNo: "SG-1",
            certificateDate: shanghaiToday(),
            version: last[0].version,
          },
        }),
        decidePermitItem({
          actor: approvers.HB.actor,
          itemId: last[1].id,
          input: {
            action: "APPROVE",
            certificateNo: "HP-1",
            certificateDate: shanghaiToday(),
            version: last[1].version,
          },
        }),
      ]);
      expect([a.state, b.state].sort()).toEqual(["IN_REVIEW", "ISSUED"]);
      expect(await getDb().permitEvent.count({ where: { caseId: c.id, type: "ISSUED" } })).toBe(1);
      expect((await getDb().permitCase.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("ISSUED");
    }
  });

  it("CONSTRUCTION needs the approved construction permit; before it only a manager's override (容缺开工)", async () => {
    const { project: p, c } = await submittedCase();
    const move = (cookie: string, body: Record<string, unknown>) =>
      call(transitionRoute, "/x", { method: "POST", cookie, id: p.id, body: { to: "CONSTRUCTION", ...body } });
    const refused = await move(staffCookie, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("RULE_CONSTRUCTION_PERMIT");
    // Another item approved is not enough.
    await approve("ZJ", itemOf(c, "DRAWING_REVIEW"));
    expect((await move(staffCookie, {})).body.error.code).toBe("RULE_CONSTRUCTION_PERMIT");
    const issued = await approve("ZJ", itemOf(c, "CONSTRUCTION_PERMIT"));
    expect(issued.status).toBe(200);
    const moved = await move(staffCookie, {});
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toBe("CONSTRUCTION");
    const row = await getDb().stageChange.findFirstOrThrow({ where: { projectId: p.id, toStage: "CONSTRUCTION" } });
    expect(row.override).toBe(false);
  });

  it("lists cases with filters in the SPEC shape; reports cycle times from the decisions", async () => {
    const list = await call(listRoute, "/api/v1/permit-cases?state=ISSUED", { cookie: approvers.ZJ.cookie });
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    const first = list.body.items[0];
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(["id", "projectId", "state", "fastTrack", "dueDate", "items"]),
    );
    expect(Object.keys(first.items[0])).toEqual(
      expect.arrayContaining(["id", "permitType", "department", "state", "dueDate", "elapsedWorkingDays", "version"]),
    );
    const byDept = await call(
      listRoute,
      `/api/v1/permit-cases?department=${approvers.HB.actor.departmentId}&state=REJECTED`,
      { cookie: staffCookie },
    );
    expect(byDept.body.items.every((x: { state: string }) => x.state === "REJECTED")).toBe(true);
    expect((await call(listRoute, "/api/v1/permit-cases?state=NOPE", { cookie: staffCookie })).status).toBe(400);

    const report = await call(reportRoute, "/api/v1/reports/permits", { cookie: approvers.ZJ.cookie });
    expect(report.status).toBe(200);
    const permitRow = report.body.byType.find((r: { key: string }) => r.key === "CONSTRUCTION_PERMIT");
    expect(permitRow.decided).toBeGreaterThanOrEqual(6);
    expect(permitRow.avgDays).toBe(0);
    expect(report.body.byDepartment).toHaveLength(4);
    expect(report.body.casesByState.ISSUED).toBeGreaterThanOrEqual(5);
    expect(report.body.fastTrackCases).toBe(1);
    expect((await call(reportRoute, "/api/v1/reports/permits", { cookie: staffCookie })).status).toBe(403);
  });

  it("each item keeps its case's start date (PostgreSQL's one writer): the year's cycle times count by it", async () => {
    const { c } = await submittedCase();
    const db = getDb();
    const starts = async () =>
      (await db.permitItem.findMany({ where: { caseId: c.id }, select: { caseStartDate: true } })).map((i) =>
        i.caseStartDate?.toISOString().slice(0, 10),
      );
    // Submitted: every item has the case's start date, copied as the items were written.
    expect(c.startDate).toBe(shanghaiToday());
    expect(await starts()).toEqual(Array(7).fill(c.startDate));
    // The case's start date moved (as a correction would): its items follow in the same statement.
    const moved = "2025-12-30";
    await db.permitCase.update({ where: { id: c.id }, data: { startDate: new Date(`${moved}T00:00:00Z`) } });
    expect(await starts()).toEqual(Array(7).fill(moved));
    // Counted in the year the case started, not in this one.
    const year = (y: number) =>
      db.$queryRaw<
        { n: number }[]
      >`select count(*)::int as n from permit_items i join permit_cases c on c.id = i."caseId"
        where i."caseStartDate" >= ${new Date(`${y}-01-01T00:00:00Z`)} and i."caseStartDate" < ${new Date(`${y + 1}-01-01T00:00:00Z`)}
          and c.id = ${c.id}`;
    expect((await year(2025))[0].n).toBe(7);
    expect((await year(Number(shanghaiToday().slice(0, 4))))[0].n).toBe(0);
    // Every item of the database agrees with its case.
    expect(await itemsDisagreeing("caseStartDate", "startDate")).toBe(0);
  });

  it("each item keeps its case's project (PostgreSQL's one writer): whom an approver's department reaches", async () => {
    const { project: p, c } = await submittedCase();
    const db = getDb();
    const projects = async () =>
      (await db.permitItem.findMany({ where: { caseId: c.id }, select: { projectId: true } })).map((i) => i.projectId);
    // Submitted: every item names the case's project, written as the items were.
    expect(await projects()).toEqual(Array(7).fill(p.id));
    // The case moved to another project (no writer of the app does): its items follow.
    const other = await project("REGISTERED");
    await db.permitCase.update({ where: { id: c.id }, data: { projectId: other.id } });
    expect(await projects()).toEqual(Array(7).fill(other.id));
    await db.permitCase.update({ where: { id: c.id }, data: { projectId: p.id } });
    expect(await projects()).toEqual(Array(7).fill(p.id));
    // Every item of the database agrees with its case.
    expect(await itemsDisagreeing("projectId", "projectId")).toBe(0);
  });

  it("ADMIN maintains the calendar and the permit types; open items' due dates follow the calendar", async () => {
    const admin = await sessionCookie(await createUser({ role: "ADMIN" }));
    const { c } = await submittedCase();
    const item = itemOf(c, "CONSTRUCTION_PERMIT");
    const cal = await loadCalendar(getDb());
    const nextWorkingDay = addWorkingDays(cal, shanghaiToday(), 1);
    expect(
      (
        await call(calendarRoute, "/x", {
          method: "POST",
          cookie: staffCookie,
          body: { date: nextWorkingDay, kind: "HOLIDAY", name: "临时" },
        })
      ).status,
    ).toBe(403);
    // A weekend day inside a holiday period is a holiday too (国庆节 1–7 October, 共7天): it is
    // stored, and moves no due date. A 调休 working day on a weekday is a mistake and refused.
    const weekend = await call(calendarRoute, "/x", {
      method: "POST",
      cookie: admin,
      body: { date: "2026-11-28", kind: "HOLIDAY", name: "周六" },
    });
    expect(weekend.status).toBe(200);
    expect(
      itemOf((await call(caseRoute, "/x", { cookie: staffCookie, id: c.id })).body, "CONSTRUCTION_PERMIT").dueDate,
    ).toBe(item.dueDate);
    const weekdayWork = await call(calendarRoute, "/x", {
      method: "POST",
      cookie: admin,
      body: { date: "2026-11-30", kind: "WORKDAY", name: "周一" },
    });
    expect(weekdayWork.status).toBe(400);
    expect(Object.keys(weekdayWork.body.error.fields)).toEqual(["date"]);
    const added = await call(calendarRoute, "/x", {
      method: "POST",
      cookie: admin,
      body: { date: nextWorkingDay, kind: "HOLIDAY", name: "临时假日" },
    });
    expect(added.status).toBe(200);
    const after = itemOf((await call(caseRoute, "/x", { cookie: staffCookie, id: c.id })).body, "CONSTRUCTION_PERMIT");
    expect(after.dueDate).toBe(addWorkingDays(await loadCalendar(getDb()), shanghaiToday(), 15));
    expect(after.dueDate > item.dueDate).toBe(true);

    const t = await getDb().permitType.findUniqueOrThrow({ where: { code: "DRAWING_REVIEW" } });
    expect(
      (
        await call(typeRoute, "/x", {
          method: "PATCH",
          cookie: admin,
          id: t.id,
          body: { fastTrackDays: 30, version: t.version },
        })
      ).status,
    ).toBe(400);
    const ok = await call(typeRoute, "/x", {
      method: "PATCH",
      cookie: admin,
      id: t.id,
      body: { statutoryDays: 12, version: t.version },
    });
    expect(ok.status).toBe(200);
    expect(
      (
        await call(typeRoute, "/x", {
          method: "PATCH",
          cookie: admin,
          id: t.id,
          body: { statutoryDays: 13, version: t.version },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(typeRoute, "/x", {
          method: "PATCH",
          cookie: approvers.ZJ.cookie,
          id: t.id,
          body: { statutoryDays: 13, version: 2 },
        })
      ).status,
    ).toBe(403);
  });

  it("refuses every out-of-order step: submit twice, resubmit what was not returned, edit a submitted application, decide a returned item", async () => {
    const { c } = await submittedCase();
    const again = await call(submitRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: c.id,
      body: { version: c.version },
    });
    expect(again.body.error.code).toBe("RULE_PERMIT_NOT_DRAFT");
    const land = itemOf(c, "LAND_APPROVAL");
    const notReturned = await call(resubmitRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: land.id,
      body: { note: "x", version: land.version },
    });
    expect(notReturned.body.error.code).toBe("RULE_PERMIT_ITEM_NOT_RETURNED");
    const locked = await call(patchCaseRoute, "/x", {
      method: "PATCH",
      cookie: staffCookie,
      id: c.id,
      body: { applicant: "改名", version: c.version },
    });
    expect(locked.body.error.code).toBe("RULE_PERMIT_APPLICATION_LOCKED");
    // While an item waits for 补正 the application may be corrected, but not switched to the fast track.
    const returned = (await decide("ZR", land.id, { action: "RETURN", missing: ["宗地图"], version: land.version }))
      .body;
    const fixed = await call(patchCaseRoute, "/x", {
      method: "PATCH",
      cookie: staffCookie,
      id: c.id,
      body: { landParcel: "XHA-2026-01A", version: returned.version },
    });
    expect(fixed.status).toBe(200);
    const fast = await call(patchCaseRoute, "/x", {
      method: "PATCH",
      cookie: staffCookie,
      id: c.id,
      body: { fastTrack: true, version: fixed.body.version },
    });
    expect(fast.body.error.code).toBe("RULE_PERMIT_APPLICATION_LOCKED");
    const onReturned = await approve("ZR", itemOf(returned, "LAND_APPROVAL"));
    expect(onReturned.body.error.code).toBe("RULE_PERMIT_ITEM_NOT_PENDING");
    const future = await decide("ZR", itemOf(returned, "LAND_USE_PLANNING").id, {
      action: "APPROVE",
      certificateNo: "X",
      certificateDate: "2099-01-01",
      version: 1,
    });
    expect(future.status).toBe(400);
    expect(Object.keys(future.body.error.fields)).toEqual(["certificateDate"]);
    const noAction = await decide("ZR", itemOf(returned, "LAND_USE_PLANNING").id, { action: "MAYBE", version: 1 });
    expect(noAction.status).toBe(400);
  });
});

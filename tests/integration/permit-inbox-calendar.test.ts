import { POST as openRoute } from "../../app/api/v1/projects/[id]/permit-case/route";
import { GET as caseRoute } from "../../app/api/v1/permit-cases/[id]/route";
import { POST as submitRoute } from "../../app/api/v1/permit-cases/[id]/submit/route";
import { POST as decideRoute } from "../../app/api/v1/permit-items/[id]/decision/route";
import { POST as resubmitRoute } from "../../app/api/v1/permit-items/[id]/resubmit/route";
import { GET as inboxRoute } from "../../app/api/v1/permit-items/route";
import { POST as periodsRoute } from "../../app/api/v1/calendar/periods/route";
import { GET as gapsRoute } from "../../app/api/v1/calendar/gaps/route";
import { storeAttachment } from "../../lib/attachments/attachments";
import { addWorkingDays, emptyCalendar } from "../../lib/calendar/working-days";
import { shanghaiToday, storedDate } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { loadCalendar } from "../../lib/calendar/load-calendar";
import { readHolidayNotice } from "../../lib/permits/holiday-notice";
import { permitInboxCount } from "../../lib/permits/queries";
import { actorOf, callRoute as call, createDepartment, createIndustry, createUser, sessionCookie } from "../factories";

type Item = {
  id: string;
  permitType: string;
  state: string;
  version: number;
  dueDate: string;
  returnedDate: string | null;
  missing: string[];
  remainingWorkingDays: number | null;
  overdue: boolean;
};

describe("the approver's inbox and the working calendar", () => {
  let approver: Awaited<ReturnType<typeof createUser>>;
  let approverCookie: string;
  let staff: Awaited<ReturnType<typeof createUser>>;
  let staffCookie: string;
  let adminCookie: string;
  let industryId: string;

  beforeAll(async () => {
    const hb = await createDepartment({ kind: "PERMIT" });
    const zj = await createDepartment({ kind: "PERMIT" });
    approver = await createUser({ role: "APPROVER", departmentId: hb.id });
    approverCookie = await sessionCookie(approver);
    for (const [i, [code, name, departmentId, days]] of (
      [
        ["EIA_APPROVAL", "环境影响评价批复", hb.id, 60],
        ["WATER_PERMIT", "取水许可", hb.id, 20],
        ["CONSTRUCTION_PERMIT", "建筑工程施工许可证", zj.id, 15],
      ] as const
    ).entries())
      await getDb().permitType.create({
        data: { code, name, departmentId, statutoryDays: days, fastTrackDays: 5, sortOrder: i },
      });
    staff = await createUser({ role: "STAFF" });
    staffCookie = await sessionCookie(staff);
    adminCookie = await sessionCookie(await createUser({ role: "ADMIN" }));
    industryId = (await createIndustry()).id;
  });

  async function submittedCase() {
    const p = await getDb().project.create({
      data: {
        code: `IC-${Math.random().toString(36).slice(2, 10)}`,
        name: "补正测试项目",
        enterpriseName: "补正测试企业",
        industryId,
        totalInvestment: "1000",
        ownerId: staff.id,
        stage: "REGISTERED",
      },
    });
    const opened = await call(openRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: p.id,
      body: {
        applicant: "补正测试企业",
        landParcel: "XHA-1",
        floorArea: "1000",
        buildingUse: "厂房",
        designUnit: "设计院",
        constructionUnit: "建设公司",
        plannedStartDate: "2027-03-01",
      },
    });
    await storeAttachment({
      actor: actorOf(staff),
      projectId: p.id,
      permitCaseId: opened.body.id,
      category: "DOCUMENT",
      file: { name: "材料.pdf", type: "application/pdf", bytes: new Uint8Array([37, 80, 68, 70]) },
    });
    const submitted = await call(submitRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: opened.body.id,
      body: { version: opened.body.version },
    });
    expect(submitted.status).toBe(200);
    return submitted.body as { id: string; items: Item[] };
  }
  const itemOf = (c: { items: Item[] }, code: string) => c.items.find((i) => i.permitType === code)!;

  it("待办 holds only what the approver decides; a returned item waits under 等待补正 with its clock stopped and what is missing", async () => {
    const c = await submittedCase();
    const eia = itemOf(c, "EIA_APPROVAL");
    expect(await permitInboxCount({ actor: actorOf(approver) })).toBe(2);
    const returned = await call(decideRoute, "/x", {
      method: "POST",
      cookie: approverCookie,
      id: eia.id,
      body: { action: "RETURN", missing: "环境风险应急预案\n公众参与说明", version: eia.version },
    });
    expect(returned.status).toBe(200);
    // Returned weeks ago, with a due date now in the past: still no running clock, never overdue.
    await getDb().permitItem.update({
      where: { id: eia.id },
      data: {
        startDate: storedDate("2026-09-01"),
        returnedDate: storedDate("2026-09-08"),
        dueDate: storedDate("2026-09-10"),
      },
    });

    const inbox = await call(inboxRoute, "/x", { cookie: approverCookie });
    expect(inbox.status).toBe(200);
    const mine = (list: Item[]) => list.filter((i) => c.items.some((x) => x.id === i.id));
    expect(mine(inbox.body.items).map((i) => [i.permitType, i.state])).toEqual([["WATER_PERMIT", "PENDING"]]);
    expect(mine(inbox.body.awaitingCorrection)).toEqual([
      expect.objectContaining({
        permitType: "EIA_APPROVAL",
        state: "RETURNED",
        returnedDate: "2026-09-08",
        missing: ["环境风险应急预案", "公众参与说明"],
        overdue: false,
        // What will be left when the clock runs again (5 working days used of 60).
        remainingWorkingDays: 55,
      }),
    ]);
    expect(await permitInboxCount({ actor: actorOf(approver) })).toBe(1);
    expect(itemOf((await call(caseRoute, "/x", { cookie: staffCookie, id: c.id })).body, "EIA_APPROVAL")).toMatchObject(
      { returnedDate: "2026-09-08" },
    );

    // The applicant resubmits: the item is the approver's to decide again, its clock running.
    const again = await call(resubmitRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      id: eia.id,
      body: { note: "已补充", version: itemOf(returned.body, "EIA_APPROVAL").version },
    });
    expect(again.status).toBe(200);
    expect(itemOf(again.body, "EIA_APPROVAL")).toMatchObject({ state: "PENDING", returnedDate: null });
    const after = await call(inboxRoute, "/x", { cookie: approverCookie });
    expect(mine(after.body.items).map((i) => i.permitType)).toContain("EIA_APPROVAL");
    expect(mine(after.body.awaitingCorrection)).toEqual([]);
    expect(await permitInboxCount({ actor: actorOf(staff) })).toBe(0);
  });

  it("saves holiday periods read from the notice — weekends inside kept, 调休 days, one audit row each — and recomputes open due dates once", async () => {
    const c = await submittedCase();
    const permit = itemOf(c, "CONSTRUCTION_PERMIT");
    const reading = readHolidayNotice(
      [
        "国务院办公厅关于2027年部分节假日安排的通知",
        "一、元旦：1月1日（周五）至3日（周日）放假，共3天。",
        "七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。",
      ].join("\n"),
      2026,
    );
    const periods = reading.periods.map(({ name, from, to, workdays }) => ({ name, from, to, workdays }));
    expect(periods).toEqual([
      { name: "元旦", from: "2027-01-01", to: "2027-01-03", workdays: [] },
      { name: "国庆节", from: "2027-10-01", to: "2027-10-07", workdays: ["2027-09-26", "2027-10-09"] },
    ]);
    expect((await call(periodsRoute, "/x", { method: "POST", cookie: staffCookie, body: { periods } })).status).toBe(
      403,
    );
    const auditBefore = await getDb().auditLog.count({ where: { entityType: "CalendarDay" } });
    const saved = await call(periodsRoute, "/x", { method: "POST", cookie: adminCookie, body: { periods } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ periods: 2, days: 12 });
    const days = await getDb().calendarDay.findMany({
      where: { date: { gte: storedDate("2027-01-01"), lte: storedDate("2027-12-31") } },
      orderBy: { date: "asc" },
    });
    expect(days.map((d) => [d.date.toISOString().slice(0, 10), d.kind, d.name])).toEqual([
      ["2027-01-01", "HOLIDAY", "元旦"],
      ["2027-01-02", "HOLIDAY", "元旦"], // Saturday: part of the period, stored with it
      ["2027-01-03", "HOLIDAY", "元旦"],
      ["2027-09-26", "WORKDAY", "国庆节调休上班"],
      ...["01", "02", "03", "04", "05", "06", "07"].map((d) => [`2027-10-${d}`, "HOLIDAY", "国庆节"]),
      ["2027-10-09", "WORKDAY", "国庆节调休上班"],
    ]);
    expect(await getDb().auditLog.count({ where: { entityType: "CalendarDay" } })).toBe(auditBefore + 2);
    // The open item's due date follows the calendar (here unchanged: it falls due before 2027).
    const cal = await loadCalendar(getDb());
    const view = itemOf((await call(caseRoute, "/x", { cookie: staffCookie, id: c.id })).body, "CONSTRUCTION_PERMIT");
    expect(view.dueDate).toBe(addWorkingDays(cal, shanghaiToday(), 15));
    expect(view.dueDate).toBe(permit.dueDate);

    // Entered again with the dates corrected, the holiday replaces itself, 调休 days included.
    const corrected = await call(periodsRoute, "/x", {
      method: "POST",
      cookie: adminCookie,
      body: { periods: [{ name: "国庆节", from: "2027-10-01", to: "2027-10-08", workdays: "2027-09-26，2027-10-10" }] },
    });
    expect(corrected.status).toBe(200);
    const national = await getDb().calendarDay.findMany({
      where: { name: { startsWith: "国庆节" } },
      orderBy: { date: "asc" },
    });
    expect(national.map((d) => d.date.toISOString().slice(0, 10))).toEqual([
      "2027-09-26",
      ...["01", "02", "03", "04", "05", "06", "07", "08"].map((d) => `2027-10-${d}`),
      "2027-10-10",
    ]);
    const audit = await getDb().auditLog.findFirstOrThrow({
      where: { entityType: "CalendarDay", action: "period:replace" },
    });
    expect(audit.entityId).toBe("2027-10-01..2027-10-08");

    // Refused whole, at the field: overlapping periods, a 调休 day on a weekday, an end before the start.
    const bad = await call(periodsRoute, "/x", {
      method: "POST",
      cookie: adminCookie,
      body: {
        periods: [
          { name: "中秋节", from: "2027-09-15", to: "2027-09-17", workdays: ["2027-09-13"] },
          { name: "劳动节", from: "2027-05-05", to: "2027-05-01", workdays: [] },
          { name: "重复", from: "2027-10-08", to: "2027-10-09", workdays: [] },
          { name: "国庆", from: "2027-10-09", to: "2027-10-09", workdays: [] },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["periods.0.workdays", "periods.1.to", "periods.3.from"]);
    expect(await getDb().calendarDay.count({ where: { name: "中秋节" } })).toBe(0);
  });

  it("warns admins and managers of years that open items run into without holidays entered", async () => {
    await getDb().calendarDay.deleteMany({});
    const c = await submittedCase();
    const eia = itemOf(c, "EIA_APPROVAL");
    // An item started in 2026 and due in 2028 (330 working days) runs through 2026, 2027 and 2028.
    await getDb().permitItem.update({
      where: { id: eia.id },
      data: {
        startDate: storedDate("2026-11-02"),
        limitDays: 330,
        dueDate: storedDate(addWorkingDays(emptyCalendar, "2026-11-02", 330)),
      },
    });
    const manager = await sessionCookie(await createUser({ role: "MANAGER" }));
    const gaps = async (cookie: string) => (await call(gapsRoute, "/x", { cookie })).body.items as { year: number }[];
    expect((await gaps(adminCookie)).map((g) => g.year)).toEqual([2026, 2027, 2028]);
    expect((await call(gapsRoute, "/x", { cookie: approverCookie })).status).toBe(403);
    expect((await call(gapsRoute, "/x", { cookie: staffCookie })).status).toBe(403);

    // Entering 2026 and 2027 leaves 2028; the due date moved once, by the days off.
    const saved = await call(periodsRoute, "/x", {
      method: "POST",
      cookie: adminCookie,
      body: {
        periods: [
          { name: "国庆节", from: "2026-10-01", to: "2026-10-07", workdays: ["2026-09-20", "2026-10-10"] },
          { name: "元旦", from: "2027-01-01", to: "2027-01-03", workdays: [] },
        ],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.dueDatesMoved).toBeGreaterThanOrEqual(1);
    expect(await gaps(manager)).toEqual([{ year: 2028, items: 1 }]);
    const moved = await getDb().permitItem.findUniqueOrThrow({ where: { id: eia.id } });
    expect(moved.dueDate.toISOString().slice(0, 10)).toBe(
      addWorkingDays(await loadCalendar(getDb()), "2026-11-02", 330),
    );
  });
});

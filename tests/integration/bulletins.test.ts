// 周通报 on PostgreSQL: a week of data built with the factories and direct inserts, the
// bulletin generated through the API, each section's numbers against plain SQL counts written
// here on their own; the stored snapshot frozen against later changes, a second generation
// making revision 2; refusals (week not ended, not a Monday, STAFF); the .xlsx's totals; the
// Monday job once per week.
import ExcelJS from "exceljs";
import { GET as listRoute, POST as generateRoute } from "../../app/api/v1/bulletins/route";
import { GET as getRoute } from "../../app/api/v1/bulletins/[id]/route";
import { GET as exportRoute } from "../../app/api/v1/bulletins/[id]/export/route";
import { GET as previewRoute } from "../../app/api/v1/bulletins/preview/route";
import { seedBulletins } from "../../prisma/seed-bulletins";
import type { BulletinSections } from "../../lib/bulletins/compute-bulletin";
import { generateBulletin, generateLastWeekBulletin } from "../../lib/bulletins/generate-bulletin";
import { previousWeek, weekMoments, weekOf, type Week } from "../../lib/bulletins/week";
import { addDays } from "../../lib/calendar/working-days";
import { shanghaiToday, storedDate } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { runOnce } from "../../lib/jobs/run-once";
import { recordStageChange } from "../../lib/projects/stage-changes";
import { issueNotice } from "../../lib/supervision/issue-notice";
import {
  actorOf,
  apiRequest,
  callRoute as call,
  createDepartment,
  createPermitItem,
  createProject,
  createUser,
  routeParams,
  sessionCookie,
} from "../factories";

jest.setTimeout(120_000);

type U = Awaited<ReturnType<typeof createUser>>;
type Stage = Parameters<typeof recordStageChange>[1]["to"];

const today = shanghaiToday();
const W: Week = previousWeek(today);
const { from, to } = weekMoments(W);
/** A moment on day `d` (0 = Monday) of the week, Shanghai time. */
const at = (d: number, time = "10:00") => new Date(`${addDays(W.weekStart, d)}T${time}:00+08:00`);
const before = new Date(from.getTime() - 14 * 86400_000);

describe("weekly bulletin", () => {
  let db: ReturnType<typeof getDb>;
  let manager: U, staff: U, leader1: U, leader2: U, owner1: U, owner2: U;
  const cookie = {} as Record<"manager" | "staff", string>;
  const ids: Record<string, string> = {};
  let first: { id: string; sections: BulletinSections; revision: number };

  const project = async (key: string, o: Parameters<typeof createProject>[0] = {}, createdAt = before) => {
    const p = await createProject({ ownerId: owner1.id, leaderId: leader1.id, ...o });
    await db.project.update({ where: { id: p.id }, data: { createdAt } });
    ids[key] = p.id;
    return p.id;
  };
  const move = (projectId: string, fromStage: Stage | null, toStage: Stage, when: Date) =>
    recordStageChange(db, { projectId, from: fromStage, to: toStage, actorId: manager.id, at: when, audit: null });

  beforeAll(async () => {
    db = getDb();
    manager = await createUser({ role: "MANAGER" });
    staff = await createUser({ role: "STAFF" });
    leader1 = await createUser({ role: "LEADER" });
    leader2 = await createUser({ role: "LEADER" });
    owner1 = await createUser({ role: "STAFF" });
    owner2 = await createUser({ role: "STAFF" });
    cookie.manager = await sessionCookie(manager);
    cookie.staff = await sessionCookie(staff);

    // New leads: two in the week, one on Sunday 23:59 Shanghai (still the week), one at the next Monday 00:00 (not).
    await project("leadA", { totalInvestment: "1200.50" }, at(2));
    await project("leadB", { totalInvestment: "800.25" }, at(4));
    await project("leadSunday", { totalInvestment: "10.00" }, at(6, "23:59"));
    await project("leadNextWeek", { totalInvestment: "99.00" }, new Date(to.getTime()));
    // 增资扩产 on an existing project in the week: an increment, not a new project.
    await db.capitalIncrease.create({
      data: {
        projectId: ids.leadA,
        date: storedDate(addDays(W.weekStart, 3)),
        amount: "500.00",
        createdById: manager.id,
      },
    });

    // Signings: contract investment where given, else the total.
    const c = await project("signC", { totalInvestment: "6000.00" });
    await db.project.update({ where: { id: c }, data: { stage: "SIGNED", contractInvestment: "5000.00" } });
    await move(c, "NEGOTIATING", "SIGNED", at(1));
    const d = await project("signD", { totalInvestment: "300.10" });
    await move(d, "NEGOTIATING", "SIGNED", at(3));
    // Signed before the week, back to negotiating and signed again in it: not a signing of this week.
    const s2 = await project("signAgain", { totalInvestment: "777.00" });
    await move(s2, "NEGOTIATING", "SIGNED", before);
    await move(s2, "SIGNED", "NEGOTIATING", at(0));
    await move(s2, "NEGOTIATING", "SIGNED", at(2));

    // Construction: E first entered two weeks ago and again in the week (not counted);
    // F entered twice within the week (counted once).
    const e = await project("constrE", { totalInvestment: "2000.00", stage: "CONSTRUCTION" });
    await move(e, "APPROVING", "CONSTRUCTION", before);
    await move(e, "CONSTRUCTION", "APPROVING", at(0, "09:00"));
    await move(e, "APPROVING", "CONSTRUCTION", at(1));
    const f = await project("constrF", { totalInvestment: "3000.00", stage: "CONSTRUCTION" });
    await move(f, "APPROVING", "CONSTRUCTION", at(0, "11:00"));
    await move(f, "CONSTRUCTION", "APPROVING", at(1, "11:00"));
    await move(f, "APPROVING", "CONSTRUCTION", at(3, "11:00"));
    const g = await project("completedG", { totalInvestment: "4000.00" });
    await move(g, "CONSTRUCTION", "COMPLETED", at(4));
    const h = await project("productionH", { totalInvestment: "4500.00" });
    await move(h, "COMPLETED", "PRODUCTION", at(5));

    // Colours now and their changes in the week.
    const k = await project("redK", { totalInvestment: "100.00" });
    const l = await project("improvedL");
    const m = await project("yellowM");
    await db.warningChange.createMany({
      data: [
        { projectId: k, from: "BLUE", to: "RED", computed: "RED", source: "COMPUTED", at: at(2) },
        { projectId: l, from: "YELLOW", to: "BLUE", computed: "BLUE", source: "COMPUTED", at: at(3) },
        { projectId: m, from: "NONE", to: "YELLOW", computed: "YELLOW", source: "COMPUTED", at: at(4) },
        // Outside the week: not a change of this week.
        { projectId: l, from: "BLUE", to: "RED", computed: "RED", source: "COMPUTED", at: before },
      ],
    });

    // Notices: one issued in the week, one closed in it, one overdue long past the bulletin threshold.
    const actor = actorOf(manager);
    const issued = await issueNotice({ actor, input: { projectId: k, subject: "加快进度", content: "落后序时" } });
    await db.supervisionNotice.update({ where: { id: issued.id }, data: { issuedAt: at(1) } });
    const closed = await issueNotice({ actor, input: { projectId: l, subject: "整改", content: "整改" } });
    await db.supervisionNotice.update({
      where: { id: closed.id },
      data: { issuedAt: before, state: "CLOSED", closedAt: at(4) },
    });
    const late = await issueNotice({ actor, input: { projectId: m, subject: "逾期", content: "逾期" } });
    await db.supervisionNotice.update({
      where: { id: late.id },
      data: {
        issuedAt: before,
        replyDue: storedDate(addDays(today, -40)),
        resolveDue: storedDate(addDays(today, -30)),
      },
    });
    ids.lateNotice = late.id;

    // The colours now (after the notices, whose issue recomputes them from the rules).
    await db.project.update({
      where: { id: k },
      data: {
        warning: "RED",
        warningComputed: "RED",
        warningReasons: [
          { code: "behindSchedule", color: "RED", numbers: { points: "34", planned: "80", actual: "46" } },
        ],
      },
    });
    await db.project.update({ where: { id: l }, data: { warning: "BLUE", warningComputed: "BLUE" } });
    await db.project.update({ where: { id: m }, data: { warning: "YELLOW", warningComputed: "YELLOW" } });

    // Problems: raised in the week, resolved in it, escalated in it; open by level.
    const dept = await createDepartment({ kind: "PERMIT" });
    const problem = (over: Record<string, unknown>) =>
      db.problem.create({
        data: {
          projectId: k,
          title: "用地指标",
          category: "LAND",
          departmentId: dept.id,
          dueDate: storedDate(today),
          raisedById: owner1.id,
          ...over,
        },
      });
    await problem({ createdAt: at(1) });
    await problem({ createdAt: before, state: "RESOLVED", resolvedAt: at(2), resolution: "已解决" });
    await problem({ createdAt: before, state: "RESOLVED", resolvedAt: before, resolution: "早已解决" });
    const esc = await problem({ createdAt: before, level: 2, state: "IN_PROGRESS" });
    await db.problemEvent.create({
      data: {
        problemId: esc.id,
        action: "ESCALATED",
        fromState: "IN_PROGRESS",
        toState: "IN_PROGRESS",
        fromLevel: 1,
        toLevel: 2,
        at: at(3),
      },
    });

    // Permit items decided in the week: one on time, one late; one decided the week before.
    const decide = async (due: number, decided: number, workingDays: number) => {
      const item = await createPermitItem({ projectId: g, departmentId: dept.id });
      await db.permitItem.update({
        where: { id: item.id },
        data: {
          state: "APPROVED",
          dueDate: storedDate(addDays(W.weekStart, due)),
          decidedDate: storedDate(addDays(W.weekStart, decided)),
          decidedAt: at(decided),
          workingDays,
        },
      });
    };
    await decide(4, 2, 8);
    await decide(1, 3, 12);
    await decide(-10, -8, 5);

    // 红黑榜: leader1 ahead (90% done), leader2 behind (nothing reported); owners likewise.
    const year = Number(W.weekEnd.slice(0, 4));
    const plan = async (projectId: string, leaderId: string, done: string | null) => {
      await db.projectPlan.create({
        data: {
          projectId,
          year,
          goalStage: "CONSTRUCTION",
          goalInvestment: "1000.00",
          leaderId,
          createdById: manager.id,
        },
      });
      if (done)
        await db.progressEntry.create({
          data: {
            projectId,
            date: storedDate(addDays(W.weekStart, 2)),
            investmentCompleted: done,
            percent: "90",
            createdById: owner1.id,
          },
        });
    };
    await plan(await project("planAhead"), leader1.id, "900.00");
    await plan(await project("planBehind", { ownerId: owner2.id, leaderId: leader2.id }), leader2.id, null);

    const res = await call(generateRoute, "/api/v1/bulletins", {
      method: "POST",
      cookie: cookie.manager,
      body: { weekStart: W.weekStart },
    });
    expect(res.status).toBe(201);
    first = res.body;
  });

  it("answers 201 with the frozen snapshot and its revision", () => {
    expect(first).toMatchObject({ weekStart: W.weekStart, weekEnd: W.weekEnd, revision: 1 });
    expect(typeof first.id).toBe("string");
  });

  it("new leads: projects created in the week (Shanghai days), capital increases not counted", async () => {
    const s = first.sections;
    const [sql] = await db.$queryRaw<{ n: number; inv: string }[]>`
      select count(*)::int as n, sum("totalInvestment")::text as inv from projects where "createdAt" >= ${from} and "createdAt" < ${to}`;
    expect(s.newLeads.count).toBe(sql.n);
    expect(s.newLeads.investment).toBe(sql.inv);
    expect(s.newLeads.count).toBe(3);
    expect(s.newLeads.investment).toBe("2010.75");
    expect(s.newLeads.rows.map((r) => r.id)).toEqual([ids.leadA, ids.leadB, ids.leadSunday]);
  });

  it("signings and first entries count each project once, at its first entry ever", async () => {
    const s = first.sections;
    const firsts = async (stage: string, inv: "contract" | "total") => {
      const rows = await db.$queryRawUnsafe<{ id: string; inv: string }[]>(
        `select p.id, ${inv === "contract" ? `coalesce(p."contractInvestment", p."totalInvestment")` : `p."totalInvestment"`}::text as inv
           from projects p
          where (select min(s."createdAt") from stage_changes s where s."projectId" = p.id and s."toStage"::text = $1) >= $2
            and (select min(s."createdAt") from stage_changes s where s."projectId" = p.id and s."toStage"::text = $1) < $3`,
        stage,
        from,
        to,
      );
      const cents = rows.reduce((a, r) => a + Math.round(Number(r.inv) * 100), 0);
      return { ids: rows.map((r) => r.id).sort(), investment: (cents / 100).toFixed(2) };
    };
    const signed = await firsts("SIGNED", "contract");
    expect(s.signings.rows.map((r) => r.id).sort()).toEqual(signed.ids);
    expect([s.signings.count, s.signings.investment]).toEqual([signed.ids.length, signed.investment]);
    expect([s.signings.count, s.signings.investment]).toEqual([2, "5300.10"]);
    for (const [stage, expected] of [
      ["CONSTRUCTION", [ids.constrF]],
      ["COMPLETED", [ids.completedG]],
      ["PRODUCTION", [ids.productionH]],
    ] as const) {
      const got = s.firstEntries[stage];
      const sql = await firsts(stage, "total");
      expect([stage, got.rows.map((r) => r.id).sort()]).toEqual([stage, sql.ids]);
      expect([stage, got.count, got.investment]).toEqual([stage, sql.ids.length, sql.investment]);
      expect([stage, got.rows.map((r) => r.id)]).toEqual([stage, expected]);
    }
  });

  it("colours: the counts now and the week's changes", async () => {
    const c = first.sections.colours;
    const counts = await db.$queryRaw<
      { w: string; n: number }[]
    >`select warning::text as w, count(*)::int as n from projects group by 1`;
    for (const { w, n } of counts) expect([w, c.current[w as "RED"]]).toEqual([w, n]);
    const changed = async (cond: string) =>
      (
        await db.$queryRawUnsafe<{ n: number }[]>(
          `select count(distinct "projectId")::int as n from warning_changes where at >= $1 and at < $2 and ${cond}`,
          from,
          to,
        )
      )[0].n;
    expect(c.toRed.count).toBe(await changed(`"to" = 'RED'`));
    expect(c.toYellow.count).toBe(await changed(`"to" = 'YELLOW'`));
    expect(c.improved.count).toBe(
      await changed(`(("from" = 'RED' and "to" <> 'RED' and "to" <> 'NONE') or ("from" = 'YELLOW' and "to" = 'BLUE'))`),
    );
    expect([c.toRed.count, c.toYellow.count, c.improved.count]).toEqual([1, 1, 1]);
    expect(c.improved.rows[0].id).toBe(ids.improvedL);
  });

  it("the red list names each project's reasons in words", () => {
    const r = first.sections.redList;
    expect(r.count).toBe(1);
    expect(r.rows[0]).toMatchObject({ id: ids.redK, leaderName: leader1.displayName, ownerName: owner1.displayName });
    expect(r.rows[0].reasons[0].message).toContain("落后序时进度 34 个百分点");
  });

  it("ranking: average of actual − planned-to-date at the week's end, best and worst", async () => {
    const rk = first.sections.ranking;
    const year = Number(W.weekEnd.slice(0, 4));
    const [{ elapsed, days }] = await db.$queryRaw<{ elapsed: number; days: number }[]>`
      select (${W.weekEnd}::date - ${`${year}-01-01`}::date + 1)::int as elapsed,
             (${`${year + 1}-01-01`}::date - ${`${year}-01-01`}::date)::int as days`;
    const planned = (elapsed / days) * 100;
    const gap = (actual: number) => (Math.round((actual - planned) * 10) / 10).toFixed(1);
    expect(rk.leaders.people).toBe(2);
    expect(rk.leaders.top.map((p) => [p.userId, p.projects, p.score])).toEqual([
      [leader1.id, 1, gap(90)],
      [leader2.id, 1, gap(0)],
    ]);
    expect(rk.leaders.bottom).toEqual([]);
    expect(rk.owners.top.map((p) => p.userId)).toEqual([owner1.id, owner2.id]);
  });

  it("notices: issued, closed and overdue; 通报 past the threshold names the people", async () => {
    const n = first.sections.notices;
    const [sql] = await db.$queryRaw<{ issued: number; closed: number; overdue: number }[]>`
      select count(*) filter (where "issuedAt" >= ${from} and "issuedAt" < ${to})::int as issued,
             count(*) filter (where "closedAt" >= ${from} and "closedAt" < ${to})::int as closed,
             count(*) filter (where state <> 'CLOSED' and ("resolveDue" < ${storedDate(today)}
                               or (state = 'ISSUED' and "replyDue" < ${storedDate(today)})))::int as overdue
        from supervision_notices`;
    expect([n.issued.count, n.closed.count, n.overdue.count]).toEqual([sql.issued, sql.closed, sql.overdue]);
    expect([n.issued.count, n.closed.count, n.overdue.count]).toEqual([1, 1, 1]);
    expect(n.bulletined.count).toBe(1);
    expect(n.bulletined.rows[0].id).toBe(ids.lateNotice);
    expect(n.bulletined.people.map((p) => p.name).sort()).toEqual([leader1.displayName, owner1.displayName].sort());
  });

  it("problems: raised, resolved, escalated in the week; open by level", async () => {
    const p = first.sections.problems;
    const [sql] = await db.$queryRaw<{ raised: number; resolved: number; escalated: number }[]>`
      select (select count(*) from problems where "createdAt" >= ${from} and "createdAt" < ${to})::int as raised,
             (select count(*) from problems where state = 'RESOLVED' and "resolvedAt" >= ${from} and "resolvedAt" < ${to})::int as resolved,
             (select count(*) from problem_events where action = 'ESCALATED' and at >= ${from} and at < ${to})::int as escalated`;
    expect([p.raised.count, p.resolved.count, p.escalated.count]).toEqual([sql.raised, sql.resolved, sql.escalated]);
    expect([p.raised.count, p.resolved.count, p.escalated.count]).toEqual([1, 1, 1]);
    expect(p.openByLevel).toEqual({ "1": 1, "2": 1, "3": 0 });
  });

  it("permits: items decided in the week, on time and late", async () => {
    const pm = first.sections.permits;
    const [sql] = await db.$queryRaw<{ decided: number; ontime: number }[]>`
      select count(*)::int as decided, count(*) filter (where "decidedDate" <= "dueDate")::int as ontime
        from permit_items where "decidedDate" between ${storedDate(W.weekStart)} and ${storedDate(W.weekEnd)}`;
    expect([pm.decided, pm.onTime, pm.late]).toEqual([sql.decided, sql.ontime, sql.decided - sql.ontime]);
    expect([pm.decided, pm.onTime, pm.late, pm.averageWorkingDays]).toEqual([2, 1, 1, "10.0"]);
    expect(pm.rows[0].onTime).toBe(false);
  });

  it("is frozen: a later change leaves the stored bulletin as it was; generating again makes revision 2", async () => {
    const n = await project("lateSigning", { totalInvestment: "50.00" });
    await move(n, "NEGOTIATING", "SIGNED", at(5));
    const read = await call(getRoute, `/api/v1/bulletins/${first.id}`, { cookie: cookie.staff, id: first.id });
    expect(read.status).toBe(200);
    expect(read.body.sections).toEqual(first.sections);
    const again = await call(generateRoute, "/api/v1/bulletins", {
      method: "POST",
      cookie: cookie.manager,
      body: { weekStart: W.weekStart },
    });
    expect(again.status).toBe(201);
    expect(again.body.revision).toBe(2);
    expect(again.body.sections.signings.count).toBe(first.sections.signings.count + 1);
    expect(
      (await call(getRoute, `/api/v1/bulletins/${first.id}`, { cookie: cookie.manager, id: first.id })).body.sections
        .signings.count,
    ).toBe(first.sections.signings.count);
    // Two at once: each its own revision.
    const both = await Promise.all(
      [1, 2].map(() => generateBulletin(db, { actor: actorOf(manager), input: { weekStart: W.weekStart } })),
    );
    expect(both.map((b) => b!.revision).sort()).toEqual([3, 4]);
    const list = await call(listRoute, "/api/v1/bulletins?pageSize=2", { cookie: cookie.staff });
    expect(list.body.total).toBe(4);
    expect(list.body.items.map((b: { revision: number }) => b.revision)).toEqual([4, 3]);
    expect(list.body.items[0].generatedBy.id).toBe(manager.id);
    const audit = await db.auditLog.count({ where: { entityType: "Bulletin", action: "generate" } });
    expect(audit).toBe(4);
    expect(await db.notification.count({ where: { kind: "bulletinGenerated", userId: leader1.id } })).toBe(4);
  });

  it("refuses a week not yet ended (422), a day not a Monday (400), and STAFF (403)", async () => {
    const post = (weekStart: unknown, who = cookie.manager) =>
      call(generateRoute, "/api/v1/bulletins", { method: "POST", cookie: who, body: { weekStart } });
    const current = await post(weekOf(today).weekStart);
    expect([current.status, current.body.error.code]).toEqual([422, "RULE_BULLETIN_WEEK_NOT_ENDED"]);
    const tuesday = await post(addDays(W.weekStart, 1));
    expect([tuesday.status, Object.keys(tuesday.body.error.fields)]).toEqual([400, ["weekStart"]]);
    expect((await post("2026-02-30")).status).toBe(400);
    expect((await post("0001-01-01")).status).toBe(400);
    expect((await post(W.weekStart, cookie.staff)).status).toBe(403);
    const preview = await call(previewRoute, "/api/v1/bulletins/preview", { cookie: cookie.manager });
    expect([preview.status, preview.body.draft, preview.body.weekStart]).toEqual([200, true, weekOf(today).weekStart]);
    expect((await call(previewRoute, "/api/v1/bulletins/preview", { cookie: cookie.staff })).status).toBe(403);
    expect(await db.bulletin.count({ where: { weekStart: storedDate(weekOf(today).weekStart) } })).toBe(0);
  });

  it("exports .xlsx: one sheet per section, the 合计 rows equal the numbers", async () => {
    const res = await exportRoute(
      apiRequest(`/api/v1/bulletins/${first.id}/export`, { cookie: cookie.staff }),
      routeParams({ id: first.id }),
    );
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get("content-disposition")!)).toContain(
      `周通报_${W.weekStart}至${W.weekEnd}.xlsx`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const s = first.sections;
    const totalRow = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      let found: ExcelJS.CellValue[] | null = null;
      ws.eachRow((row) => {
        if (row.getCell(1).value === "合计") found = (row.values as ExcelJS.CellValue[]).slice(1);
      });
      return found!;
    };
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "新增线索",
      "签约项目",
      "首次开工项目",
      "首次竣工项目",
      "首次投产项目",
      "红黄蓝预警",
      "红色预警项目",
      "红黑榜",
      "督办通知",
      "要素保障问题",
      "审批办理",
    ]);
    expect(totalRow("新增线索")).toEqual(["合计", s.newLeads.count, Number(s.newLeads.investment)]);
    expect(totalRow("签约项目")).toEqual(["合计", s.signings.count, Number(s.signings.investment)]);
    expect(totalRow("首次开工项目")).toEqual([
      "合计",
      s.firstEntries.CONSTRUCTION.count,
      Number(s.firstEntries.CONSTRUCTION.investment),
    ]);
    const c = s.colours.current;
    expect(totalRow("红黄蓝预警")).toEqual(["合计", c.BLUE + c.YELLOW + c.RED + c.NONE]);
    expect(totalRow("审批办理").slice(0, 2)).toEqual(["合计", s.permits.decided]);
    expect(wb.getWorksheet("新增线索")!.getRow(1).getCell(1).value).toContain(W.weekStart);
  });

  it("the Monday job generates last week once, and leaves a week that has a bulletin", async () => {
    const W2 = previousWeek(W.weekStart);
    const slot = `test-${W.weekStart}`;
    const runs = await Promise.all(
      [1, 2].map(() =>
        runOnce({ name: "bulletins.weekly", slot }, () => generateLastWeekBulletin(db, { today: W.weekStart })),
      ),
    );
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect(await db.bulletin.count({ where: { weekStart: storedDate(W2.weekStart) } })).toBe(1);
    const rerun = await generateLastWeekBulletin(db, { today: W.weekStart });
    expect(rerun.generated).toBeNull();
    const [job] = await db.bulletin.findMany({ where: { weekStart: storedDate(W2.weekStart) } });
    expect([job.revision, job.generatedById]).toEqual([1, null]);
    expect(await db.bulletin.count({ where: { weekStart: storedDate(W.weekStart) } })).toBe(4);
  });

  it("the demo seed generates the last two ended weeks that have none, once", async () => {
    const W3 = previousWeek(previousWeek(W.weekStart).weekStart);
    expect(await seedBulletins(db, today)).toEqual({ generated: [] });
    expect(await seedBulletins(db, W.weekStart)).toEqual({ generated: [W3.weekStart] });
    expect(await seedBulletins(db, W.weekStart)).toEqual({ generated: [] });
    const seeded = await db.bulletin.findFirstOrThrow({ where: { weekStart: storedDate(W3.weekStart) } });
    expect([seeded.revision, seeded.generatedById]).toEqual([1, null]);
  });
});

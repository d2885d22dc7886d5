// 督查项目专报 through its API: the plan against the actual by quarter (read at each due date
// from the stage history and the progress entries), the colour history, the year's progress,
// the problems with their levels and the notices; 404 for who may not read the project's work.
import { GET as reportRoute } from "../../app/api/v1/projects/[id]/inspection-report/route";
import { getDb } from "../../lib/db";
import { shanghaiToday } from "../../lib/dates";
import { issueNotice } from "../../lib/supervision/issue-notice";
import {
  actorOf,
  callRoute as call,
  createDepartment,
  createPermitItem,
  createProject,
  createUser,
  sessionCookie,
} from "../factories";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
/** Noon in Shanghai on a day (a stage change's time). */
const noon = (d: string) => new Date(`${d}T04:00:00Z`);

describe("督查项目专报", () => {
  const today = shanghaiToday();
  // Last year's plan: every milestone's due date has passed, whatever today is.
  const year = Number(today.slice(0, 4)) - 1;
  let projectId = "";
  let cookies: Record<"manager" | "stranger" | "approver", string>;

  beforeAll(async () => {
    const db = getDb();
    const manager = await createUser({ role: "MANAGER" });
    const leader = await createUser({ role: "LEADER", displayName: "李分管" });
    const dept = await createDepartment({ kind: "PERMIT" });
    const approver = await createUser({ role: "APPROVER", departmentId: dept.id });
    cookies = {
      manager: await sessionCookie(manager),
      stranger: await sessionCookie(await createUser({ role: "STAFF" })),
      approver: await sessionCookie(approver),
    };
    const p = await createProject({ leaderId: leader.id, stage: "CONSTRUCTION", name: "专报测试项目" });
    projectId = p.id;
    await createPermitItem({ projectId, departmentId: dept.id });
    await db.stageChange.createMany({
      data: [
        { projectId, toStage: "SIGNED", userId: manager.id, createdAt: noon(`${year - 1}-12-01`) },
        { projectId, fromStage: "SIGNED", toStage: "APPROVING", userId: manager.id, createdAt: noon(`${year}-02-10`) },
        {
          projectId,
          fromStage: "APPROVING",
          toStage: "CONSTRUCTION",
          userId: manager.id,
          createdAt: noon(`${year}-07-05`),
        },
      ],
    });
    await db.projectPlan.create({
      data: {
        projectId,
        year,
        goalStage: "CONSTRUCTION",
        goalInvestment: "8000",
        leaderId: leader.id,
        createdById: manager.id,
        signedAt: new Date(),
        signedById: leader.id,
        milestones: {
          create: [
            { quarter: 1, stage: "APPROVING", investment: "0", task: "手续办理", dueDate: day(`${year}-03-31`) },
            { quarter: 2, stage: "CONSTRUCTION", investment: "1000", task: "开工", dueDate: day(`${year}-06-30`) },
            { quarter: 3, stage: "CONSTRUCTION", investment: "3000", task: "主体", dueDate: day(`${year}-09-30`) },
            { quarter: 4, stage: "CONSTRUCTION", investment: "8000", task: "封顶", dueDate: day(`${year}-12-31`) },
          ],
        },
      },
    });
    await db.progressEntry.createMany({
      data: [
        { projectId, date: day(`${year}-06-20`), investmentCompleted: "600", percent: "7.5", createdById: manager.id },
        {
          projectId,
          date: day(`${year}-09-25`),
          investmentCompleted: "3100",
          percent: "38.75",
          createdById: manager.id,
        },
      ],
    });
    await db.problem.createMany({
      data: [
        {
          projectId,
          title: "施工用电未接入",
          category: "POWER",
          departmentId: dept.id,
          dueDate: day(`${year}-01-05`),
          level: 3,
          raisedById: manager.id,
          createdAt: noon(`${year}-05-01`),
        },
        {
          projectId,
          title: "用地指标",
          category: "LAND",
          departmentId: dept.id,
          dueDate: day(`${year}-12-31`),
          state: "RESOLVED",
          resolution: "已调剂指标",
          raisedById: manager.id,
          createdAt: noon(`${year}-05-02`),
        },
      ],
    });
    await issueNotice({
      actor: actorOf(manager),
      input: { projectId, subject: "加快主体施工", content: "按期完成三季度节点" },
    });
  });

  const report = (cookie: string, qs = "") =>
    call(reportRoute, `/api/v1/projects/${projectId}/inspection-report${qs}`, { cookie, id: projectId });

  it("reads each quarter at its due date: met on time, late, or not yet due", async () => {
    const res = await report(cookies.manager, `?year=${year}`);
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.project).toMatchObject({ name: "专报测试项目", leaderName: "李分管" });
    expect(r.plan).toMatchObject({ goalInvestment: "8000.00", signedByName: "李分管" });
    const q = (n: number) => r.quarters.find((x: { quarter: number }) => x.quarter === n);
    expect(q(1)).toMatchObject({ asOf: `${year}-03-31`, actualStage: "APPROVING", status: "MET" });
    // Q2: on 30 June still APPROVING with 600 of 1000; met since.
    expect(q(2)).toMatchObject({ actualStage: "APPROVING", actualInvestment: "600.00" });
    expect(q(2).status).toBe("LATE");
    expect(q(3)).toMatchObject({ actualStage: "CONSTRUCTION", actualInvestment: "3100.00", status: "MET" });
    expect(q(4)).toMatchObject({ asOf: `${year}-12-31`, actualInvestment: "3100.00", status: "MISSED" });
    expect(r.progress).toHaveLength(2);
  });

  it("lists the problems (level 3 first, the overdue one marked) and the notices", async () => {
    const r = (await report(cookies.manager, `?year=${year}`)).body;
    expect(
      r.problems.map((p: { title: string; level: number; overdue: boolean }) => [p.title, p.level, p.overdue]),
    ).toEqual([
      ["施工用电未接入", 3, true],
      ["用地指标", 1, false],
    ]);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatchObject({ subject: "加快主体施工", state: "ISSUED" });
    expect(r.notices[0].number).toMatch(/督办/);
  });

  it("is read by the bureau's staff, not by a department's approver (404); a bad year is 400", async () => {
    expect((await report(cookies.stranger)).status).toBe(200);
    expect((await report(cookies.approver)).status).toBe(404);
    const bad = await report(cookies.manager, "?year=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("year");
  });
});

// The home page's 待办 (lib/home/tasks.ts) for each role: what needs the user, with counts
// that match the lists they link to.
import { getDb } from "../../lib/db";
import { homeTasks, type HomeTask } from "../../lib/home/tasks";
import { listPermitCases } from "../../lib/permits/queries";
import { listProjects } from "../../lib/projects/queries";
import { raiseProblem } from "../../lib/problems/raise-problem";
import { issueNotice } from "../../lib/supervision/issue-notice";
import { actorOf, createDepartment, createPermitItem, createProject, createUser } from "../factories";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const day = (n: number) => new Date(`${new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
const entry = (tasks: HomeTask[], id: HomeTask["id"]) => tasks.find((t) => t.id === id);

async function pipeline() {
  const db = getDb();
  const staff = await createUser({ role: "STAFF" });
  const leader = await createUser({ role: "LEADER" });
  const other = await createUser({ role: "STAFF" });
  // Negotiating for 60 days without an activity: stalled, and 签约 waits for its date and amount.
  const quiet = await createProject({
    name: "久未跟进的洽谈项目",
    ownerId: staff.id,
    leaderId: leader.id,
    stage: "NEGOTIATING",
  });
  // A lead with a recent call: neither.
  const busy = await createProject({ name: "刚回访的线索", ownerId: staff.id, stage: "LEAD" });
  // Signed yesterday without a credit code: 落地注册 waits for it; too new to be stalled.
  const signed = await createProject({ name: "待补信用代码的签约项目", ownerId: staff.id, stage: "SIGNED" });
  // Someone else's stalled project, and a terminated one: not the staff member's to do.
  const theirs = await createProject({ name: "同事的项目", ownerId: other.id, stage: "NEGOTIATING" });
  const closed = await createProject({ name: "已终止项目", ownerId: staff.id, stage: "NEGOTIATING" });
  await db.project.updateMany({
    where: { id: { in: [quiet.id, busy.id, theirs.id, closed.id] } },
    data: { createdAt: daysAgo(60), updatedAt: daysAgo(60) },
  });
  await db.project.update({ where: { id: closed.id }, data: { stage: "TERMINATED" } });
  await db.projectActivity.create({
    data: { projectId: busy.id, type: "CALL", date: daysAgo(3), notes: "电话回访", createdById: staff.id },
  });
  await db.projectActivity.create({
    data: { projectId: quiet.id, type: "VISIT", date: daysAgo(40), notes: "上门拜访", createdById: staff.id },
  });
  return { staff, leader, quiet, busy, signed, theirs };
}

describe("homeTasks", () => {
  it("STAFF: their projects without an activity for 30 days, and those whose next stage waits for data", async () => {
    const p = await pipeline();
    const tasks = await homeTasks({ actor: actorOf(p.staff) });
    expect(tasks.map((t) => t.id)).toEqual(["stalledMine", "waitingData", "noticesTodo"]);
    const stalled = entry(tasks, "stalledMine")!;
    expect([stalled.count, stalled.items.map((i) => i.label)]).toEqual([1, ["久未跟进的洽谈项目"]]);
    expect(stalled.items[0].note).toEqual({ key: "home.tasks.lastActivity", params: { date: expect.any(String) } });
    expect(stalled.href).toBe("/projects?mine=1&stalled=30");
    // The link's list holds exactly what was counted.
    const listed = await listProjects({ actor: actorOf(p.staff), query: { mine: "1", stalled: "30" } });
    expect(listed.items.map((i) => i.id)).toEqual([p.quiet.id]);

    const waiting = entry(tasks, "waitingData")!;
    expect(waiting.count).toBe(2);
    const notes = Object.fromEntries(waiting.items.map((i) => [i.label, i.note]));
    expect(notes["久未跟进的洽谈项目"]).toEqual({
      key: "home.tasks.needs",
      params: {
        stage: { key: "stages.SIGNED" },
        fields: [{ key: "history.fields.signingDate" }, { key: "history.fields.contractInvestment" }],
      },
    });
    expect(notes["待补信用代码的签约项目"]).toEqual({
      key: "home.tasks.needs",
      params: { stage: { key: "stages.REGISTERED" }, fields: [{ key: "history.fields.creditCode" }] },
    });
  });

  it("LEADER: the projects they lead without an activity for 30 days", async () => {
    const p = await pipeline();
    const tasks = await homeTasks({ actor: actorOf(p.leader) });
    expect(tasks.map((t) => [t.id, t.count, t.items.map((i) => i.id)])).toEqual([
      ["stalledMine", 1, [p.quiet.id]],
      ["noticesTodo", 0, []],
      ["plansToSign", 0, []],
    ]);
  });

  it("APPROVER: the department's items to decide, nearest due first, with the overdue ones counted", async () => {
    const db = getDb();
    const department = await createDepartment({ kind: "PERMIT" });
    const approver = await createUser({ role: "APPROVER", departmentId: department.id });
    const make = async (name: string, due: Date, state: "PENDING" | "RETURNED" = "PENDING") => {
      const project = await createProject({ name, stage: "SIGNED" });
      const item = await createPermitItem({ projectId: project.id, departmentId: department.id });
      await db.permitItem.update({ where: { id: item.id }, data: { dueDate: due, startDate: day(-20), state } });
      return item;
    };
    const late = await make("超期审批项目", day(-3));
    const soon = await make("将到期审批项目", day(4));
    await make("退回补正中的项目", day(-10), "RETURNED");
    await make("别的部门", day(1)).then(async (i) =>
      db.permitItem.update({ where: { id: i.id }, data: { departmentId: (await createDepartment()).id } }),
    );
    const tasks = await homeTasks({ actor: actorOf(approver) });
    expect(tasks.map((t) => t.id)).toEqual(["permitItems", "problemsDepartment"]);
    const [items] = tasks;
    expect([items.count, items.tone, items.title]).toEqual([
      2,
      "danger",
      { key: "home.tasks.permitItemsOverdue", params: { overdue: 1 } },
    ]);
    expect(items.items.map((i) => [i.id, i.label, i.note?.key])).toEqual([
      [late.id, "超期审批项目", "home.tasks.itemOverdue"],
      [soon.id, "将到期审批项目", "home.tasks.itemDue"],
    ]);
    // 办理 from the home page: the case, at that item, with its decision form open.
    expect(items.items[0].href).toBe(`/permits/${late.caseId}?item=${late.id}#item-${late.id}`);
  });

  it("MANAGER: counts of overdue permit cases and stalled projects, each the length of the list it links to", async () => {
    await pipeline();
    const manager = actorOf(await createUser({ role: "MANAGER" }));
    const department = await createDepartment({ kind: "PERMIT" });
    const project = await createProject({ name: "经理看到的超期项目", stage: "SIGNED" });
    const item = await createPermitItem({ projectId: project.id, departmentId: department.id });
    await getDb().permitItem.update({ where: { id: item.id }, data: { dueDate: day(-5), startDate: day(-30) } });

    const tasks = await homeTasks({ actor: manager });
    expect(tasks.map((t) => t.id)).toEqual([
      "noticesTodo",
      "problemsProposed",
      "redProjects",
      "overdueNotices",
      "overduePermits",
      "stalledAll",
    ]);
    const overdue = entry(tasks, "overduePermits")!;
    expect(overdue.count).toBeGreaterThanOrEqual(1);
    expect(overdue.count).toBe((await listPermitCases({ actor: manager, query: { overdue: "true" } })).total);
    expect(overdue.href).toBe("/permits?overdue=true");
    const stalled = entry(tasks, "stalledAll")!;
    expect(stalled.count).toBeGreaterThanOrEqual(2);
    expect(stalled.count).toBe((await listProjects({ actor: manager, query: { stalled: "30" } })).total);
  });

  it("督办: a notice waits for its leader's reply, then for the manager's review; a plan for its leader's signature; RED projects for managers", async () => {
    const db = getDb();
    const leader = await createUser({ role: "LEADER" });
    const owner = await createUser({ role: "STAFF" });
    const manager = actorOf(await createUser({ role: "MANAGER" }));
    const project = await createProject({
      name: "督办待办验证项目",
      ownerId: owner.id,
      leaderId: leader.id,
      stage: "SIGNED",
    });
    const notice = await issueNotice({
      actor: manager,
      input: { projectId: project.id, subject: "加快开工前准备", content: "请于三日内报送整改措施" },
    });
    for (const user of [leader, owner]) {
      const todo = entry(await homeTasks({ actor: actorOf(user) }), "noticesTodo")!;
      expect([todo.count, todo.items.map((i) => i.id), todo.href]).toEqual([
        1,
        [notice.id],
        "/supervision/notices?todo=true",
      ]);
      expect(todo.items[0].label).toBe(`${notice.number} · 督办待办验证项目`);
      expect(todo.items[0].note).toEqual({ key: "home.tasks.noticeReplyBy", params: { due: notice.replyDue } });
    }
    // The manager's list of notices to review holds it only once it is answered.
    expect(entry(await homeTasks({ actor: manager }), "noticesTodo")!.items.map((i) => i.id)).not.toContain(notice.id);
    await db.supervisionNotice.update({ where: { id: notice.id }, data: { state: "REPLIED", reply: "已落实" } });
    const review = entry(await homeTasks({ actor: manager }), "noticesTodo")!;
    expect(review.items.find((i) => i.id === notice.id)?.note).toEqual({ key: "home.tasks.noticeReview" });
    expect(entry(await homeTasks({ actor: actorOf(leader) }), "noticesTodo")!.count).toBe(0);

    await db.projectPlan.create({
      data: {
        projectId: project.id,
        year: 2027,
        goalStage: "CONSTRUCTION",
        goalInvestment: "1000",
        leaderId: leader.id,
        createdById: owner.id,
      },
    });
    const sign = entry(await homeTasks({ actor: actorOf(leader) }), "plansToSign")!;
    expect([sign.count, sign.items.map((i) => [i.label, i.href])]).toEqual([
      1,
      [["督办待办验证项目", `/projects/${project.id}?tab=supervision&year=2027`]],
    ]);

    await db.project.update({ where: { id: project.id }, data: { warning: "RED" } });
    const red = entry(await homeTasks({ actor: manager }), "redProjects")!;
    expect(red.href).toBe("/projects?warning=RED");
    expect(red.count).toBe((await listProjects({ actor: manager, query: { warning: "RED" } })).total);
    expect(red.count).toBeGreaterThanOrEqual(1);
  });

  it("ADMIN: nothing to do", async () => {
    expect(await homeTasks({ actor: actorOf(await createUser({ role: "ADMIN" })) })).toEqual([]);
  });
});

describe("要素保障 on the home page", () => {
  it("a department's users see its open problems (overdue first in tone); managers the proposals", async () => {
    const department = await createDepartment();
    const approver = actorOf(await createUser({ role: "APPROVER", departmentId: department.id }));
    const manager = actorOf(await createUser({ role: "MANAGER" }));
    const project = await createProject({ name: "要素保障待办项目" });
    const raised = await raiseProblem({
      actor: manager,
      input: { projectId: project.id, title: "用水指标待落实", category: "WATER", department: department.code },
    });
    await raiseProblem({
      actor: manager,
      input: {
        projectId: project.id,
        title: "别的单位的问题",
        category: "WATER",
        department: (await createDepartment()).code,
      },
    });
    await getDb().problem.update({
      where: { id: raised.id },
      data: { dueDate: new Date(Date.now() - 3 * 86_400_000), escalationProposedAt: new Date() },
    });
    const mine = entry(await homeTasks({ actor: approver }), "problemsDepartment")!;
    expect([mine.count, mine.tone, mine.items.map((i) => i.label)]).toEqual([
      1,
      "danger",
      ["用水指标待落实 · 要素保障待办项目"],
    ]);
    expect(mine.href).toBe(`/supervision/problems?department=${department.code}&state=ACTIVE`);
    const proposed = entry(await homeTasks({ actor: manager }), "problemsProposed")!;
    expect(proposed.items.map((i) => i.id)).toContain(raised.id);
    expect(proposed.href).toBe("/supervision/problems?proposed=true");
  });
});

// The year's plan (责任书) and 日调度 through the API: drafting, optimistic locking, 签字认领
// by the leader only, changes of a signed letter by a manager with a reason (audited), every
// bad input refused with its field, progress entries with attachments, and the overview of
// who has not reported.
import { GET as getPlanRoute, PUT as putPlanRoute } from "../../app/api/v1/projects/[id]/plans/[year]/route";
import { POST as signRoute } from "../../app/api/v1/projects/[id]/plans/[year]/sign/route";
import { GET as listProgressRoute, POST as progressRoute } from "../../app/api/v1/projects/[id]/progress/route";
import { POST as uploadRoute } from "../../app/api/v1/projects/[id]/attachments/route";
import { getDb } from "../../lib/db";
import { shanghaiToday, storedDate } from "../../lib/dates";
import { dispatchOverview, groupUnreported } from "../../lib/supervision/dispatch-overview";
import { planHistory, planLocation } from "../../lib/supervision/plan-queries";
import { actorOf, apiRequest, createProject, createUser, routeParams, sessionCookie } from "../factories";

const today = shanghaiToday();
const year = Number(today.slice(0, 4));

type Handler = (req: Request, ctx: never) => Promise<Response>;
async function call(
  handler: Handler,
  path: string,
  params: Record<string, string>,
  opts: { method?: string; cookie: string; body?: unknown },
) {
  const res = await handler(apiRequest(path, opts), routeParams(params) as never);
  return { status: res.status, body: await res.json() };
}

const milestones = () => [
  { quarter: 1, stage: "SIGNED", investment: "0", task: "完成签约备案", dueDate: "" },
  { quarter: 2, stage: "REGISTERED", investment: "1000", task: "注册项目公司" },
  { quarter: 3, stage: "APPROVING", investment: "3000", task: "七证合一办理" },
  { quarter: 4, stage: "CONSTRUCTION", investment: "5000", task: "主体开工" },
];
const planBody = (over: Record<string, unknown> = {}) => ({
  goalStage: "CONSTRUCTION",
  goalInvestment: "5000",
  milestones: milestones(),
  ...over,
});

describe("plans and responsibility letters", () => {
  let owner: Awaited<ReturnType<typeof createUser>>;
  let leader: Awaited<ReturnType<typeof createUser>>;
  const cookies = { owner: "", leader: "", otherLeader: "", manager: "", otherStaff: "" };
  let projectId: string;

  const put = (body: unknown, cookie = cookies.owner, y: string | number = year, id = projectId) =>
    call(
      putPlanRoute as Handler,
      `/api/v1/projects/${id}/plans/${y}`,
      { id, year: String(y) },
      {
        method: "PUT",
        cookie,
        body,
      },
    );
  const get = (cookie = cookies.owner, y: string | number = year, id = projectId) =>
    call(getPlanRoute as Handler, `/api/v1/projects/${id}/plans/${y}`, { id, year: String(y) }, { cookie });
  const sign = (cookie: string, body: unknown = {}, id = projectId) =>
    call(
      signRoute as Handler,
      `/api/v1/projects/${id}/plans/${year}/sign`,
      { id, year: String(year) },
      {
        method: "POST",
        cookie,
        body,
      },
    );

  beforeAll(async () => {
    owner = await createUser({ role: "STAFF" });
    leader = await createUser({ role: "LEADER", displayName: "李责任" });
    cookies.owner = await sessionCookie(owner);
    cookies.leader = await sessionCookie(leader);
    cookies.otherLeader = await sessionCookie(await createUser({ role: "LEADER" }));
    cookies.manager = await sessionCookie(await createUser({ role: "MANAGER" }));
    cookies.otherStaff = await sessionCookie(await createUser({ role: "STAFF" }));
    projectId = (await createProject({ ownerId: owner.id, leaderId: leader.id, stage: "SIGNED" })).id;
  });

  it("has no plan at first (404), then the owner drafts one: the project's leader by default, due dates at quarter ends, money as decimals", async () => {
    expect((await get()).status).toBe(404);
    const res = await put(planBody());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      year,
      state: "DRAFT",
      signedAt: null,
      signedBy: null,
      version: 1,
      goalStage: "CONSTRUCTION",
      goalInvestment: "5000.00",
      leaderId: leader.id,
      leaderName: "李责任",
    });
    expect(res.body.milestones).toEqual([
      { quarter: 1, stage: "SIGNED", investment: "0.00", task: "完成签约备案", dueDate: `${year}-03-31` },
      { quarter: 2, stage: "REGISTERED", investment: "1000.00", task: "注册项目公司", dueDate: `${year}-06-30` },
      { quarter: 3, stage: "APPROVING", investment: "3000.00", task: "七证合一办理", dueDate: `${year}-09-30` },
      { quarter: 4, stage: "CONSTRUCTION", investment: "5000.00", task: "主体开工", dueDate: `${year}-12-31` },
    ]);
    expect((await get()).body).toEqual(res.body);
    expect((await get(cookies.owner, year + 1)).status).toBe(404);
    // The leader is asked to sign.
    const inbox = await getDb().notification.findMany({ where: { userId: leader.id, kind: "planToSign" } });
    expect(inbox).toEqual([expect.objectContaining({ entityType: "ProjectPlan", entityId: res.body.id })]);
  });

  it("wants the version from the second save, and refuses a stale one (409) without saving", async () => {
    const missing = await put(planBody({ goalInvestment: "6000" }));
    expect([missing.status, Object.keys(missing.body.error.fields)]).toEqual([400, ["version"]]);
    const stale = await put(planBody({ goalInvestment: "6000", version: 7 }));
    expect([stale.status, stale.body.error.code]).toEqual([409, "CONFLICT"]);
    expect((await get()).body).toMatchObject({ goalInvestment: "5000.00", version: 1 });
    const ok = await put(planBody({ goalInvestment: "6000", version: 1 }));
    expect(ok.body).toMatchObject({ goalInvestment: "6000.00", version: 2 });
  });

  it("another staff member may not draft it (403)", async () => {
    const res = await put(planBody({ version: 2 }), cookies.otherStaff);
    expect(res.status).toBe(403);
  });

  it("is signed by the leader named on it only: anyone else 403, a second signature 422", async () => {
    expect((await sign(cookies.otherLeader)).status).toBe(403);
    expect((await sign(cookies.owner)).status).toBe(403);
    expect((await sign(cookies.manager)).status).toBe(403);
    expect((await sign(cookies.leader, { version: 1 })).status).toBe(409);
    // No body at all is the same as {}.
    const res = await call(
      signRoute as Handler,
      `/api/v1/projects/${projectId}/plans/${year}/sign`,
      {
        id: projectId,
        year: String(year),
      },
      { method: "POST", cookie: cookies.leader },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: "SIGNED", signedBy: leader.id, signedByName: "李责任", version: 3 });
    expect(Date.now() - Date.parse(res.body.signedAt)).toBeLessThan(60_000);
    const again = await sign(cookies.leader);
    expect([again.status, again.body.error.code]).toEqual([422, "RULE_PLAN_ALREADY_SIGNED"]);
    expect(await getDb().notification.count({ where: { userId: owner.id, kind: "planSigned" } })).toBe(1);
  });

  it("once signed, only a manager changes it, with a reason; the change goes back to the leader and is in the history", async () => {
    const asOwner = await put(planBody({ version: 3, reason: "想调整" }));
    expect([asOwner.status, asOwner.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const noReason = await put(planBody({ version: 3, goalInvestment: "8000" }), cookies.manager);
    expect([noReason.status, Object.keys(noReason.body.error.fields)]).toEqual([400, ["reason"]]);
    expect((await get()).body).toMatchObject({ state: "SIGNED", goalInvestment: "6000.00", version: 3 });

    const res = await put(planBody({ version: 3, goalInvestment: "8000", reason: "追加二期投资" }), cookies.manager);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: "DRAFT", goalInvestment: "8000.00", signedAt: null, version: 4 });

    const audit = await getDb().auditLog.findMany({
      where: { entityType: "ProjectPlan", entityId: res.body.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "sign", "change"]);
    expect(audit[3].after).toMatchObject({ reason: "追加二期投资", goalInvestment: "8000.00" });
    expect(audit[3].before).toMatchObject({ signedBy: leader.id, goalInvestment: "6000.00" });

    const history = await planHistory({ actor: actorOf(leader), planId: res.body.id, locale: "zh-CN" });
    expect(history[0].summary).toBe("调整已签字的计划");
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: "年度投资目标", before: "6,000.00 万元", after: "8,000.00 万元" },
        { field: "调整原因", before: "—", after: "追加二期投资" },
        { field: "签字人", before: "李责任", after: "—" },
      ]),
    );
    expect(history.map((h) => h.summary)).toEqual(["调整已签字的计划", "签字认领", "修改年度计划", "制定年度计划"]);
    // The audit log names the letter and links to it, for those who may read the project's work.
    expect(history[0].entity).toMatchObject({ label: "年度计划（责任书）", href: `/supervision/plans/${res.body.id}` });
    expect(history[0].entity.name).toContain(String(year));
    expect(await planLocation({ actor: actorOf(leader), planId: res.body.id })).toBe(
      `/projects/${projectId}/plans/${year}/print`,
    );
    const approver = actorOf(await createUser({ role: "APPROVER" }));
    await expect(planLocation({ actor: approver, planId: res.body.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().notification.count({ where: { userId: leader.id, kind: "planToSign" } })).toBe(2);
    expect(await getDb().notification.count({ where: { userId: owner.id, kind: "planChanged" } })).toBe(1);

    // Signed again by the leader.
    expect((await sign(cookies.leader, { version: 4 })).body).toMatchObject({ state: "SIGNED", version: 5 });
  });

  describe("bad input: 400 naming the field, nothing saved", () => {
    let fresh: string;
    beforeAll(async () => {
      fresh = (await createProject({ ownerId: owner.id, leaderId: leader.id, stage: "SIGNED" })).id;
    });
    const change = (q: number, patch: Record<string, unknown>) =>
      milestones().map((m) => (m.quarter === q ? { ...m, ...patch } : m));
    const cases: [string, () => unknown, string | number, string][] = [
      ["a year before 2000", () => planBody(), 1999, "year"],
      ["a year after 2100", () => planBody(), 2101, "year"],
      ["a year that is not a number", () => planBody(), "二〇二六", "year"],
      ["three quarters", () => planBody({ milestones: milestones().slice(0, 3) }), year, "milestones"],
      ["a quarter twice", () => planBody({ milestones: change(4, { quarter: 2 }) }), year, "milestones.3.quarter"],
      [
        "a stage going back",
        () => planBody({ milestones: change(3, { stage: "SIGNED" }) }),
        year,
        "milestones.2.stage",
      ],
      [
        "an investment below the previous quarter's",
        () => planBody({ milestones: change(3, { investment: "999" }) }),
        year,
        "milestones.2.investment",
      ],
      [
        "a due date outside its quarter",
        () => planBody({ milestones: change(2, { dueDate: `${year}-07-01` }) }),
        year,
        "milestones.1.dueDate",
      ],
      [
        "a goal behind the project's stage",
        () =>
          planBody({
            goalStage: "NEGOTIATING",
            milestones: milestones().map((m) => ({ ...m, stage: "NEGOTIATING" })),
          }),
        year,
        "goalStage",
      ],
      ["Q4 above the year's goal", () => planBody({ goalInvestment: "4999.99" }), year, "milestones.3.investment"],
      ["a goal past its column", () => planBody({ goalInvestment: "1000000000000" }), year, "goalInvestment"],
      [
        "a milestone past its column",
        () => planBody({ milestones: change(4, { investment: "99999999999999" }) }),
        year,
        "milestones.3.investment",
      ],
      ["a leader who may not lead", () => planBody({ leaderId: owner.id }), year, "leaderId"],
      ["an unknown stage", () => planBody({ goalStage: "DONE" }), year, "goalStage"],
    ];
    it.each(cases)("%s", async (_what, body, y, field) => {
      const res = await put(body(), cookies.owner, y, fresh);
      expect([res.status, res.body.error.code, Object.keys(res.body.error.fields)]).toEqual([
        400,
        "VALIDATION",
        [field],
      ]);
      expect(res.body.error.fields[field]).toEqual(expect.any(String));
      expect(await getDb().projectPlan.count({ where: { projectId: fresh } })).toBe(0);
    });

    it("words the field in the caller's language", async () => {
      const res = await call(
        putPlanRoute as Handler,
        `/api/v1/projects/${fresh}/plans/${year}`,
        { id: fresh, year: String(year) },
        { method: "PUT", cookie: cookies.owner, body: planBody({ milestones: change(3, { stage: "SIGNED" }) }) },
      );
      expect(res.body.error.fields["milestones.2.stage"]).toBe("节点阶段不能早于上一季度");
    });
  });
});

describe("日调度: progress entries", () => {
  let owner: Awaited<ReturnType<typeof createUser>>;
  let cookie: string;
  let planned: string;
  let unplanned: string;

  const post = (id: string, body: unknown, c = cookie) =>
    call(progressRoute as Handler, `/api/v1/projects/${id}/progress`, { id }, { method: "POST", cookie: c, body });
  async function upload(id: string, c = cookie) {
    const form = new FormData();
    form.set("file", new File(["\x89PNG 现场照片"], "现场.png", { type: "image/png" }));
    const res = await uploadRoute(
      new Request(`http://localhost/api/v1/projects/${id}/attachments`, {
        method: "POST",
        headers: { cookie: c, origin: "http://localhost" },
        body: form,
      }),
      routeParams({ id }),
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    owner = await createUser({ role: "STAFF" });
    cookie = await sessionCookie(owner);
    const leader = await createUser({ role: "LEADER" });
    planned = (await createProject({ ownerId: owner.id, leaderId: leader.id, stage: "SIGNED" })).id;
    unplanned = (await createProject({ ownerId: owner.id, leaderId: leader.id, stage: "SIGNED" })).id;
    const res = await call(
      putPlanRoute as Handler,
      `/api/v1/projects/${planned}/plans/${year}`,
      { id: planned, year: String(year) },
      { method: "PUT", cookie, body: planBody() },
    );
    expect(res.status).toBe(200);
  });

  it("refuses a project not under dispatch (422 with the rule)", async () => {
    const res = await post(unplanned, { date: today, investmentCompleted: "100" });
    expect([res.status, res.body.error.code]).toEqual([422, "RULE_NOT_UNDER_DISPATCH"]);
    expect(await getDb().progressEntry.count({ where: { projectId: unplanned } })).toBe(0);
  });

  it("refuses a date in the future (400)", async () => {
    const res = await post(planned, { date: `${year + 1}-01-02`, investmentCompleted: "100" });
    expect([res.status, Object.keys(res.body.error.fields)]).toEqual([400, ["date"]]);
  });

  it("refuses another staff member (403)", async () => {
    const other = await sessionCookie(await createUser({ role: "STAFF" }));
    expect((await post(planned, { date: today, investmentCompleted: "100" }, other)).status).toBe(403);
  });

  it("refuses another project's attachment, and one already linked, saving nothing", async () => {
    const foreign = await upload(unplanned);
    const res = await post(planned, { date: today, investmentCompleted: "100", attachmentIds: [foreign] });
    expect([res.status, Object.keys(res.body.error.fields)]).toEqual([400, ["attachmentIds"]]);
    expect(await getDb().progressEntry.count({ where: { projectId: planned } })).toBe(0);
    expect((await getDb().attachment.findUniqueOrThrow({ where: { id: foreign } })).progressEntryId).toBeNull();
  });

  it("records an entry, computes the percent of the year's goal, links the photos; the list shows it", async () => {
    const photo = await upload(planned);
    const res = await post(planned, {
      date: today,
      investmentCompleted: "1250",
      note: "主体结构施工",
      problems: "临时用电未接入",
      attachmentIds: [photo],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      date: today,
      investmentCompleted: "1250.00",
      percent: "25.00",
      note: "主体结构施工",
      problems: "临时用电未接入",
      attachments: [expect.objectContaining({ id: photo, fileName: "现场.png" })],
    });
    expect((await getDb().attachment.findUniqueOrThrow({ where: { id: photo } })).progressEntryId).toBe(res.body.id);
    // A linked file cannot be taken by a second entry.
    const twice = await post(planned, { date: today, investmentCompleted: "1300", attachmentIds: [photo] });
    expect([twice.status, Object.keys(twice.body.error.fields)]).toEqual([400, ["attachmentIds"]]);
    // A given percent is kept.
    const given = await post(planned, { date: today, investmentCompleted: "1300", percent: "30.5" });
    expect(given.body.percent).toBe("30.50");

    const list = await call(
      listProgressRoute as Handler,
      `/api/v1/projects/${planned}/progress`,
      { id: planned },
      {
        cookie,
      },
    );
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([res.body.id, given.body.id]),
    );
    expect(list.body.items).toHaveLength(2);
    const audit = await getDb().auditLog.findMany({ where: { entityId: planned, action: "progress:add" } });
    expect(audit).toHaveLength(2);
  });

  it("keeps the year's latest figure on its plan: the latest date, then the later entry of that date", async () => {
    const plan = async () => {
      const p = await getDb().projectPlan.findUniqueOrThrow({
        where: { projectId_year: { projectId: planned, year } },
        select: { investmentCompleted: true, progressDate: true },
      });
      return { investmentCompleted: p.investmentCompleted?.toFixed(2), progressDate: p.progressDate };
    };
    // The test above: 1250 and then 1300 today; the later entry of the day counts.
    expect(await plan()).toEqual({ investmentCompleted: "1300.00", progressDate: storedDate(today) });
    // An entry for an earlier day, made later, does not replace the day's figure.
    const earlier = today === `${year}-01-01` ? today : `${year}-01-01`;
    expect((await post(planned, { date: earlier, investmentCompleted: "900" })).status).toBe(201);
    const latest = (
      await getDb().progressEntry.findMany({
        where: { projectId: planned },
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
        take: 1,
      })
    )[0];
    expect(await plan()).toEqual({
      investmentCompleted: latest.investmentCompleted.toFixed(2),
      progressDate: latest.date,
    });
    expect(latest.investmentCompleted.toFixed(2)).toBe(today === earlier ? "900.00" : "1300.00");
  });
});

describe("日调度 overview: who has not reported", () => {
  // A year of its own (2030), so that the plans of the other tests do not count.
  const day = "2030-06-12"; // a Wednesday; its week is 2030-06-10 … 2030-06-16
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = getDb();
    const owner = await createUser({ role: "STAFF", displayName: "王专员" });
    const leaders = [
      await createUser({ role: "LEADER", displayName: "甲领导" }),
      await createUser({ role: "LEADER", displayName: "乙领导" }),
    ];
    const make = async (name: string, leader: number, planYear: number | null, entry: string | null) => {
      const p = await createProject({ ownerId: owner.id, leaderId: leaders[leader].id, stage: "SIGNED", name });
      if (planYear)
        await db.projectPlan.create({
          data: {
            projectId: p.id,
            year: planYear,
            goalStage: "CONSTRUCTION",
            goalInvestment: "1000",
            leaderId: leaders[leader].id,
            createdById: owner.id,
          },
        });
      if (entry)
        await db.progressEntry.create({
          data: {
            projectId: p.id,
            date: storedDate(entry),
            investmentCompleted: "10",
            percent: "1",
            createdById: owner.id,
          },
        });
      ids[name] = p.id;
      return p;
    };
    await make("当日已报", 0, 2030, day);
    await make("周一已报", 0, 2030, "2030-06-10");
    await make("上周已报", 1, 2030, "2030-06-03");
    await make("从未填报", 1, 2030, null);
    await make("上年计划", 0, 2029, null);
    await make("无计划", 0, null, null);
    const resting = await make("暂缓项目", 0, 2030, null);
    await db.project.update({ where: { id: resting.id }, data: { stage: "SUSPENDED", suspendedFrom: "SIGNED" } });
  });

  it("lists exactly the projects under dispatch without an entry on the day, and in its week", async () => {
    const manager = actorOf(await createUser({ role: "MANAGER" }));
    const o = await dispatchOverview({ actor: manager, today: day });
    expect([o.date, o.monday, o.sunday, o.underDispatch]).toEqual([day, "2030-06-10", "2030-06-16", 4]);
    expect(o.notToday.map((p) => p.name).sort()).toEqual(["上周已报", "从未填报", "周一已报"].sort());
    expect(o.notThisWeek.map((p) => p.name).sort()).toEqual(["上周已报", "从未填报"].sort());
    expect(o.notThisWeek.find((p) => p.name === "上周已报")?.lastDate).toBe("2030-06-03");
    expect(o.notThisWeek.find((p) => p.name === "从未填报")?.lastDate).toBeNull();
    expect(groupUnreported(o.notToday, "leader").map((g) => [g.name, g.items.map((p) => p.name).sort()])).toEqual([
      ["甲领导", ["周一已报"]],
      ["乙领导", ["上周已报", "从未填报"].sort()],
    ]);
    expect(groupUnreported(o.notToday, "owner").map((g) => [g.name, g.items.length])).toEqual([["王专员", 3]]);
  });

  it("is for managers, leaders and admins only", async () => {
    const staff = actorOf(await createUser({ role: "STAFF" }));
    await expect(dispatchOverview({ actor: staff, today: day })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

// A department's approver sees only the projects whose 七证合一 case has an item of their
// department, and of those the basics and the case; every other project does not exist
// for them (404). Three projects: one with an item of the approver's department (visible),
// one whose case has items of another department only, one lead without a case.
import ExcelJS from "exceljs";
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/projects/route";
import { GET as getRoute, PATCH as patchRoute } from "../../app/api/v1/projects/[id]/route";
import { GET as activitiesRoute, POST as addActivityRoute } from "../../app/api/v1/projects/[id]/activities/route";
import { GET as attachmentsRoute } from "../../app/api/v1/projects/[id]/attachments/route";
import { GET as capitalRoute } from "../../app/api/v1/projects/[id]/capital-increases/route";
import { GET as projectCaseRoute, POST as openCaseRoute } from "../../app/api/v1/projects/[id]/permit-case/route";
import { POST as transitionRoute } from "../../app/api/v1/projects/[id]/transitions/route";
import { GET as exportRoute } from "../../app/api/v1/projects/export/route";
import { GET as duplicatesRoute } from "../../app/api/v1/projects/duplicates/route";
import { projectSections } from "../../lib/projects/sections";
import { GET as downloadRoute } from "../../app/api/v1/attachments/[id]/route";
import { GET as casesRoute } from "../../app/api/v1/permit-cases/route";
import { GET as caseRoute } from "../../app/api/v1/permit-cases/[id]/route";
import { GET as caseDocumentsRoute } from "../../app/api/v1/permit-cases/[id]/attachments/route";
import { POST as decideRoute } from "../../app/api/v1/permit-items/[id]/decision/route";
import { GET as reportRoute } from "../../app/api/v1/reports/permits/route";
import { GET as enterprisesRoute } from "../../app/api/v1/enterprises/route";
import { GET as enterpriseRoute } from "../../app/api/v1/enterprises/[id]/route";
import { GET as gapsRoute } from "../../app/api/v1/chains/[id]/gaps/route";
import { storeAttachment } from "../../lib/attachments/attachments";
import { entityHistory } from "../../lib/audit/queries";
import type { Role } from "../../lib/auth/permissions";
import { convertTargetToLead } from "../../lib/chains/convert-target";
import { shanghaiToday, storedDate } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { listPermitEvents } from "../../lib/permits/timeline";
import { addActivity } from "../../lib/projects/activities";
import { addCapitalIncrease } from "../../lib/projects/capital-increases";
import { getProject, listStageChanges, projectStageSummary } from "../../lib/projects/queries";
import {
  actorOf,
  apiRequest,
  callRoute as call,
  createDepartment,
  createIndustry,
  createUser,
  routeParams,
  sessionCookie,
} from "../factories";

type Actor = ReturnType<typeof actorOf>;
const pdf = (name: string) => ({ name, type: "application/pdf", bytes: new Uint8Array([37, 80, 68, 70]) });

describe("an approver sees only the projects with a permit item of their department", () => {
  let approver: { cookie: string; actor: Actor };
  let staff: { cookie: string; actor: Actor };
  let enterpriseId: string;
  let chainId: string;
  let linkId: string;
  const ids = { visible: "", other: "", lead: "" };
  const cases = { visible: "", other: "" };
  const items = { mine: "", notMine: "", otherCase: "" };
  const files = { caseDocument: "", projectFile: "", otherCaseDocument: "" };

  beforeAll(async () => {
    const hb = await createDepartment({ kind: "PERMIT", name: "生态环境分局" });
    const zj = await createDepartment({ kind: "PERMIT", name: "住房和城乡建设局" });
    const eia = await getDb().permitType.create({
      data: {
        code: "EIA_APPROVAL",
        name: "环境影响评价批复",
        departmentId: hb.id,
        statutoryDays: 60,
        fastTrackDays: 20,
      },
    });
    const cp = await getDb().permitType.create({
      data: {
        code: "CONSTRUCTION_PERMIT",
        name: "建筑工程施工许可证",
        departmentId: zj.id,
        statutoryDays: 15,
        fastTrackDays: 5,
      },
    });
    const a = await createUser({ role: "APPROVER", departmentId: hb.id });
    approver = { cookie: await sessionCookie(a), actor: actorOf(a) };
    const s = await createUser({ role: "STAFF" });
    staff = { cookie: await sessionCookie(s), actor: actorOf(s) };
    const industry = await createIndustry();
    const chain = await getDb().chain.create({
      data: { code: "SCOPE", name: "审批范围产业链", industryId: industry.id },
    });
    chainId = chain.id;
    linkId = (
      await getDb().chainLink.create({ data: { chainId, name: "电芯", position: "MIDSTREAM", targetCount: 10 } })
    ).id;
    // An external target of the link, turned into a lead by the staff member (its enterprise's history names the lead).
    const target = await getDb().enterprise.create({
      data: { name: "审批范围测试企业有限公司", nameKey: "审批范围测试企业", isLocal: false },
    });
    enterpriseId = target.id;
    await getDb().enterpriseLink.create({ data: { enterpriseId, linkId } });
    ids.lead = (await convertTargetToLead({ actor: staff.actor, input: { linkId, enterpriseId } })).projectId;

    const today = shanghaiToday();
    const project = (name: string) =>
      getDb().project.create({
        data: {
          code: `SC-${name}`,
          name: `审批范围${name}项目`,
          enterpriseId,
          enterpriseName: target.name,
          industryId: industry.id,
          totalInvestment: "50000",
          stage: "APPROVING",
          ownerId: s.id,
          signingDate: storedDate("2026-01-05"),
          contractInvestment: "50000",
          contacts: [{ name: "王经理", title: "总经理", phone: "13800000000" }],
          links: { create: { linkId } },
        },
      });
    const openCase = (projectId: string) =>
      getDb().permitCase.create({
        data: {
          projectId,
          state: "IN_REVIEW",
          applicant: target.name,
          contactPerson: "申请联系人",
          openedById: s.id,
          submittedAt: new Date(),
          startDate: storedDate(today),
          dueDate: storedDate(today),
        },
      });
    const item = (caseId: string, t: { id: string; departmentId: string }) =>
      getDb().permitItem.create({
        data: {
          caseId,
          permitTypeId: t.id,
          departmentId: t.departmentId,
          limitDays: 15,
          startDate: storedDate(today),
          dueDate: storedDate(today),
        },
      });

    ids.visible = (await project("可见")).id;
    cases.visible = (await openCase(ids.visible)).id;
    items.mine = (await item(cases.visible, eia)).id;
    items.notMine = (await item(cases.visible, cp)).id;
    ids.other = (await project("他局")).id;
    cases.other = (await openCase(ids.other)).id;
    items.otherCase = (await item(cases.other, cp)).id;

    const store = (projectId: string, permitCaseId: string | null, name: string) =>
      storeAttachment({
        actor: staff.actor,
        projectId,
        permitCaseId,
        category: permitCaseId ? "DOCUMENT" : "AGREEMENT",
        file: pdf(name),
      }).then((r) => r.id);
    files.caseDocument = await store(ids.visible, cases.visible, "申请材料.pdf");
    files.projectFile = await store(ids.visible, null, "投资协议.pdf");
    files.otherCaseDocument = await store(ids.other, cases.other, "他局材料.pdf");
    for (const projectId of Object.values(ids)) {
      await addActivity({
        actor: staff.actor,
        projectId,
        input: { type: "NEGOTIATION", date: "2026-10-20", notes: "洽谈土地价格" },
      });
    }
    const v = await getDb().project.findUniqueOrThrow({ where: { id: ids.visible } });
    await addCapitalIncrease({
      actor: staff.actor,
      projectId: ids.visible,
      input: { date: "2026-10-21", amount: "1000", version: v.version },
    });
  });

  const get = (handler: Parameters<typeof call>[0], path: string, cookie = approver.cookie, id = "") =>
    call(handler, path, { cookie, id });

  it("lists, counts, searches and sums only the project with an item of their department", async () => {
    const all = await get(listRoute, "/api/v1/projects");
    expect([all.status, all.body.total, all.body.items.map((p: { id: string }) => p.id)]).toEqual([
      200,
      1,
      [ids.visible],
    ]);
    const leads = await get(listRoute, "/api/v1/projects?stage=LEAD");
    expect([leads.status, leads.body.total, leads.body.items]).toEqual([200, 0, []]);
    const search = await get(listRoute, `/api/v1/projects?q=${encodeURIComponent("审批范围")}`);
    expect(search.body.items.map((p: { id: string }) => p.id)).toEqual([ids.visible]);
    const byChain = await get(listRoute, `/api/v1/projects?chain=${chainId}&sort=name&page=1`);
    expect(byChain.body.total).toBe(1);
    const summary = await projectStageSummary({ actor: approver.actor });
    expect(summary.reduce((n, s) => n + s.count, 0)).toBe(1);
    expect(summary.find((s) => s.stage === "LEAD")!.count).toBe(0);
    expect(summary.find((s) => s.stage === "APPROVING")).toMatchObject({ count: 1, totalInvestment: "51000.00" });
    // A staff member still sees all three.
    expect((await get(listRoute, "/api/v1/projects", staff.cookie)).body.total).toBe(3);
  });

  it("exports only that project", async () => {
    const res = await exportRoute(apiRequest("/api/v1/projects/export", { cookie: approver.cookie }));
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    // Title, filters, header, the one project, 合计.
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(4).getCell(1).value).toBe("SC-可见");
    expect(String(sheet.getRow(1).getCell(1).value)).toContain("（1 个项目）");
  });

  it("opens that project's basics and case, without its contacts; the other two answer 404", async () => {
    const visible = await get(getRoute, "/x", approver.cookie, ids.visible);
    expect(visible.status).toBe(200);
    expect(visible.body).toMatchObject({ id: ids.visible, name: "审批范围可见项目", totalInvestment: "51000.00" });
    expect(visible.body).not.toHaveProperty("contacts");
    const page = await getProject({ actor: approver.actor, id: ids.visible });
    expect(page.sections).toEqual(["basics", "permit"]);
    expect(page.allowed).toEqual({
      update: false,
      move: false,
      activity: false,
      attach: false,
      assign: false,
      permit: false,
    });
    for (const id of [ids.other, ids.lead, "no-such-project"]) {
      const res = await get(getRoute, "/x", approver.cookie, id);
      expect([id, res.status, res.body.error.code]).toEqual([id, 404, "NOT_FOUND"]);
    }
    const staffView = await get(getRoute, "/x", staff.cookie, ids.other);
    expect(staffView.body.contacts).toEqual([{ name: "王经理", title: "总经理", phone: "13800000000" }]);
    expect((await getProject({ actor: staff.actor, id: ids.lead })).sections).toEqual([...projectSections]);
  });

  it("the bureau's work on the visible project answers 404: timeline, capital increases, attachments, stage and change history", async () => {
    for (const id of Object.values(ids)) {
      for (const route of [activitiesRoute, capitalRoute, attachmentsRoute]) {
        const res = await get(route, "/x", approver.cookie, id);
        expect([id, res.status]).toEqual([id, 404]);
      }
      await expect(listStageChanges({ actor: approver.actor, projectId: id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(entityHistory({ actor: approver.actor, entityType: "Project", entityId: id })).rejects.toMatchObject(
        { code: "NOT_FOUND" },
      );
    }
    // The owner's colleagues read all of it.
    expect((await get(activitiesRoute, "/x", staff.cookie, ids.visible)).body.items).toHaveLength(1);
    expect((await get(capitalRoute, "/x", staff.cookie, ids.visible)).body.items).toHaveLength(1);
    expect((await get(attachmentsRoute, "/x", staff.cookie, ids.visible)).body.items).toHaveLength(2);
    expect(await listStageChanges({ actor: staff.actor, projectId: ids.lead })).toHaveLength(1);
    expect(
      (await entityHistory({ actor: staff.actor, entityType: "Project", entityId: ids.visible })).length,
    ).toBeGreaterThan(0);
  });

  it("downloads the case's documents, but no other attachment of the project and nothing of another case", async () => {
    const download = (id: string, cookie: string) =>
      downloadRoute(apiRequest(`/api/v1/attachments/${id}`, { cookie }), routeParams({ id }) as never);
    expect((await download(files.caseDocument, approver.cookie)).status).toBe(200);
    expect((await download(files.projectFile, approver.cookie)).status).toBe(404);
    expect((await download(files.otherCaseDocument, approver.cookie)).status).toBe(404);
    for (const [name, id] of Object.entries(files))
      expect([name, (await download(id, staff.cookie)).status]).toEqual([name, 200]);
  });

  it("lists, opens and reports only the visible project's permit case", async () => {
    const list = await get(casesRoute, "/api/v1/permit-cases");
    expect([list.body.total, list.body.items.map((c: { id: string }) => c.id)]).toEqual([1, [cases.visible]]);
    const search = await get(casesRoute, `/api/v1/permit-cases?q=${encodeURIComponent("审批范围")}&state=IN_REVIEW`);
    expect(search.body.total).toBe(1);
    expect((await get(casesRoute, "/api/v1/permit-cases", staff.cookie)).body.total).toBe(2);

    const mine = await get(caseRoute, "/x", approver.cookie, cases.visible);
    expect([mine.status, mine.body.projectName, mine.body.application.contactPerson]).toEqual([
      200,
      "审批范围可见项目",
      "申请联系人",
    ]);
    expect((await get(projectCaseRoute, "/x", approver.cookie, ids.visible)).status).toBe(200);
    expect((await get(caseDocumentsRoute, "/x", approver.cookie, cases.visible)).body.items).toHaveLength(1);
    expect(await listPermitEvents({ actor: approver.actor, caseId: cases.visible })).toEqual([]);

    expect((await get(caseRoute, "/x", approver.cookie, cases.other)).status).toBe(404);
    expect((await get(projectCaseRoute, "/x", approver.cookie, ids.other)).status).toBe(404);
    expect((await get(caseDocumentsRoute, "/x", approver.cookie, cases.other)).status).toBe(404);
    await expect(listPermitEvents({ actor: approver.actor, caseId: cases.other })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await get(caseRoute, "/x", staff.cookie, cases.other)).status).toBe(200);

    const report = await get(reportRoute, "/api/v1/reports/permits");
    expect(report.status).toBe(200);
    expect(report.body.casesByState.IN_REVIEW).toBe(1);
    expect(Object.fromEntries(report.body.byType.map((r: { key: string; items: number }) => [r.key, r.items]))).toEqual(
      {
        EIA_APPROVAL: 1,
        CONSTRUCTION_PERMIT: 1,
      },
    );
    const manager = await sessionCookie(await createUser({ role: "MANAGER" }));
    const all = await get(reportRoute, "/api/v1/reports/permits", manager);
    expect(all.body.casesByState.IN_REVIEW).toBe(2);
    expect(all.body.byType.find((r: { key: string }) => r.key === "CONSTRUCTION_PERMIT").items).toBe(2);
  });

  it("enterprise pages, the enterprise list and its history, and the chain's gap panel name only the visible project", async () => {
    const enterprise = await get(enterpriseRoute, "/x", approver.cookie, enterpriseId);
    expect(enterprise.body.projects.map((p: { id: string }) => p.id)).toEqual([ids.visible]);
    const list = await get(enterprisesRoute, `/api/v1/enterprises?q=${encodeURIComponent("审批范围")}`);
    expect(list.body.items.map((e: { projects: number }) => e.projects)).toEqual([1]);
    const history = await entityHistory({ actor: approver.actor, entityType: "Enterprise", entityId: enterpriseId });
    expect(history.map((r) => r.action)).not.toContain("target:lead");

    const gaps = await get(gapsRoute, "/x", approver.cookie, chainId);
    const link = gaps.body.links.find((l: { id: string }) => l.id === linkId);
    expect(link.projects.map((p: { id: string }) => p.id)).toEqual([ids.visible]);
    // The target's open project on the link: the one they may see, never the lead made from it.
    expect(link.targets).toEqual([expect.objectContaining({ id: enterpriseId, leadProjectId: ids.visible })]);
    // The link's counts and status are the chain's, over every project (no project named).
    expect([link.openProjects, link.status]).toEqual([3, "WEAK"]);

    // Anyone who reads every project sees all three, and the lead made from the target.
    expect((await get(enterpriseRoute, "/x", staff.cookie, enterpriseId)).body.projects).toHaveLength(3);
    const staffList = await get(
      enterprisesRoute,
      `/api/v1/enterprises?q=${encodeURIComponent("审批范围")}`,
      staff.cookie,
    );
    expect(staffList.body.items[0].projects).toBe(3);
    expect(
      (await entityHistory({ actor: staff.actor, entityType: "Enterprise", entityId: enterpriseId })).map(
        (r) => r.action,
      ),
    ).toContain("target:lead");
    const staffLink = (await get(gapsRoute, "/x", staff.cookie, chainId)).body.links.find(
      (l: { id: string }) => l.id === linkId,
    );
    expect(staffLink.projects).toHaveLength(3);
    expect(Object.values(ids)).toContain(staffLink.targets[0].leadProjectId);
  });

  it("changes to a project or case they cannot see answer 404, to the visible one 403; nothing is written", async () => {
    const before = await getDb().project.findMany({ orderBy: { id: "asc" } });
    const activities = await getDb().projectActivity.count();
    const post = (handler: Parameters<typeof call>[0], id: string, body: unknown, method = "POST") =>
      call(handler, "/x", { method, cookie: approver.cookie, id, body });
    for (const [id, status] of [
      [ids.lead, 404],
      [ids.other, 404],
      [ids.visible, 403],
    ] as const) {
      const answers = [
        await post(patchRoute, id, { name: "改名", version: 1 }, "PATCH"),
        await post(transitionRoute, id, { to: "CONSTRUCTION", version: 1 }),
        await post(addActivityRoute, id, { type: "CALL", date: "2026-11-01", notes: "越权记录" }),
        await post(openCaseRoute, id, { applicant: "某企业" }),
      ];
      expect([id, answers.map((a) => a.status)]).toEqual([id, [status, status, status, status]]);
    }
    expect((await post(decideRoute, items.otherCase, { action: "REJECT", reason: "x", version: 1 })).status).toBe(404);
    expect((await post(decideRoute, items.notMine, { action: "REJECT", reason: "x", version: 1 })).status).toBe(403);
    expect(await getDb().project.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await getDb().projectActivity.count()).toBe(activities);
    expect(await getDb().permitItem.count({ where: { state: "REJECTED" } })).toBe(0);
    // Their own item they decide.
    const ok = await post(decideRoute, items.mine, {
      action: "APPROVE",
      certificateNo: "环审〔2026〕1 号",
      certificateDate: shanghaiToday(),
      version: 1,
    });
    expect(ok.status).toBe(200);
  });

  it("an approver without a department sees no project; duplicates stay closed to approvers (403)", async () => {
    const lone = await sessionCookie(await createUser({ role: "APPROVER" }));
    expect((await get(listRoute, "/api/v1/projects", lone)).body.total).toBe(0);
    expect((await get(casesRoute, "/api/v1/permit-cases", lone)).body.total).toBe(0);
    expect((await get(getRoute, "/x", lone, ids.visible)).status).toBe(404);
    expect(
      (
        await get(
          duplicatesRoute,
          `/api/v1/projects/duplicates?name=${encodeURIComponent("审批范围")}&enterpriseName=x`,
        )
      ).status,
    ).toBe(403);
    expect((await call(createRoute, "/api/v1/projects", { method: "POST", cookie: lone, body: {} })).status).toBe(403);
  });

  it.each(["STAFF", "LEADER", "MANAGER", "ADMIN"] as Role[])(
    "%s still reads all three projects, their work and their cases",
    async (role) => {
      const cookie = await sessionCookie(await createUser({ role }));
      expect((await get(listRoute, "/api/v1/projects", cookie)).body.total).toBe(3);
      expect((await get(listRoute, "/api/v1/projects?stage=LEAD", cookie)).body.total).toBe(1);
      for (const id of Object.values(ids)) {
        const detail = await get(getRoute, "/x", cookie, id);
        expect([id, detail.status, detail.body.contacts?.length ?? 0]).toEqual([id, 200, id === ids.lead ? 0 : 1]);
        for (const route of [activitiesRoute, capitalRoute, attachmentsRoute])
          expect([id, (await get(route, "/x", cookie, id)).status]).toEqual([id, 200]);
      }
      expect((await get(casesRoute, "/api/v1/permit-cases", cookie)).body.total).toBe(2);
      expect((await get(caseRoute, "/x", cookie, cases.other)).status).toBe(200);
      expect((await get(enterpriseRoute, "/x", cookie, enterpriseId)).body.projects).toHaveLength(3);
      const res = await exportRoute(apiRequest("/api/v1/projects/export", { cookie }));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      // Title, filters, header, the three projects, 合计.
      expect(book.worksheets[0].rowCount).toBe(7);
    },
  );
});

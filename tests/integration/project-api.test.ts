import { POST as createRoute, GET as listRoute } from "../../app/api/v1/projects/route";
import { GET as getRoute, PATCH as patchRoute } from "../../app/api/v1/projects/[id]/route";
import { POST as transitionRoute } from "../../app/api/v1/projects/[id]/transitions/route";
import { POST as activityRoute, GET as activitiesRoute } from "../../app/api/v1/projects/[id]/activities/route";
import { createApiToken } from "../../lib/auth/api-tokens";
import { getDb } from "../../lib/db";
import { actorOf, callRoute as call, createIndustry, createPark, createUser, sessionCookie } from "../factories";

describe("projects API", () => {
  let staffCookie: string;
  let staffActor: ReturnType<typeof actorOf>;
  let managerCookie: string;
  let industryCode: string;
  let parkCode: string;

  beforeAll(async () => {
    const staff = await createUser({ role: "STAFF", username: "api.staff" });
    staffActor = actorOf(staff);
    staffCookie = await sessionCookie(staff);
    managerCookie = await sessionCookie(await createUser({ role: "MANAGER", username: "api.manager" }));
    industryCode = (await createIndustry()).code;
    parkCode = (await createPark()).code;
  });

  const newLead = (over: Record<string, unknown> = {}) =>
    call(createRoute, "/api/v1/projects", {
      method: "POST",
      cookie: staffCookie,
      body: {
        name: "硼材料深加工项目",
        enterpriseName: "中硼新材料有限公司",
        industryId: industryCode,
        parkId: parkCode,
        totalInvestment: "30000.50",
        ...over,
      },
    });

  it("creates a lead (201) with a generated code, decimal money and a first history row", async () => {
    const { status, body } = await newLead({
      fixedAssetInvestment: 20000,
      tags: ["十强产业"],
      contacts: [{ name: "王经理", phone: "13800000000" }],
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      stage: "LEAD",
      totalInvestment: "30000.50",
      fixedAssetInvestment: "20000.00",
      industry: industryCode,
      park: parkCode,
      version: 1,
      warning: "NONE",
    });
    expect(body.code).toMatch(/^NH-\d{4}-\d{4}$/);
    expect(await getDb().stageChange.count({ where: { projectId: body.id } })).toBe(1);
    expect(await getDb().auditLog.count({ where: { entityId: body.id, action: "create" } })).toBe(1);
    const got = await call(getRoute, `/api/v1/projects/${body.id}`, { cookie: staffCookie, id: body.id });
    expect(got.status).toBe(200);
    expect(got.body.contacts).toEqual([{ name: "王经理", title: "", phone: "13800000000" }]);
  });

  it("answers 400 naming each bad field, and saves nothing", async () => {
    const before = await getDb().project.count();
    const { status, body } = await newLead({
      name: "",
      totalInvestment: "12.345",
      industryId: "NOPE",
      creditCode: "123",
    });
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields).sort()).toEqual(["creditCode", "name", "totalInvestment"]);
    expect(body.error.fields.creditCode).toBe("统一社会信用代码应为 18 位");
    const unknownIndustry = await newLead({ industryId: "NOPE" });
    expect(unknownIndustry.status).toBe(400);
    expect(unknownIndustry.body.error.fields).toEqual({ industryId: "产业不存在" });
    expect(await getDb().project.count()).toBe(before);
  });

  it("answers {} with field messages for people, in English for Accept-Language: en and Chinese otherwise", async () => {
    const post = (headers: Record<string, string>) =>
      call(createRoute, "/api/v1/projects", { method: "POST", body: {}, headers: { authorization: "", ...headers } });
    const { token } = await createApiToken({
      actor: staffActor,
      input: { name: "语言测试" },
    });
    const en = await post({ authorization: `Bearer ${token}`, "accept-language": "en-US,en;q=0.9" });
    const zh = await post({ authorization: `Bearer ${token}` });
    expect([en.status, zh.status]).toEqual([400, 400]);
    expect(en.body.error.fields).toMatchObject({
      name: "Enter the project name",
      enterpriseName: "Enter the investor enterprise",
      industryId: "Choose the industry",
      totalInvestment: "Enter the total investment (10k yuan)",
    });
    expect(zh.body.error.fields).toMatchObject({
      name: "请填写项目名称",
      enterpriseName: "请填写投资企业",
      industryId: "请选择产业",
      totalInvestment: "请填写总投资（万元）",
    });
    for (const text of [...Object.values(en.body.error.fields), ...Object.values(zh.body.error.fields)] as string[])
      expect(text).not.toMatch(/无效输入|Invalid input|expected|received/);
    expect(en.body.error.message).toMatch(/[A-Za-z]/);
    const tooLong = await newLead({ name: "项".repeat(101) });
    expect(tooLong.body.error.fields.name).toBe("项目名称不超过 100 个字");
  });

  it("reads money as people type it (1.2亿, 12000万, 12,000) and refuses a signing date in the future", async () => {
    for (const [typed, wan] of [
      ["1.2亿", "12000.00"],
      ["12000万", "12000.00"],
      ["12,000", "12000.00"],
      ["3.5亿元", "35000.00"],
    ]) {
      const { status, body } = await newLead({
        name: `金额${typed}`,
        enterpriseName: `金额企业${typed}`,
        totalInvestment: typed,
      });
      expect([typed, status, body.totalInvestment]).toEqual([typed, 201, wan]);
    }
    const { body: p } = await newLead({ name: "未来签约", enterpriseName: "未来企业" });
    const toNegotiating = await call(transitionRoute, `/api/v1/projects/${p.id}/transitions`, {
      method: "POST",
      cookie: staffCookie,
      id: p.id,
      body: { to: "NEGOTIATING", version: p.version },
    });
    const future = await call(transitionRoute, `/api/v1/projects/${p.id}/transitions`, {
      method: "POST",
      cookie: staffCookie,
      id: p.id,
      body: { to: "SIGNED", version: toNegotiating.body.version, signingDate: "2999-01-01", contractInvestment: "100" },
    });
    expect(future.status).toBe(400);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const nextDay = await call(transitionRoute, `/api/v1/projects/${p.id}/transitions`, {
      method: "POST",
      cookie: staffCookie,
      id: p.id,
      body: { to: "SIGNED", version: toNegotiating.body.version, signingDate: tomorrow, contractInvestment: "100" },
    });
    expect(nextDay.status).toBe(400);
    expect(nextDay.body.error.fields.signingDate).toBe("日期不能晚于今天");
  });

  it("accepts a credit code and money typed with full-width characters (NFKC)", async () => {
    const { status, body } = await newLead({
      enterpriseName: "全角测试企业有限公司",
      creditCode: "９１３７０２００１６３５６２６８１Ｇ",
      totalInvestment: "１２，０００．５",
    });
    expect(status).toBe(201);
    expect(body.totalInvestment).toBe("12000.50");
    expect(body.creditCode).toBe("91370200163562681G");
  });

  it("PATCH with the current version updates; a stale version gets 409 and overwrites nothing", async () => {
    const { body: p } = await newLead();
    const ok = await call(patchRoute, `/api/v1/projects/${p.id}`, {
      method: "PATCH",
      cookie: staffCookie,
      id: p.id,
      body: { totalInvestment: "40000", version: 1 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ totalInvestment: "40000.00", version: 2 });
    const stale = await call(patchRoute, `/api/v1/projects/${p.id}`, {
      method: "PATCH",
      cookie: staffCookie,
      id: p.id,
      body: { totalInvestment: "1", version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("CONFLICT");
    expect((await getDb().project.findUniqueOrThrow({ where: { id: p.id } })).totalInvestment.toFixed(2)).toBe(
      "40000.00",
    );
    const missing = await call(patchRoute, `/api/v1/projects/nope`, {
      method: "PATCH",
      cookie: staffCookie,
      id: "nope",
      body: { version: 1 },
    });
    expect(missing.status).toBe(404);
  });

  it("walks a project from lead to production, refusing each rule with 422 and its code", async () => {
    const { body: p } = await newLead();
    const move = (body: Record<string, unknown>, cookie = staffCookie) =>
      call(transitionRoute, `/api/v1/projects/${p.id}/transitions`, { method: "POST", cookie, id: p.id, body });

    expect((await move({ to: "NEGOTIATING" })).body.stage).toBe("NEGOTIATING");
    const unsigned = await move({ to: "SIGNED" });
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.error).toMatchObject({
      code: "RULE_SIGNING_FIELDS",
      fields: { signingDate: "请填写签约日期", contractInvestment: "请输入大于 0 的金额" },
    });
    expect((await move({ to: "SIGNED", signingDate: "2026-06-18", contractInvestment: "28000" })).body).toMatchObject({
      stage: "SIGNED",
      signingDate: "2026-06-18",
      contractInvestment: "28000.00",
    });
    expect((await move({ to: "REGISTERED", creditCode: "91350100M000100Y44" })).body.error).toMatchObject({
      code: "RULE_CREDIT_CODE",
      fields: { creditCode: "统一社会信用代码校验位不正确" },
    });
    expect((await move({ to: "REGISTERED", creditCode: "91350100M000100Y43" })).body).toMatchObject({
      stage: "REGISTERED",
      creditCode: "91350100M000100Y43",
    });
    expect((await move({ to: "APPROVING" })).body.stage).toBe("APPROVING");
    expect((await move({ to: "CONSTRUCTION" })).body.error.code).toBe("RULE_CONSTRUCTION_PERMIT");
    expect((await move({ to: "CONSTRUCTION" }, managerCookie)).body.error.code).toBe("RULE_REASON_REQUIRED");
    expect((await move({ to: "CONSTRUCTION", note: "重点项目容缺开工" }, managerCookie)).body.stage).toBe(
      "CONSTRUCTION",
    );
    expect((await move({ to: "COMPLETED" })).body.error.code).toBe("RULE_COMPLETION_DATE");
    expect((await move({ to: "COMPLETED", completionDate: "2026-10-30" })).body.stage).toBe("COMPLETED");
    expect((await move({ to: "PRODUCTION" })).body.error.code).toBe("RULE_PRODUCTION_DATE");
    const done = await move({ to: "PRODUCTION", productionDate: "2026-11-20" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      stage: "PRODUCTION",
      completionDate: "2026-10-30",
      productionDate: "2026-11-20",
    });

    const history = await getDb().stageChange.findMany({ where: { projectId: p.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.toStage)).toEqual([
      "LEAD",
      "NEGOTIATING",
      "SIGNED",
      "REGISTERED",
      "APPROVING",
      "CONSTRUCTION",
      "COMPLETED",
      "PRODUCTION",
    ]);
    expect(history.find((h) => h.toStage === "CONSTRUCTION")).toMatchObject({
      override: true,
      note: "重点项目容缺开工",
    });
    expect(await getDb().auditLog.count({ where: { entityId: p.id, action: { startsWith: "stage:" } } })).toBe(7);
  });

  it("counts a stage once: back and forward again is not a second first entry", async () => {
    const { body: p } = await newLead();
    const move = (body: Record<string, unknown>, cookie = staffCookie) =>
      call(transitionRoute, `/api/v1/projects/${p.id}/transitions`, { method: "POST", cookie, id: p.id, body });
    await move({ to: "NEGOTIATING" });
    expect((await move({ to: "LEAD" })).body.error.code).toBe("RULE_MANAGER_ONLY");
    expect((await move({ to: "LEAD", note: "企业意向变化" }, managerCookie)).body.stage).toBe("LEAD");
    await move({ to: "NEGOTIATING" });
    const entries = await getDb().stageChange.findMany({
      where: { projectId: p.id, toStage: "NEGOTIATING" },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((e) => e.firstEntry)).toEqual([true, false]);
  });

  it("suspends with a reason and resumes to the stage it left", async () => {
    const { body: p } = await newLead();
    const move = (body: Record<string, unknown>) =>
      call(transitionRoute, `/api/v1/projects/${p.id}/transitions`, {
        method: "POST",
        cookie: staffCookie,
        id: p.id,
        body,
      });
    await move({ to: "NEGOTIATING" });
    expect((await move({ to: "SUSPENDED" })).body.error.code).toBe("RULE_REASON_REQUIRED");
    expect((await move({ to: "SUSPENDED", note: "企业融资未到位" })).body).toMatchObject({
      stage: "SUSPENDED",
      suspendedFrom: "NEGOTIATING",
      closeReason: "企业融资未到位",
    });
    expect((await move({ to: "SIGNED" })).body.error.code).toBe("RULE_RESUME_TARGET");
    expect((await move({ to: "NEGOTIATING" })).body).toMatchObject({
      stage: "NEGOTIATING",
      suspendedFrom: null,
      closeReason: null,
    });
  });

  it("a stale version on a transition gets 409", async () => {
    const { body: p } = await newLead();
    const res = await call(transitionRoute, `/api/v1/projects/${p.id}/transitions`, {
      method: "POST",
      cookie: staffCookie,
      id: p.id,
      body: { to: "NEGOTIATING", version: 7 },
    });
    expect(res.status).toBe(409);
  });

  it("logs activities on the timeline", async () => {
    const { body: p } = await newLead();
    const bad = await call(activityRoute, `/api/v1/projects/${p.id}/activities`, {
      method: "POST",
      cookie: staffCookie,
      id: p.id,
      body: { type: "PARTY", date: "2026-13-01", notes: "" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["date", "notes", "type"]);
    const ok = await call(activityRoute, `/api/v1/projects/${p.id}/activities`, {
      method: "POST",
      cookie: staffCookie,
      id: p.id,
      body: {
        type: "SITE_SURVEY",
        date: "2026-11-02",
        participants: "张伟、企业代表",
        notes: "实地考察新材料产业园地块",
      },
    });
    expect(ok.status).toBe(201);
    const list = await call(activitiesRoute, `/api/v1/projects/${p.id}/activities`, { cookie: staffCookie, id: p.id });
    expect(list.body.items).toEqual([
      expect.objectContaining({ type: "SITE_SURVEY", date: "2026-11-02", notes: "实地考察新材料产业园地块" }),
    ]);
  });

  it("filters the list by investment range, key flag and text", async () => {
    await newLead({ name: "海洋多肽药物项目", totalInvestment: "120000", keyProject: true });
    const res = await call(
      listRoute,
      "/api/v1/projects?minInvestment=100000&key=true&q=" + encodeURIComponent("多肽"),
      { cookie: staffCookie },
    );
    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual(["海洋多肽药物项目"]);
  });

  it("searches one, two and more characters in name, enterprise and code, case-insensitively, kept in step on edits", async () => {
    const { body: p } = await newLead({
      name: "碳化硼粉体项目",
      enterpriseName: "青岛琥珀陶瓷有限公司",
      code: "ZB-2026-77",
    });
    const names = async (q: string) =>
      (
        await call(listRoute, "/api/v1/projects?pageSize=200&q=" + encodeURIComponent(q), { cookie: staffCookie })
      ).body.items.map((i: { id: string }) => i.id);
    for (const q of ["琥", "琥珀", "琥珀陶瓷", "粉体", "zb", "Zb-2026-77", "硼粉"])
      expect(await names(q)).toContain(p.id);
    for (const q of ["珀琥", "体粉", "项目 青岛", "-b"]) expect(await names(q)).not.toContain(p.id);
    // The pieces follow a rename: the old name no longer matches, the new one does.
    await call(patchRoute, `/api/v1/projects/${p.id}`, {
      method: "PATCH",
      cookie: staffCookie,
      id: p.id,
      body: { name: "氮化硅项目", enterpriseName: "青岛新瓷有限公司", version: 1 },
    });
    expect(await names("琥珀")).not.toContain(p.id);
    expect(await names("粉体")).not.toContain(p.id);
    expect(await names("新瓷")).toContain(p.id);
  });
});

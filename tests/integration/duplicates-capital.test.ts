import { POST as createRoute } from "../../app/api/v1/projects/route";
import { GET as duplicatesRoute } from "../../app/api/v1/projects/duplicates/route";
import { POST as increaseRoute, GET as increasesRoute } from "../../app/api/v1/projects/[id]/capital-increases/route";
import { POST as mergeRoute } from "../../app/api/v1/enterprises/[id]/merge/route";
import { GET as enterpriseRoute } from "../../app/api/v1/enterprises/[id]/route";
import { getDb } from "../../lib/db";
import { findSimilarEnterprises } from "../../lib/enterprises/duplicates";
import { nameColumns } from "../../lib/enterprises/name-key";
import { callRoute as call, createIndustry, createUser, sessionCookie } from "../factories";

describe("duplicate detection and capital increases", () => {
  let staff: string;
  let other: string;
  let industry: string;

  beforeAll(async () => {
    staff = await sessionCookie(await createUser({ role: "STAFF" }));
    other = await sessionCookie(await createUser({ role: "STAFF" }));
    industry = (await createIndustry()).code;
  });

  const create = (body: Record<string, unknown>, cookie = staff) =>
    call(createRoute, "/api/v1/projects", {
      method: "POST",
      cookie,
      body: { industryId: industry, totalInvestment: "10000", ...body },
    });

  describe("enterprises", () => {
    beforeAll(async () => {
      await getDb().enterprise.createMany({
        data: [
          { ...nameColumns("青岛科莱福光电材料有限公司"), creditCode: null },
          { ...nameColumns("青岛安屯尼智能电子有限公司"), creditCode: "91370200MA3C5BXX0A".slice(0, 17) + "0" },
          { ...nameColumns("海创生物科技有限公司") },
        ],
        skipDuplicates: true,
      });
    });

    it("finds the same company written another way, by core name", async () => {
      const m = await findSimilarEnterprises(getDb(), { name: "科莱福光电材料（青岛）有限公司" });
      expect(m.map((e) => [e.name, e.reason, e.score])).toEqual([["青岛科莱福光电材料有限公司", "SIMILAR_NAME", 1]]);
    });

    it("finds a near name by trigram similarity and a short name inside a long one", async () => {
      const near = await findSimilarEnterprises(getDb(), { name: "青岛科莱福光电新材料有限公司" });
      expect(near[0]?.name).toBe("青岛科莱福光电材料有限公司");
      expect(near[0]!.score).toBeGreaterThanOrEqual(0.45);
      const contained = await findSimilarEnterprises(getDb(), { name: "安屯尼智能" });
      expect(contained.map((e) => e.name)).toEqual(["青岛安屯尼智能电子有限公司"]);
    });

    it("does not call different companies alike", async () => {
      expect(await findSimilarEnterprises(getDb(), { name: "青岛海创海洋装备有限公司" })).toEqual([]);
      expect(await findSimilarEnterprises(getDb(), { name: "华为技术有限公司" })).toEqual([]);
    });
  });

  it("with checkDuplicates, a near enterprise refuses the create (409) with the matches and saves nothing", async () => {
    await getDb().enterprise.create({ data: nameColumns("青岛中硼新材料科技有限公司") });
    const before = await getDb().project.count();
    const res = await create({
      name: "碳化硼粉体项目",
      enterpriseName: "中硼新材料科技（青岛）有限公司",
      checkDuplicates: true,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("DUPLICATE_SUSPECTED");
    expect(res.body.error.details.enterprises).toEqual([
      expect.objectContaining({ name: "青岛中硼新材料科技有限公司", reason: "SIMILAR_NAME" }),
    ]);
    expect(await getDb().project.count()).toBe(before);

    // Link: the project goes to the existing enterprise, no second one is made.
    const linked = await create({
      name: "碳化硼粉体项目",
      enterpriseName: "中硼新材料科技（青岛）有限公司",
      checkDuplicates: true,
      enterpriseId: res.body.error.details.enterprises[0].id,
    });
    expect(linked.status).toBe(201);
    expect(linked.body.enterpriseName).toBe("青岛中硼新材料科技有限公司");
    expect(await getDb().enterprise.count({ where: { nameKey: "中硼新材料科技" } })).toBe(1);

    // A second project of the same investor is shown as a possible capital increase.
    const second = await create({
      name: "碳化硼制品项目",
      enterpriseName: "青岛中硼新材料科技有限公司",
      checkDuplicates: true,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.details.projects).toEqual([
      expect.objectContaining({ id: linked.body.id, reason: "SAME_ENTERPRISE" }),
    ]);

    // Confirmed as new: created, linked to the same enterprise by its exact name.
    const confirmed = await create({ name: "碳化硼制品项目", enterpriseName: "青岛中硼新材料科技有限公司" });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.enterpriseId).toBe(linked.body.enterpriseId);
  });

  it("a linked enterprise with another credit code is a field error", async () => {
    const e = await getDb().enterprise.create({
      data: { ...nameColumns("青岛润辉生物有限公司"), creditCode: "91370200163562681G" },
    });
    const res = await create({
      name: "海洋肽项目",
      enterpriseName: "青岛润辉生物有限公司",
      enterpriseId: e.id,
      creditCode: "91370211MA3MF5U59Q",
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(["creditCode"]);
  });

  it("GET /projects/duplicates answers the same report", async () => {
    const res = await call(
      duplicatesRoute,
      `/api/v1/projects/duplicates?name=${encodeURIComponent("碳化硼粉体项目")}&enterpriseName=${encodeURIComponent("中硼新材料科技有限公司")}`,
      { cookie: staff },
    );
    expect(res.status).toBe(200);
    expect(res.body.enterprises[0]).toMatchObject({ name: "青岛中硼新材料科技有限公司" });
    expect(res.body.projects.map((p: { name: string }) => p.name)).toContain("碳化硼粉体项目");
  });

  describe("capital increases (增资扩产)", () => {
    it("adds to the project's investment exactly, bumps the version, keeps one project, and audits", async () => {
      const { body: p } = await create({
        name: "智能换电整车项目",
        enterpriseName: "增资测试企业有限公司",
        totalInvestment: "0.10",
        fixedAssetInvestment: "0.20",
      });
      await getDb().project.update({ where: { id: p.id }, data: { stage: "SIGNED" } });
      const projects = await getDb().project.count();
      const res = await call(increaseRoute, `/api/v1/projects/${p.id}/capital-increases`, {
        method: "POST",
        cookie: staff,
        id: p.id,
        body: {
          date: "2026-11-20",
          amount: "0.20",
          fixedAssetAmount: "0.10",
          foreignCapital: "5",
          note: "二期扩产",
          version: 1,
        },
      });
      expect(res.status).toBe(201);
      expect(res.body.project).toMatchObject({
        totalInvestment: "0.30",
        fixedAssetInvestment: "0.30",
        foreignCapital: "5.00",
        version: 2,
      });
      expect(res.body.increase).toMatchObject({ date: "2026-11-20", amount: "0.20", note: "二期扩产" });
      expect(await getDb().project.count()).toBe(projects);
      expect(await getDb().auditLog.count({ where: { entityId: p.id, action: "capital-increase:add" } })).toBe(1);
      const list = await call(increasesRoute, `/api/v1/projects/${p.id}/capital-increases`, {
        cookie: other,
        id: p.id,
      });
      expect(list.body.items).toHaveLength(1);
    });

    it("refuses before signing (422), a stale version (409), someone else's project (403), bad amounts (400), saving nothing", async () => {
      const { body: p } = await create({ name: "未签约项目", enterpriseName: "未签约企业有限公司" });
      const post = (body: Record<string, unknown>, cookie = staff) =>
        call(increaseRoute, "/x", {
          method: "POST",
          cookie,
          id: p.id,
          body: { date: "2026-11-20", amount: "100", ...body },
        });
      const lead = await post({});
      expect(lead.status).toBe(422);
      expect(lead.body.error.code).toBe("RULE_CAPITAL_INCREASE_STAGE");
      await getDb().project.update({ where: { id: p.id }, data: { stage: "PRODUCTION" } });
      expect((await post({ version: 7 })).status).toBe(409);
      expect((await post({}, other)).status).toBe(403);
      const bad = await post({ amount: "0", date: "2026-13-01" });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.error.fields).sort()).toEqual(["amount", "date"]);
      expect(await getDb().capitalIncrease.count({ where: { projectId: p.id } })).toBe(0);
      expect((await getDb().project.findUniqueOrThrow({ where: { id: p.id } })).totalInvestment.toFixed(2)).toBe(
        "10000.00",
      );
    });
  });

  describe("merging duplicate enterprises", () => {
    it("moves the projects, keeps the facts the target lacks, deletes the duplicate, audits; managers only; stale versions refused", async () => {
      const manager = await sessionCookie(await createUser({ role: "MANAGER" }));
      const target = await getDb().enterprise.create({
        data: { ...nameColumns("青岛开影医疗科技有限公司"), region: "青岛市" },
      });
      const source = await getDb().enterprise.create({
        data: { ...nameColumns("开影医疗科技（青岛）有限公司"), creditCode: "91370211MA3MF5U59Q", contact: "李总" },
      });
      const { body: p } = await create({ name: "CT 球管项目", enterpriseName: "开影医疗科技（青岛）有限公司" });
      expect(p.enterpriseId).toBe(source.id);

      const page = await call(enterpriseRoute, `/api/v1/enterprises/${target.id}`, { cookie: staff, id: target.id });
      expect(page.body.similar.map((e: { id: string }) => e.id)).toContain(source.id);

      const merge = (cookie: string, body: Record<string, unknown>) =>
        call(mergeRoute, "/x", {
          method: "POST",
          cookie,
          id: target.id,
          body: { sourceId: source.id, sourceVersion: 1, targetVersion: 1, ...body },
        });
      expect((await merge(staff, {})).status).toBe(403);
      expect((await merge(manager, { targetVersion: 5 })).status).toBe(409);
      expect(await getDb().enterprise.count({ where: { id: source.id } })).toBe(1);

      const ok = await merge(manager, {});
      expect(ok.status).toBe(200);
      expect(ok.body.movedProjects).toBe(1);
      expect(await getDb().enterprise.count({ where: { id: source.id } })).toBe(0);
      const merged = await getDb().enterprise.findUniqueOrThrow({ where: { id: target.id } });
      expect(merged).toMatchObject({ region: "青岛市", creditCode: "91370211MA3MF5U59Q", contact: "李总", version: 2 });
      const moved = await getDb().project.findUniqueOrThrow({ where: { id: p.id } });
      expect(moved).toMatchObject({ enterpriseId: target.id, enterpriseName: "青岛开影医疗科技有限公司", version: 2 });
      expect(await getDb().auditLog.count({ where: { entityId: p.id, action: "enterprise:merge" } })).toBe(1);
      expect(await getDb().auditLog.count({ where: { entityId: target.id, action: "merge" } })).toBe(1);
    });

    it("refuses to merge enterprises with different credit codes", async () => {
      const manager = await sessionCookie(await createUser({ role: "MANAGER" }));
      const a = await getDb().enterprise.create({
        data: { ...nameColumns("合并测试甲有限公司"), creditCode: "91370200MA3C5B7X0" + "0" },
      });
      const b = await getDb().enterprise.create({
        data: { ...nameColumns("合并测试甲（青岛）有限公司"), creditCode: "91370200MA3C5B7X1" + "0" },
      });
      const res = await call(mergeRoute, "/x", {
        method: "POST",
        cookie: manager,
        id: a.id,
        body: { sourceId: b.id, sourceVersion: 1, targetVersion: 1 },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("RULE_MERGE_CREDIT_CODES");
    });
  });
});

import { GET as chainsRoute, POST as createChainRoute } from "../../app/api/v1/chains/route";
import { GET as gapsRoute } from "../../app/api/v1/chains/[id]/gaps/route";
import { POST as createLinkRoute } from "../../app/api/v1/chains/[id]/links/route";
import { PATCH as linkRoute, DELETE as deleteLinkRoute } from "../../app/api/v1/chain-links/[id]/route";
import { POST as convertRoute } from "../../app/api/v1/chains/convert/route";
import { PUT as enterpriseChainsRoute } from "../../app/api/v1/enterprises/[id]/chains/route";
import { GET as projectsRoute, POST as createProjectRoute } from "../../app/api/v1/projects/route";
import { PATCH as patchProjectRoute } from "../../app/api/v1/projects/[id]/route";
import { GET as industriesRoute, POST as createIndustryRoute } from "../../app/api/v1/industries/route";
import { PATCH as patchIndustryRoute } from "../../app/api/v1/industries/[id]/route";
import { convertTargetToLead } from "../../lib/chains/convert-target";
import { addActivity } from "../../lib/projects/activities";
import { getDb } from "../../lib/db";
import { nameColumns } from "../../lib/enterprises/name-key";
import { actorOf, callRoute as call, createIndustry, createUser, sessionCookie } from "../factories";

describe("链式招商: chains, gaps, targets to leads", () => {
  let manager: string;
  let staff: Awaited<ReturnType<typeof createUser>>;
  let staffCookie: string;
  let industryId: string;
  let chainId: string;
  const link: Record<string, string> = {};

  beforeAll(async () => {
    manager = await sessionCookie(await createUser({ role: "MANAGER" }));
    staff = await createUser({ role: "STAFF" });
    staffCookie = await sessionCookie(staff);
    industryId = (await createIndustry()).id;
  });

  it("ADMIN/MANAGER build a chain and its link tree with the audit log; others may not", async () => {
    expect(
      (
        await call(createChainRoute, "/x", {
          method: "POST",
          cookie: staffCookie,
          body: { code: "EMOTO", name: "换电摩托车", industryId },
        })
      ).status,
    ).toBe(403);
    const chain = await call(createChainRoute, "/x", {
      method: "POST",
      cookie: manager,
      body: { code: "EMOTO", name: "换电摩托车", industryId },
    });
    expect(chain.status).toBe(201);
    chainId = chain.body.id;
    for (const [name, position, targetCount, parent] of [
      ["电芯", "UPSTREAM", 2, null],
      ["注塑件", "UPSTREAM", 2, null],
      ["SMT贴片", "MIDSTREAM", 1, null],
      ["整车制造", "MIDSTREAM", 1, null],
      ["换电柜", "DOWNSTREAM", 1, "整车制造"],
    ] as const) {
      const res = await call(createLinkRoute, "/x", {
        method: "POST",
        cookie: manager,
        id: chainId,
        body: { name, position, targetCount, parentId: parent ? link[parent] : null },
      });
      expect(res.status).toBe(201);
      link[name] = res.body.id;
    }
    const dup = await call(createLinkRoute, "/x", {
      method: "POST",
      cookie: manager,
      id: chainId,
      body: { name: "电芯", position: "UPSTREAM" },
    });
    expect(dup.status).toBe(409);
    const badPos = await call(createLinkRoute, "/x", {
      method: "POST",
      cookie: manager,
      id: chainId,
      body: { name: "x", position: "SIDEWAYS", importance: 9 },
    });
    expect(Object.keys(badPos.body.error.fields).sort()).toEqual(["importance", "position"]);
    // A link cannot sit under itself or its own child.
    const cycle = await call(linkRoute, "/x", {
      method: "PATCH",
      cookie: manager,
      id: link["整车制造"],
      body: { parentId: link["换电柜"], version: 1 },
    });
    expect(cycle.body.error.fields).toEqual({ parentId: "上级环节不能是本环节或其下级" });
    expect(await getDb().auditLog.count({ where: { entityType: "Chain", entityId: chainId } })).toBe(6);
  });

  it("gap status per link: missing, weak, covered — with projects counting — and completeness", async () => {
    const e = (name: string, isLocal: boolean, links: string[]) =>
      getDb().enterprise.create({
        data: { ...nameColumns(name), isLocal, links: { create: links.map((l) => ({ linkId: link[l] })) } },
      });
    await e("青岛本地注塑有限公司", true, ["注塑件"]);
    await e("青岛本地贴片有限公司", true, ["SMT贴片"]);
    await e("青岛整车有限公司", true, ["整车制造"]);
    const target = await e("江苏外地电芯有限公司", false, ["电芯"]);
    await e("广东外地注塑有限公司", false, ["注塑件"]);
    // 换电柜: no local enterprise, but an open project fills it; a terminated one does not count.
    const mk = (name: string, linkIds: string[]) =>
      call(createProjectRoute, "/x", {
        method: "POST",
        cookie: staffCookie,
        body: { name, enterpriseName: name + "企业", industryId, totalInvestment: "100", linkIds },
      });
    const open = await mk("换电柜项目", [link["换电柜"]]);
    expect(open.status).toBe(201);
    expect(open.body.links).toEqual([
      expect.objectContaining({ id: link["换电柜"], name: "换电柜", chainName: "换电摩托车" }),
    ]);
    const dead = await mk("已终止电芯项目", [link["电芯"]]);
    await getDb().project.update({ where: { id: dead.body.id }, data: { stage: "TERMINATED" } });

    const gaps = await call(gapsRoute, "/x", { cookie: staffCookie, id: chainId });
    expect(gaps.status).toBe(200);
    const by = Object.fromEntries(gaps.body.links.map((l: { name: string }) => [l.name, l]));
    expect(by["电芯"]).toMatchObject({
      status: "MISSING",
      localEnterprises: 0,
      openProjects: 0,
      targets: [{ id: target.id, name: "江苏外地电芯有限公司", leadProjectId: null }],
    });
    expect(by["注塑件"]).toMatchObject({ status: "WEAK", localEnterprises: 1, openProjects: 0 });
    expect(by["注塑件"].targets.map((t: { name: string }) => t.name)).toEqual(["广东外地注塑有限公司"]);
    expect(by["SMT贴片"]).toMatchObject({ status: "COVERED", localEnterprises: 1, targets: [] });
    expect(by["换电柜"]).toMatchObject({
      status: "COVERED",
      localEnterprises: 0,
      openProjects: 1,
      parentId: link["整车制造"],
      position: "DOWNSTREAM",
    });
    // (0 + 0.5 + 1 + 1 + 1) / 5 = 70%
    expect(gaps.body.completeness).toBe(70);
    const list = await call(chainsRoute, "/x", { cookie: staffCookie });
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: chainId, name: "换电摩托车", completeness: 70, missing: 1, weak: 1 }),
    ]);
  });

  it("a target becomes exactly one lead on its link, idempotent under a double click, in both histories", async () => {
    const gaps = (await call(gapsRoute, "/x", { cookie: staffCookie, id: chainId })).body;
    const target = gaps.links.find((l: { name: string }) => l.name === "电芯").targets[0];
    const actor = actorOf(staff);
    const before = await getDb().project.count();
    const [a, b] = await Promise.all([
      convertTargetToLead({ actor, input: { linkId: link["电芯"], enterpriseId: target.id } }),
      convertTargetToLead({ actor, input: { linkId: link["电芯"], enterpriseId: target.id } }),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.projectId).toBe(b.projectId);
    expect(await getDb().project.count()).toBe(before + 1);
    const again = await call(convertRoute, "/x", {
      method: "POST",
      cookie: staffCookie,
      body: { linkId: link["电芯"], enterpriseId: target.id },
    });
    expect(again).toMatchObject({ status: 200, body: { created: false, projectId: a.projectId } });

    const lead = await getDb().project.findUniqueOrThrow({ where: { id: a.projectId }, include: { links: true } });
    expect(lead).toMatchObject({
      stage: "LEAD",
      ownerId: staff.id,
      enterpriseId: target.id,
      industryId,
      name: "江苏外地电芯电芯项目",
    });
    expect(lead.links.map((l) => l.linkId)).toEqual([link["电芯"]]);
    expect(
      await getDb().auditLog.count({
        where: { entityType: "Project", entityId: lead.id, action: "create:from-target" },
      }),
    ).toBe(1);
    expect(
      await getDb().auditLog.count({ where: { entityType: "Enterprise", entityId: target.id, action: "target:lead" } }),
    ).toBe(1);
    // A bare lead is listed on the link but is not coverage: it stays MISSING, showing the lead.
    const gapOf = async () =>
      (await call(gapsRoute, "/x", { cookie: staffCookie, id: chainId })).body.links.find(
        (l: { name: string }) => l.name === "电芯",
      );
    expect(await gapOf()).toMatchObject({
      status: "MISSING",
      openProjects: 0,
      projects: [{ id: lead.id, counts: false }],
      targets: [{ id: target.id, leadProjectId: lead.id }],
    });
    // Followed up once, it counts: WEAK (one open project, target 2).
    await addActivity({
      actor,
      projectId: lead.id,
      input: { type: "CALL", date: "2026-11-20", notes: "首次电话联系" },
    });
    expect(await gapOf()).toMatchObject({ status: "WEAK", openProjects: 1, projects: [{ id: lead.id, counts: true }] });
    // The chain list counts the same way (one SQL query there, the pure rule here).
    const listed = (await call(chainsRoute, "/x", { cookie: staffCookie })).body.items.find(
      (c: { id: string }) => c.id === chainId,
    );
    const detail = (await call(gapsRoute, "/x", { cookie: staffCookie, id: chainId })).body;
    expect(listed.completeness).toBe(detail.completeness);

    // Only a link's external target converts; approvers cannot make leads.
    const local = await getDb().enterprise.findFirstOrThrow({ where: { name: "青岛本地注塑有限公司" } });
    expect(
      (
        await call(convertRoute, "/x", {
          method: "POST",
          cookie: staffCookie,
          body: { linkId: link["注塑件"], enterpriseId: local.id },
        })
      ).body.error.code,
    ).toBe("RULE_NOT_A_TARGET");
    const approver = await sessionCookie(await createUser({ role: "APPROVER" }));
    expect(
      (
        await call(convertRoute, "/x", {
          method: "POST",
          cookie: approver,
          body: { linkId: link["电芯"], enterpriseId: target.id },
        })
      ).status,
    ).toBe(403);
  });

  it("the project grid filters by chain and by link; links are edited on the project and enterprise with locking", async () => {
    const byChain = await call(projectsRoute, `/api/v1/projects?chain=${chainId}`, { cookie: staffCookie });
    expect(byChain.body.items.map((p: { name: string }) => p.name).sort()).toEqual(
      ["换电柜项目", "已终止电芯项目", "江苏外地电芯电芯项目"].sort(),
    );
    const byLink = await call(projectsRoute, `/api/v1/projects?link=${link["换电柜"]}`, { cookie: staffCookie });
    expect(byLink.body.items.map((p: { name: string }) => p.name)).toEqual(["换电柜项目"]);

    const p = byLink.body.items[0];
    const moved = await call(patchProjectRoute, "/x", {
      method: "PATCH",
      cookie: staffCookie,
      id: p.id,
      body: { linkIds: [link["SMT贴片"]], version: p.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.linkIds).toEqual([link["SMT贴片"]]);
    const bad = await call(patchProjectRoute, "/x", {
      method: "PATCH",
      cookie: staffCookie,
      id: p.id,
      body: { linkIds: ["nope"], version: moved.body.version },
    });
    expect(bad.body.error.fields).toEqual({ linkIds: "所选产业链环节不存在" });

    const ent = await getDb().enterprise.findFirstOrThrow({ where: { name: "广东外地注塑有限公司" } });
    const set = await call(enterpriseChainsRoute, "/x", {
      method: "PUT",
      cookie: staffCookie,
      id: ent.id,
      body: {
        linkIds: [link["注塑件"], link["电芯"]],
        isChainLeader: true,
        isLocal: true,
        scale: "中型",
        version: ent.version,
      },
    });
    expect(set.status).toBe(200);
    expect(
      (
        await call(enterpriseChainsRoute, "/x", {
          method: "PUT",
          cookie: staffCookie,
          id: ent.id,
          body: { linkIds: [], isChainLeader: false, isLocal: true, scale: "", version: ent.version },
        })
      ).status,
    ).toBe(409);
    const gaps = (await call(gapsRoute, "/x", { cookie: staffCookie, id: chainId })).body;
    expect(gaps.links.find((l: { name: string }) => l.name === "注塑件")).toMatchObject({
      status: "COVERED",
      localEnterprises: 2,
    });
    expect(gaps.links.find((l: { name: string }) => l.name === "注塑件").enterprises).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "广东外地注塑有限公司", isChainLeader: true })]),
    );
  });

  it("a link in use is not deleted; an empty one is", async () => {
    const inUse = await call(deleteLinkRoute, "/x", { method: "DELETE", cookie: manager, id: link["电芯"] });
    expect(inUse.body.error.code).toBe("RULE_LINK_IN_USE");
    const spare = await call(createLinkRoute, "/x", {
      method: "POST",
      cookie: manager,
      id: chainId,
      body: { name: "空环节", position: "DOWNSTREAM" },
    });
    expect((await call(deleteLinkRoute, "/x", { method: "DELETE", cookie: manager, id: spare.body.id })).status).toBe(
      200,
    );
    expect(await getDb().chainLink.count({ where: { id: spare.body.id } })).toBe(0);
  });

  it("industries (十强产业 and clusters) are managed by MANAGER/ADMIN with the audit log", async () => {
    const body = { code: "MARINE_CLUSTER", name: "海洋装备产业集群", kind: "CLUSTER" };
    expect((await call(createIndustryRoute, "/x", { method: "POST", cookie: staffCookie, body })).status).toBe(403);
    const created = await call(createIndustryRoute, "/x", { method: "POST", cookie: manager, body });
    expect(created.status).toBe(201);
    expect((await call(createIndustryRoute, "/x", { method: "POST", cookie: manager, body })).status).toBe(409);
    const bad = await call(createIndustryRoute, "/x", {
      method: "POST",
      cookie: manager,
      body: { code: "x y", name: "", kind: "OTHER" },
    });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["code", "kind", "name"]);
    const renamed = await call(patchIndustryRoute, "/x", {
      method: "PATCH",
      cookie: manager,
      id: created.body.id,
      body: { name: "海工装备产业集群" },
    });
    expect(renamed.body.name).toBe("海工装备产业集群");
    expect(await getDb().auditLog.count({ where: { entityType: "Industry", entityId: created.body.id } })).toBe(2);
    const list = await call(industriesRoute, "/x", { cookie: staffCookie });
    expect(list.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "海工装备产业集群", kind: "CLUSTER", chains: 0 })]),
    );
  });
});

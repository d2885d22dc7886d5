// 修改历史 and 审计日志 in words (lib/audit/describe.ts with the catalogue): stage moves,
// industries, people and money as people read them, in both languages, never a code, an id
// or JSON.
import { getDb } from "../../lib/db";
import { entityHistory, listAuditLog } from "../../lib/audit/queries";
import { addCapitalIncrease } from "../../lib/projects/capital-increases";
import { moveProjectStage } from "../../lib/projects/move-stage";
import { updateProject } from "../../lib/projects/update-project";
import { actorOf, createProject, createUser } from "../factories";

async function setting() {
  const db = getDb();
  const [it, equipment] = await Promise.all([
    db.industry.upsert({
      where: { code: "NEXT_GEN_IT" },
      create: { code: "NEXT_GEN_IT", name: "新一代信息技术" },
      update: {},
    }),
    db.industry.upsert({
      where: { code: "HIGH_END_EQUIPMENT" },
      create: { code: "HIGH_END_EQUIPMENT", name: "高端装备" },
      update: {},
    }),
  ]);
  const manager = actorOf(await createUser({ role: "MANAGER", displayName: "王建国" }));
  const li = await createUser({ role: "LEADER", displayName: "李明" });
  const wang = await createUser({ role: "LEADER", displayName: "王芳" });
  const zhang = await createUser({ role: "STAFF", displayName: "张伟" });
  const chen = await createUser({ role: "STAFF", displayName: "陈晨" });
  const project = await createProject({
    name: "历史文字测试项目",
    industryId: it.id,
    ownerId: zhang.id,
    leaderId: li.id,
    totalInvestment: "8000.00",
    stage: "NEGOTIATING",
  });
  let version = project.version;
  const edit = async (input: Record<string, unknown>) =>
    (version = (await updateProject({ actor: manager, id: project.id, input: { ...input, version } })).version);
  await edit({ industryId: equipment.id });
  await edit({ leaderId: wang.id });
  await edit({ ownerId: chen.id });
  await edit({ totalInvestment: "1.2亿" });
  await moveProjectStage({
    actor: manager,
    projectId: project.id,
    input: { to: "SIGNED", version, signingDate: "2026-03-01", contractInvestment: "15000" },
  });
  return { manager, project, ids: [it.id, equipment.id, li.id, wang.id, zhang.id, chen.id, project.id] };
}

/** Everything a reader sees of a row, as one text. */
const shown = (r: Awaited<ReturnType<typeof entityHistory>>[number]) =>
  [r.entity.label, r.entity.name, r.summary, r.actorName, ...r.changes.flatMap((c) => [c.field, c.before, c.after])]
    .filter(Boolean)
    .join(" | ");

describe("history in words", () => {
  it("describes a stage move, an industry, leader and owner change and a money change in Chinese", async () => {
    const { manager, project, ids } = await setting();
    const rows = await entityHistory({ actor: manager, entityType: "Project", entityId: project.id, locale: "zh-CN" });
    const text = rows.map(shown);
    const [stage, money, owner, leader, industry] = rows;

    expect(stage.summary).toBe("阶段变更 · 洽谈 → 签约");
    expect(stage.changes).toEqual(
      expect.arrayContaining([
        { field: "签约日期", before: "—", after: "2026-03-01" },
        { field: "合同投资额", before: "—", after: "1.50 亿元" },
      ]),
    );
    expect(money.summary).toBe("修改");
    expect(money.changes).toEqual([{ field: "总投资", before: "8,000.00 万元", after: "1.20 亿元" }]);
    expect(owner.changes).toEqual([{ field: "招商专员", before: "张伟", after: "陈晨" }]);
    expect(leader.changes).toEqual([{ field: "分包领导", before: "李明", after: "王芳" }]);
    expect(industry.changes).toEqual([{ field: "产业", before: "新一代信息技术", after: "高端装备" }]);
    expect(stage.actorName).toBe("王建国");

    // No code, id or JSON anywhere in what is shown.
    for (const t of text) {
      expect(t).not.toMatch(/update|stage:|NEGOTIATING|SIGNED|NEXT_GEN_IT|HIGH_END|[{}"]|industryId|ownerId/);
      for (const id of ids) expect(t).not.toContain(id);
    }
  });

  it("says the same in English", async () => {
    const { manager, project } = await setting();
    const [stage, money, owner, leader, industry] = await entityHistory({
      actor: manager,
      entityType: "Project",
      entityId: project.id,
      locale: "en",
    });
    expect(stage.summary).toBe("Stage change · Negotiating → Signed");
    expect(stage.changes).toEqual(
      expect.arrayContaining([{ field: "Contract investment", before: "—", after: "1.50 ×100M yuan" }]),
    );
    expect(money).toMatchObject({
      summary: "Edited",
      changes: [{ field: "Total investment", before: "8,000.00 ×10k yuan", after: "1.20 ×100M yuan" }],
    });
    expect(owner.changes).toEqual([{ field: "Owner", before: "张伟", after: "陈晨" }]);
    expect(leader.changes).toEqual([{ field: "Leader in charge", before: "李明", after: "王芳" }]);
    expect(industry.changes).toEqual([{ field: "Industry", before: "新一代信息技术", after: "高端装备" }]);
  });

  it("names the entity in the admin's log, with its page, and a capital increase in money", async () => {
    const { manager, project } = await setting();
    const current = await getDb().project.findUniqueOrThrow({ where: { id: project.id } });
    await addCapitalIncrease({
      actor: manager,
      projectId: project.id,
      input: { date: "2026-04-01", amount: "5000", note: "二期", version: current.version },
    });
    const admin = actorOf(await createUser({ role: "ADMIN" }));
    const log = await listAuditLog({
      actor: admin,
      query: { entityType: "Project", entityId: project.id, action: "capital-increase:add" },
    });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      entity: { label: "项目", name: "历史文字测试项目", href: `/projects/${project.id}?tab=history` },
      summary: "登记增资扩产",
    });
    expect(log.items[0].changes).toEqual(
      expect.arrayContaining([
        { field: "新增投资", before: "—", after: "5,000.00 万元" },
        { field: "总投资", before: "1.20 亿元", after: "1.70 亿元" },
        { field: "增资日期", before: "—", after: "2026-04-01" },
      ]),
    );
    // The filter by the start of codes: every stage move.
    const moves = await listAuditLog({ actor: admin, query: { entityId: project.id, action: "stage:" } });
    expect(moves.items.map((r) => r.summary)).toEqual(["阶段变更 · 洽谈 → 签约"]);
  });
});

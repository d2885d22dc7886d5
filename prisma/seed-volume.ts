// Realistic volume for demos and the benchmark: Chinese enterprise and project names
// spread over industries, parks, stages, owners and years. Deterministic (seeded PRNG),
// bulk-inserted in chunks of one statement each.
import crypto from "node:crypto";
import pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import { nameColumns } from "../lib/enterprises/name-key";
import { pipelineStages } from "../lib/projects/stages";

const regions = [
  "青岛",
  "山东",
  "上海",
  "深圳",
  "苏州",
  "杭州",
  "北京",
  "天津",
  "宁波",
  "烟台",
  "潍坊",
  "济南",
  "合肥",
  "武汉",
  "成都",
  "厦门",
];
const cores = [
  "海创",
  "华芯",
  "蓝谷",
  "中科",
  "鼎盛",
  "瑞祥",
  "博远",
  "恒通",
  "金桥",
  "东方",
  "汇丰",
  "泰和",
  "新宇",
  "启明",
  "凯达",
  "天诚",
  "融创",
  "万向",
  "盛世",
  "卓越",
  "海润",
  "国泰",
  "聚能",
  "远景",
];
const trades = [
  "光电",
  "新材料",
  "生物医药",
  "智能装备",
  "海洋科技",
  "精细化工",
  "电子",
  "半导体",
  "新能源",
  "医疗器械",
  "数字科技",
  "食品",
  "文旅",
  "物流",
  "储能",
  "机器人",
];
const kinds = ["生产基地", "研发中心", "产业园", "扩产", "智能工厂", "总部", "年产万吨", "配套"];
const suffixes = ["有限公司", "股份有限公司", "科技有限公司", "集团有限公司"];
const activityNotes = [
  "电话沟通项目进展",
  "走访企业了解用地需求",
  "洽谈投资协议条款",
  "陪同考察园区地块",
  "召开项目推进会",
  "对接要素保障需求",
];
const activityTypes = ["VISIT", "CALL", "NEGOTIATION", "SITE_SURVEY", "MEETING"] as const;
const channels = ["ALL_STAFF", "PROFESSIONAL", "VIA_INVESTOR", "SIGNING_WEEK"] as const;

export type Column = [name: string, sqlType: string];

/**
 * Many rows in one statement: each column goes as one array parameter and PostgreSQL
 * unnests them (`insert … select * from unnest($1::text[], …)`), far faster than row
 * inserts through the ORM. Values are sent as text and cast by the column's type.
 */
export async function bulkInsert(sql: pg.Client, table: string, columns: Column[], rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const text = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));
  const arrays = columns.map(([name]) => rows.map((r) => text(r[name])));
  const list = columns.map(([name]) => `"${name}"`).join(", ");
  const unnest = columns.map(([, type], i) => `$${i + 1}::text[]::${type}[]`).join(", ");
  await sql.query(`insert into "${table}" (${list}) select * from unnest(${unnest})`, arrays);
}

const enterpriseColumns: Column[] = [
  ["id", "text"],
  ["name", "text"],
  ["nameKey", "text"],
  ["isLocal", "boolean"],
  ["updatedAt", "timestamp"],
];
const projectColumns: Column[] = [
  ["id", "text"],
  ["code", "text"],
  ["name", "text"],
  ["enterpriseId", "text"],
  ["enterpriseName", "text"],
  ["industryId", "text"],
  ["parkId", "text"],
  ["totalInvestment", "numeric"],
  ["stage", '"ProjectStage"'],
  ["stageEnteredAt", "timestamp"],
  ["warning", '"WarningColor"'],
  ["keyProject", "boolean"],
  ["sourceChannel", '"SourceChannel"'],
  ["ownerId", "text"],
  ["leaderId", "text"],
  ["signingDate", "date"],
  ["contractInvestment", "numeric"],
  ["createdAt", "timestamp"],
  ["updatedAt", "timestamp"],
];
const changeColumns: Column[] = [
  ["id", "text"],
  ["projectId", "text"],
  ["toStage", '"ProjectStage"'],
  ["userId", "text"],
  ["note", "text"],
  ["createdAt", "timestamp"],
];
const caseColumns: Column[] = [
  ["id", "text"],
  ["projectId", "text"],
  ["state", '"PermitCaseState"'],
  ["applicant", "text"],
  ["submittedAt", "timestamp"],
  ["startDate", "date"],
  ["dueDate", "date"],
  ["openedById", "text"],
  ["createdAt", "timestamp"],
  ["updatedAt", "timestamp"],
];
const itemColumns: Column[] = [
  ["id", "text"],
  ["caseId", "text"],
  ["permitTypeId", "text"],
  ["departmentId", "text"],
  ["state", '"PermitItemState"'],
  ["limitDays", "integer"],
  ["startDate", "date"],
  ["dueDate", "date"],
  ["updatedAt", "timestamp"],
];
const activityColumns: Column[] = [
  ["id", "text"],
  ["projectId", "text"],
  ["type", '"ActivityType"'],
  ["date", "date"],
  ["participants", "text"],
  ["notes", "text"],
  ["createdById", "text"],
];

/** A small seeded generator, so that volume data is the same on every run. */
export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedVolume(
  db: PrismaClient,
  opts: { url: string; projects: number; activities: number; log?: (s: string) => void },
) {
  // Bulk inserts go straight through pg: large array parameters are cheapest there.
  const sql = new pg.Client({ connectionString: opts.url });
  await sql.connect();
  try {
    await generate(db, sql, opts);
  } finally {
    await sql.end();
  }
}

async function generate(
  db: PrismaClient,
  sql: pg.Client,
  opts: { projects: number; activities: number; log?: (s: string) => void },
) {
  const rand = prng(2026);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const [industries, parks, owners, leaders] = await Promise.all([
    db.industry.findMany({ select: { id: true } }),
    db.park.findMany({ select: { id: true } }),
    db.user.findMany({ where: { role: { in: ["STAFF", "MANAGER"] } }, select: { id: true } }),
    db.user.findMany({ where: { role: "LEADER" }, select: { id: true } }),
  ]);
  const already = await db.project.count({ where: { code: { startsWith: "GEN-" } } });
  const chunk = 5000;
  const projectIds: string[] = [];
  /** Projects from 手续办理 on have a 七证合一 case (what an approver's project list is made of). */
  const withCase: { id: string; stage: string; enterpriseName: string; ownerId: string; created: Date }[] = [];
  for (let start = already; start < already + opts.projects; start += chunk) {
    const n = Math.min(chunk, already + opts.projects - start);
    const enterprises = [];
    const projects = [];
    const changes = [];
    for (let i = 0; i < n; i++) {
      const seq = start + i + 1;
      const year = 2020 + Math.floor(rand() * 7);
      const created = new Date(
        Date.UTC(year, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28), Math.floor(rand() * 10)),
      );
      const core = pick(cores);
      const trade = pick(trades);
      const enterpriseName = `${pick(regions)}${core}${trade}${pick(suffixes)}`;
      const enterpriseId = crypto.randomUUID();
      enterprises.push({ id: enterpriseId, ...nameColumns(enterpriseName), isLocal: rand() < 0.3, updatedAt: created });
      const r = rand();
      const stage = r < 0.04 ? "SUSPENDED" : r < 0.07 ? "TERMINATED" : pick(pipelineStages);
      const order = (pipelineStages as readonly string[]).indexOf(stage);
      const signed = order >= 2 || stage === "SUSPENDED";
      const id = crypto.randomUUID();
      projectIds.push(id);
      const amount =
        (100 + Math.floor(rand() * 200_000)).toString() + "." + String(Math.floor(rand() * 100)).padStart(2, "0");
      projects.push({
        id,
        code: `GEN-${year}-${String(seq).padStart(6, "0")}`,
        name: `${core}${trade}${pick(kinds)}项目`,
        enterpriseId,
        enterpriseName,
        industryId: pick(industries).id,
        parkId: rand() < 0.9 ? pick(parks).id : null,
        totalInvestment: amount,
        stage: stage as never,
        stageEnteredAt: created,
        warning: (rand() < 0.8 ? "BLUE" : rand() < 0.6 ? "YELLOW" : "RED") as never,
        keyProject: rand() < 0.15,
        sourceChannel: pick(channels),
        ownerId: pick(owners).id,
        leaderId: leaders.length && rand() < 0.7 ? pick(leaders).id : null,
        signingDate: signed ? created.toISOString().slice(0, 10) : null,
        contractInvestment: signed ? amount : null,
        createdAt: created,
        updatedAt: new Date(created.getTime() + Math.floor(rand() * 300) * 86_400_000),
      });
      if (order >= pipelineStages.indexOf("APPROVING"))
        withCase.push({ id, stage, enterpriseName, ownerId: projects[projects.length - 1].ownerId, created });
      changes.push({
        id: crypto.randomUUID(),
        projectId: id,
        fromStage: null,
        toStage: stage as never,
        userId: projects[projects.length - 1].ownerId,
        note: "批量导入",
        createdAt: created,
      });
    }
    await bulkInsert(sql, "enterprises", enterpriseColumns, enterprises);
    await bulkInsert(sql, "projects", projectColumns, projects);
    await bulkInsert(sql, "stage_changes", changeColumns, changes);
    opts.log?.(`projects ${start + n - already}/${opts.projects}`);
  }
  await generateCases(db, sql, withCase, opts.log);
  for (let done = 0; done < opts.activities && projectIds.length;) {
    const n = Math.min(chunk * 4, opts.activities - done);
    const rows = Array.from({ length: n }, () => ({
      id: crypto.randomUUID(),
      projectId: pick(projectIds),
      type: pick(activityTypes),
      date: new Date(Date.UTC(2020 + Math.floor(rand() * 7), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)))
        .toISOString()
        .slice(0, 10),
      participants: "",
      notes: pick(activityNotes),
      createdById: pick(owners).id,
    }));
    await bulkInsert(sql, "project_activities", activityColumns, rows);
    done += n;
    opts.log?.(`activities ${done}/${opts.activities}`);
  }
}

/**
 * A case for each project from 手续办理 on: in review with every permit type's item pending
 * (a fifth still drafts, without items), or issued with every item approved for the later
 * stages. Its own PRNG, so the projects above stay the same as before cases were added.
 */
async function generateCases(
  db: PrismaClient,
  sql: pg.Client,
  projects: { id: string; stage: string; enterpriseName: string; ownerId: string; created: Date }[],
  log?: (s: string) => void,
) {
  const rand = prng(7);
  const types = await db.permitType.findMany({
    where: { active: true },
    select: { id: true, departmentId: true, statutoryDays: true },
  });
  const day = (d: Date, plus = 0) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
  const chunk = 5000;
  for (let start = 0; start < projects.length; start += chunk) {
    const cases = [];
    const items = [];
    for (const p of projects.slice(start, start + chunk)) {
      const draft = p.stage === "APPROVING" && rand() < 0.2;
      const issued = p.stage !== "APPROVING";
      const submitted = new Date(p.created.getTime() + Math.floor(rand() * 60) * 86_400_000);
      const caseId = crypto.randomUUID();
      cases.push({
        id: caseId,
        projectId: p.id,
        state: draft ? "DRAFT" : issued ? "ISSUED" : "IN_REVIEW",
        applicant: p.enterpriseName,
        submittedAt: draft ? null : submitted,
        startDate: draft ? null : day(submitted),
        dueDate: draft ? null : day(submitted, 42),
        openedById: p.ownerId,
        createdAt: submitted,
        updatedAt: submitted,
      });
      if (draft) continue;
      for (const t of types)
        items.push({
          id: crypto.randomUUID(),
          caseId,
          permitTypeId: t.id,
          departmentId: t.departmentId,
          state: issued ? "APPROVED" : "PENDING",
          limitDays: t.statutoryDays,
          startDate: day(submitted),
          dueDate: day(submitted, Math.ceil((t.statutoryDays * 7) / 5)),
          updatedAt: submitted,
        });
    }
    await bulkInsert(sql, "permit_cases", caseColumns, cases);
    await bulkInsert(sql, "permit_items", itemColumns, items);
    log?.(`permit cases ${Math.min(start + chunk, projects.length)}/${projects.length}`);
  }
}

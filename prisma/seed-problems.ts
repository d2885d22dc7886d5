// The demo's 要素保障 (SPEC §5, 三级调度): a dozen problems on the supervision story's projects,
// raised through the app's own writer (raiseProblemInTx: the row, its RAISED step, the audit
// row, the department and the owner told), then taken along their story on the timeline's one
// writer (writeProblemEvent) with the dates they happened: some resolved (the stats' working
// days), some in progress, some escalated to level 2 (协调会) and level 3 (主要领导调度), two
// of them past their due date — on projects already YELLOW or RED, so the story's colours
// keep their meaning and gain the reason "三级调度问题逾期". One problem waits at level 1 long
// enough to be proposed for escalation (the managers' 待办). Dates count from `today`.
// Idempotent: nothing is written when the story projects have problems already.
// Not wired into prisma/seed.ts here (the lead does it); no module it imports is "server-only".
import type { PrismaClient } from "../generated/prisma/client";
import type { Tx } from "../lib/db";
import { actorSelect, toActor, type Actor } from "../lib/auth/permissions";
import { storedDate } from "../lib/dates";
import type { ProblemCategory, ProblemState } from "../lib/problems/problem-machine";
import { raiseProblemInTx } from "../lib/problems/raise-problem-tx";
import { writeProblemEvent } from "../lib/problems/problem-timeline";
import { recomputeWarning } from "../lib/supervision/recompute-warning";

type Step =
  | { kind: "START"; ago: number }
  | { kind: "ESCALATE"; ago: number; by: "leader" | "manager"; note: string }
  | { kind: "RESOLVE"; ago: number; note: string }
  | { kind: "CLOSE"; ago: number; note: string }
  | { kind: "PROPOSE"; ago: number };

type Story = {
  code: string;
  title: string;
  category: ProblemCategory;
  department: string;
  description?: string;
  /** Days before today it was raised, and its due date relative to today (negative: passed). */
  raisedAgo: number;
  due: number;
  steps: Step[];
  /** Raised from the project's latest 日调度 entry. */
  fromProgress?: boolean;
};

export const problemStories: Story[] = [
  {
    code: "NH-2026-0002",
    title: "双回路供电接入待电力部门排期",
    category: "POWER",
    department: "GXJ",
    raisedAgo: 9,
    due: 6,
    fromProgress: true,
    steps: [{ kind: "START", ago: 7 }],
  },
  {
    code: "NH-2026-0002",
    title: "洁净车间纯水系统供水压力不足",
    category: "WATER",
    department: "ZJJ",
    raisedAgo: 40,
    due: -20,
    steps: [
      { kind: "START", ago: 38 },
      { kind: "RESOLVE", ago: 31, note: "自来水公司完成加压泵站改造，供水压力达标" },
    ],
  },
  {
    code: "NH-2026-0002",
    title: "GMP 车间环评批复",
    category: "APPROVAL",
    department: "STHJ",
    raisedAgo: 70,
    due: -50,
    steps: [{ kind: "RESOLVE", ago: 63, note: "环评报告书已批复，容缺受理后补齐材料" }],
  },
  {
    code: "NH-2026-0005",
    title: "项目用地出让手续（土地招拍挂）未完成",
    category: "LAND",
    department: "ZRZY",
    description: "规划条件已出具，出让方案待区政府常务会研究",
    raisedAgo: 30,
    due: -4,
    steps: [
      { kind: "START", ago: 28 },
      { kind: "ESCALATE", ago: 24, by: "leader", note: "涉及自然资源、发改多部门，提请协调会研究" },
      { kind: "ESCALATE", ago: 12, by: "manager", note: "协调会未能解决出让时序，提请主要领导调度" },
    ],
  },
  {
    code: "NH-2026-0005",
    title: "方案设计规划条件核定",
    category: "PLANNING",
    department: "ZRZY",
    raisedAgo: 20,
    due: 8,
    steps: [
      { kind: "START", ago: 19 },
      { kind: "ESCALATE", ago: 14, by: "leader", note: "容积率调整需多部门会商" },
      { kind: "PROPOSE", ago: 3 },
    ],
  },
  {
    code: "NH-2026-0005",
    title: "能耗指标（年综合能耗 1.2 万吨标煤）待统筹",
    category: "ENERGY",
    department: "FGJ",
    raisedAgo: 26,
    due: -2,
    steps: [{ kind: "ESCALATE", ago: 20, by: "manager", note: "区内指标不足，协调会研究跨区调剂" }],
  },
  {
    code: "NH-2026-0001",
    title: "危化品仓储许可未落实",
    category: "APPROVAL",
    department: "XZSP",
    description: "光刻胶原料属危化品，仓库须取得许可后方可试生产",
    raisedAgo: 35,
    due: -6,
    fromProgress: true,
    steps: [
      { kind: "START", ago: 33 },
      { kind: "ESCALATE", ago: 27, by: "leader", note: "应急、消防、审批多部门意见不一，提请协调会" },
      { kind: "ESCALATE", ago: 15, by: "manager", note: "影响投产节点，提请主要领导调度" },
    ],
  },
  {
    code: "NH-2026-0001",
    title: "电力增容 2000 kVA",
    category: "POWER",
    department: "GXJ",
    raisedAgo: 18,
    due: 5,
    steps: [{ kind: "ESCALATE", ago: 10, by: "leader", note: "供电公司排期晚于投产节点，提请协调会" }],
  },
  {
    code: "NH-2026-0001",
    title: "试生产用工缺口 80 人",
    category: "LABOUR",
    department: "ZSJ",
    raisedAgo: 45,
    due: -25,
    steps: [
      { kind: "START", ago: 44 },
      { kind: "RESOLVE", ago: 34, note: "人社部门组织专场招聘会，已到岗 86 人" },
    ],
  },
  {
    code: "NH-2026-0090",
    title: "施工图审查意见未闭合",
    category: "APPROVAL",
    department: "ZJJ",
    raisedAgo: 8,
    due: 4,
    steps: [{ kind: "PROPOSE", ago: 1 }],
  },
  {
    code: "NH-2026-0090",
    title: "天然气管网接入",
    category: "GAS",
    department: "ZJJ",
    raisedAgo: 50,
    due: -30,
    steps: [
      { kind: "START", ago: 48 },
      { kind: "CLOSE", ago: 36, note: "企业调整为电锅炉方案，不再接入天然气" },
    ],
  },
  {
    code: "NH-2026-0004",
    title: "设备购置贷款贴息申报",
    category: "FINANCE",
    department: "FGJ",
    raisedAgo: 28,
    due: -10,
    steps: [
      { kind: "START", ago: 27 },
      { kind: "RESOLVE", ago: 22, note: "已纳入区级技改贴息名单" },
    ],
  },
  {
    code: "NH-2026-0003",
    title: "二期产线技改用工培训",
    category: "LABOUR",
    department: "ZSJ",
    raisedAgo: 4,
    due: 12,
    steps: [],
  },
];

const dayMs = 86_400_000;
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);

/** One story: raised through the app's writer, then its steps at their dates. */
async function tell(
  tx: Tx,
  s: Story,
  ctx: { today: string; projectId: string; actors: Record<"manager" | "leader", Actor>; entryId: string | null },
) {
  const view = await raiseProblemInTx(tx, {
    actor: ctx.actors.manager,
    input: {
      projectId: ctx.projectId,
      title: s.title,
      category: s.category,
      department: s.department,
      description: s.description,
    },
    links: s.fromProgress && ctx.entryId ? { progressEntryId: ctx.entryId } : {},
  });
  const raisedAt = at(plusDays(ctx.today, -s.raisedAgo), 9);
  await tx.problemEvent.updateMany({ where: { problemId: view.id }, data: { at: raisedAt } });
  let state: ProblemState = "OPEN";
  let level = 1;
  let levelSince = raisedAt;
  const data: Record<string, unknown> = {};
  for (const step of s.steps) {
    const when = at(plusDays(ctx.today, -step.ago), 15);
    const event = { problemId: view.id, fromState: state, fromLevel: level, at: when };
    switch (step.kind) {
      case "START":
        await writeProblemEvent(tx, {
          ...event,
          action: "STARTED",
          toState: "IN_PROGRESS",
          toLevel: level,
          actorId: ctx.actors.leader.id,
        });
        state = "IN_PROGRESS";
        break;
      case "ESCALATE":
        await writeProblemEvent(tx, {
          ...event,
          action: "ESCALATED",
          toState: state,
          toLevel: level + 1,
          actorId: ctx.actors[step.by].id,
          note: step.note,
        });
        level++;
        levelSince = when;
        data.escalationProposedAt = null;
        break;
      case "PROPOSE":
        await writeProblemEvent(tx, {
          ...event,
          action: "ESCALATION_PROPOSED",
          toState: state,
          toLevel: level,
          actorId: null,
        });
        data.escalationProposedAt = when;
        break;
      case "RESOLVE":
        await writeProblemEvent(tx, {
          ...event,
          action: "RESOLVED",
          toState: "RESOLVED",
          toLevel: level,
          actorId: ctx.actors.leader.id,
          note: step.note,
        });
        state = "RESOLVED";
        Object.assign(data, { resolution: step.note, resolvedAt: when, resolvedById: ctx.actors.leader.id });
        break;
      case "CLOSE":
        await writeProblemEvent(tx, {
          ...event,
          action: "CLOSED_UNRESOLVED",
          toState: "CLOSED_UNRESOLVED",
          toLevel: level,
          actorId: ctx.actors.leader.id,
          note: step.note,
        });
        state = "CLOSED_UNRESOLVED";
        data.closeReason = step.note;
        break;
    }
  }
  await tx.problem.update({
    where: { id: view.id },
    data: {
      ...data,
      state,
      level,
      levelSince,
      createdAt: raisedAt,
      dueDate: storedDate(plusDays(ctx.today, s.due)),
      version: 1 + s.steps.filter((x) => x.kind !== "PROPOSE").length,
    },
  });
}

export async function seedProblems(db: PrismaClient, today: string) {
  const codes = [...new Set(problemStories.map((s) => s.code))];
  const projects = new Map(
    (await db.project.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } })).map((p) => [
      p.code,
      p.id,
    ]),
  );
  const users = await db.user.findMany({ where: { username: { in: ["manager", "leader"] } }, select: actorSelect });
  const manager = users.find((u) => u.username === "manager");
  const leader = users.find((u) => u.username === "leader");
  if (!manager || !leader || projects.size < codes.length) return;
  if (await db.problem.findFirst({ where: { projectId: { in: [...projects.values()] } }, select: { id: true } }))
    return;
  const actors = { manager: toActor(manager), leader: toActor(leader) };
  const entries = new Map(
    (
      await db.progressEntry.findMany({
        where: { projectId: { in: [...projects.values()] }, problems: { not: null } },
        orderBy: { date: "asc" },
        select: { id: true, projectId: true },
      })
    ).map((e) => [e.projectId, e.id]),
  );
  await db.$transaction(
    async (tx) => {
      for (const s of problemStories) {
        const projectId = projects.get(s.code)!;
        await tell(tx, s, { today, projectId, actors, entryId: entries.get(projectId) ?? null });
      }
      for (const projectId of projects.values()) await recomputeWarning(tx, projectId, { actorId: null, today });
    },
    { timeout: 120_000 },
  );
}

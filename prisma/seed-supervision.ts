// Demo data for 红黄蓝 (SPEC §5), kept apart from the source story: one project under dispatch
// whose planned start passed four months ago without a start, so it is RED for a reason
// anyone can read (and the browser test can override it). Dated from the day of seeding, so
// it tells the same story whenever the demo starts. Idempotent by its code.
import type { PrismaClient } from "../generated/prisma/client";
import { nameColumns } from "../lib/enterprises/name-key";
import { defaultSupervisionSettings } from "../lib/supervision/settings-schema";
import { addMonths, computeWarning } from "../lib/supervision/warning-rules";

export const colourStoryCode = "NH-2026-0090";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const quarterEnd = (year: number, q: number) => new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);

export async function seedSupervisionColours(db: PrismaClient, today: string) {
  if (await db.project.findUnique({ where: { code: colourStoryCode } })) return;
  const year = Number(today.slice(0, 4));
  const [industry, park, manager, leader] = await Promise.all([
    db.industry.findUniqueOrThrow({ where: { code: "NEW_ENERGY_MATERIALS" } }),
    db.park.findUniqueOrThrow({ where: { code: "NMP" } }),
    db.user.findUniqueOrThrow({ where: { username: "manager" } }),
    db.user.findUniqueOrThrow({ where: { username: "leader" } }),
  ]);
  const enterpriseName = "海川碳纤维复合材料有限公司";
  const enterprise =
    (await db.enterprise.findFirst({ where: { name: enterpriseName } })) ??
    (await db.enterprise.create({ data: { ...nameColumns(enterpriseName), isLocal: false } }));
  const plannedStart = addMonths(today, -4);
  const project = await db.project.create({
    data: {
      code: colourStoryCode,
      name: "海川碳纤维复合材料项目",
      enterpriseId: enterprise.id,
      enterpriseName,
      industryId: industry.id,
      parkId: park.id,
      totalInvestment: "26000.00",
      contractInvestment: "26000.00",
      stage: "APPROVING",
      signingDate: day(`${year}-01-18`),
      plannedStartDate: day(plannedStart),
      ownerId: manager.id,
      leaderId: leader.id,
      description: "年产 3000 吨碳纤维复合材料，土地手续未完成，计划开工已逾期。",
      tags: ["十强产业"],
    },
  });
  await db.stageChange.createMany({
    data: [
      {
        projectId: project.id,
        fromStage: null,
        toStage: "SIGNED",
        userId: manager.id,
        createdAt: day(`${year}-01-18`),
      },
      {
        projectId: project.id,
        fromStage: "SIGNED",
        toStage: "APPROVING",
        userId: manager.id,
        createdAt: day(`${year}-02-20`),
      },
    ],
  });
  const milestones = [
    { quarter: 1, stage: "APPROVING" as const, investment: "0.00" },
    { quarter: 2, stage: "CONSTRUCTION" as const, investment: "2000.00" },
    { quarter: 3, stage: "CONSTRUCTION" as const, investment: "5000.00" },
    { quarter: 4, stage: "CONSTRUCTION" as const, investment: "8000.00" },
  ].map((m) => ({ ...m, task: `第 ${m.quarter} 季度节点`, dueDate: quarterEnd(year, m.quarter) }));
  await db.projectPlan.create({
    data: {
      projectId: project.id,
      year,
      goalStage: "CONSTRUCTION",
      goalInvestment: "8000.00",
      leaderId: leader.id,
      signedAt: day(`${year}-02-01`),
      signedById: leader.id,
      createdById: manager.id,
      milestones: { create: milestones.map((m) => ({ ...m, dueDate: day(m.dueDate) })) },
    },
  });
  // Its colour as the rules give it (the app recomputes it on every change and each night).
  const result = computeWarning({
    today,
    stage: "APPROVING",
    plannedStartDate: plannedStart,
    constructionDate: null,
    plan: { year, goalStage: "CONSTRUCTION", goalInvestment: "8000.00", milestones },
    progress: [],
    notices: [],
    settings: defaultSupervisionSettings,
  });
  await db.project.update({
    where: { id: project.id },
    data: { warning: result.color, warningComputed: result.color, warningReasons: result.reasons },
  });
  await db.warningChange.create({
    data: {
      projectId: project.id,
      from: "NONE",
      to: result.color,
      computed: result.color,
      reasons: result.reasons,
      source: "COMPUTED",
    },
  });
}

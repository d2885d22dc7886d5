// Demo plans (责任书) and 日调度 for the current year, so the 督办 tab, the printed letter and
// the dispatch overview show real content on a fresh start: two signed letters with progress
// reported until yesterday (so today's overview lists them) and one draft awaiting the
// leader's signature. Idempotent: a project that has the year's plan is left alone.
import type { PrismaClient } from "../generated/prisma/client";
import { shanghaiToday, storedDate } from "../lib/dates";
import { quarterEnd } from "../lib/supervision/plan-dates";

type Stage = "SIGNED" | "REGISTERED" | "APPROVING" | "CONSTRUCTION" | "COMPLETED" | "PRODUCTION";
type DemoPlan = {
  code: string;
  goalStage: Stage;
  goalInvestment: string;
  milestones: [Stage, string, string][];
  signed: boolean;
  /** Progress reported every `every` days back from yesterday, `count` times, the latest at `latest` 万元. */
  progress?: { every: number; count: number; latest: number; note: string; problems?: string };
};

const demoPlans: DemoPlan[] = [
  {
    code: "NH-2026-0002",
    goalStage: "COMPLETED",
    goalInvestment: "40000",
    milestones: [
      ["CONSTRUCTION", "8000", "主体结构封顶"],
      ["CONSTRUCTION", "18000", "洁净车间装修"],
      ["CONSTRUCTION", "30000", "生产设备安装调试"],
      ["COMPLETED", "40000", "竣工验收"],
    ],
    signed: true,
    progress: {
      every: 2,
      count: 10,
      latest: 33800,
      note: "设备安装调试，完成多肽合成线联动试车",
      problems: "双回路供电尚未接入",
    },
  },
  {
    code: "NH-2026-0001",
    goalStage: "PRODUCTION",
    goalInvestment: "15000",
    milestones: [
      ["COMPLETED", "3000", "竣工验收资料归档"],
      ["COMPLETED", "7000", "试生产线调试"],
      ["COMPLETED", "11000", "小批量试产"],
      ["PRODUCTION", "15000", "正式投产"],
    ],
    signed: true,
    progress: { every: 9, count: 4, latest: 12600, note: "光刻胶中试产品送样验证" },
  },
  {
    code: "NH-2026-0005",
    goalStage: "CONSTRUCTION",
    goalInvestment: "9000",
    milestones: [
      ["SIGNED", "0", "完成投资协议签署"],
      ["REGISTERED", "500", "注册项目公司"],
      ["APPROVING", "2500", "七证合一并联审批"],
      ["CONSTRUCTION", "9000", "主体开工"],
    ],
    signed: false,
  },
];

const minusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export async function seedPlans(db: PrismaClient, users: { staffId: string; leaderId: string }) {
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  for (const d of demoPlans) {
    const project = await db.project.findUnique({ where: { code: d.code }, select: { id: true } });
    if (!project) continue;
    if (await db.projectPlan.findUnique({ where: { projectId_year: { projectId: project.id, year } } })) continue;
    await db.projectPlan.create({
      data: {
        projectId: project.id,
        year,
        goalStage: d.goalStage,
        goalInvestment: d.goalInvestment,
        leaderId: users.leaderId,
        createdById: users.staffId,
        ...(d.signed ? { signedAt: new Date(`${year}-01-10T10:00:00+08:00`), signedById: users.leaderId } : {}),
        milestones: {
          create: d.milestones.map(([stage, investment, task], i) => ({
            quarter: i + 1,
            stage,
            investment,
            task,
            dueDate: storedDate(quarterEnd(year, i + 1)),
          })),
        },
      },
    });
    const p = d.progress;
    if (!p) continue;
    const goal = Number(d.goalInvestment);
    const entries = Array.from({ length: p.count }, (_, i) => {
      const date = minusDays(today, 1 + i * p.every);
      const invested = Math.max(0, Math.round(p.latest - i * (p.latest / (p.count * 2))));
      return { date, invested };
    }).filter((e) => e.date.startsWith(String(year)));
    await db.progressEntry.createMany({
      data: entries.map((e, i) => ({
        projectId: project.id,
        date: storedDate(e.date),
        investmentCompleted: e.invested.toFixed(2),
        percent: Math.min((e.invested / goal) * 100, 999.99).toFixed(2),
        note: p.note,
        problems: i === 0 ? (p.problems ?? null) : null,
        createdById: users.staffId,
      })),
    });
  }
}

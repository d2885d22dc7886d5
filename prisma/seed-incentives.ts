// The demo's 政策兑现 (SPEC §6): measures modelled on published 支持招商引资项目的若干措施 (a
// 固定资产投资奖励 of 1% / 2% / 2.5% / 3% of fixed-asset investment by band, capped; 地方经济
// 贡献 on the expected annual tax; 设备投资; 外资到位; 贷款贴息), and grants (兑现) on the
// signed projects that qualify for the 固定资产投资奖励: every payment year whose grant date
// (20 December of that year) has passed, in full, as the schedule gives it (calculate.ts).
// Deterministic and idempotent: a measure already there (by name) and a grant already made
// (project, measure, year) are not written again.
import type { PrismaClient } from "../generated/prisma/client";
import type { Prisma } from "../lib/db";
import { writeAudit } from "../lib/audit/log";
import { shanghaiToday, storedDate } from "../lib/dates";
import { measureSelect, measureView } from "../lib/incentives/measure-view";
import { computeProjectIncentives } from "../lib/incentives/project-incentives";

type SeedMeasure = {
  name: string;
  category: "ECONOMIC_CONTRIBUTION" | "EQUIPMENT" | "FOREIGN_CAPITAL" | "FINANCE";
  field: string;
  tiers: { from: string; to: string | null; rate: string }[];
  threshold: string | null;
  cap: string | null;
  years: number;
  validFrom: string;
  validTo: string | null;
  description: string;
};

export const FIXED_ASSET_MEASURE = "固定资产投资奖励";

export const seededMeasures: SeedMeasure[] = [
  {
    name: FIXED_ASSET_MEASURE,
    category: "EQUIPMENT",
    field: "fixedAssetInvestment",
    tiers: [
      { from: "1000.00", to: "5000.00", rate: "0.01" },
      { from: "5000.00", to: "10000.00", rate: "0.02" },
      { from: "10000.00", to: "50000.00", rate: "0.025" },
      { from: "50000.00", to: null, rate: "0.03" },
    ],
    threshold: "1000.00",
    cap: "2000.00",
    years: 3,
    validFrom: "2024-01-01",
    validTo: "2027-12-31",
    description:
      "新引进工业项目固定资产投资 1000 万元以上的，按实际完成固定资产投资分档给予 1%、2%、2.5%、3% 的奖励，单个项目最高 2000 万元，分三年兑现。",
  },
  {
    name: "地方经济贡献奖励",
    category: "ECONOMIC_CONTRIBUTION",
    field: "expectedAnnualTax",
    tiers: [
      { from: "100.00", to: "1000.00", rate: "0.3" },
      { from: "1000.00", to: null, rate: "0.5" },
    ],
    threshold: "100.00",
    cap: "1500.00",
    years: 3,
    validFrom: "2024-01-01",
    validTo: null,
    description:
      "项目投产后年度地方经济贡献 100 万元以上的，按 30%（1000 万元以上 50%）给予奖励，连续三年，最高 1500 万元。",
  },
  {
    name: "设备投资补助",
    category: "EQUIPMENT",
    field: "fixedAssetInvestment",
    tiers: [{ from: "5000.00", to: null, rate: "0.005" }],
    threshold: "5000.00",
    cap: "500.00",
    years: 1,
    validFrom: "2025-01-01",
    validTo: "2027-12-31",
    description: "固定资产投资 5000 万元以上的项目，按设备投资额的 0.5% 给予一次性补助，最高 500 万元。",
  },
  {
    name: "外资到位奖励",
    category: "FOREIGN_CAPITAL",
    field: "foreignCapital",
    tiers: [
      { from: "1000.00", to: "5000.00", rate: "0.02" },
      { from: "5000.00", to: null, rate: "0.03" },
    ],
    threshold: "1000.00",
    cap: "300.00",
    years: 1,
    validFrom: "2024-01-01",
    validTo: null,
    description:
      "实际到位外资 1000 万美元以上的，按到位外资额（万美元计）的 2%（5000 万美元以上 3%）折算奖励，最高 300 万元。",
  },
  {
    name: "项目贷款贴息",
    category: "FINANCE",
    field: "contractInvestment",
    tiers: [{ from: "10000.00", to: null, rate: "0.005" }],
    threshold: "10000.00",
    cap: "300.00",
    years: 2,
    validFrom: "2025-01-01",
    validTo: "2027-12-31",
    description: "合同投资 1 亿元以上的项目，按合同投资额的 0.5% 给予贷款贴息，分两年拨付，最高 300 万元。",
  },
];

export async function seedIncentives(db: PrismaClient) {
  const manager = await db.user.findUnique({ where: { username: "manager" }, select: { id: true } });
  if (!manager) return;
  const today = shanghaiToday();
  await db.$transaction(
    async (tx) => {
      for (const m of seededMeasures) {
        if (await tx.incentiveMeasure.findUnique({ where: { name: m.name }, select: { id: true } })) continue;
        const row = await tx.incentiveMeasure.create({
          data: {
            ...m,
            tiers: m.tiers as Prisma.InputJsonValue,
            validFrom: storedDate(m.validFrom),
            validTo: m.validTo ? storedDate(m.validTo) : null,
          },
          select: measureSelect,
        });
        await writeAudit(tx, {
          actorId: manager.id,
          entityType: "IncentiveMeasure",
          entityId: row.id,
          action: "create",
          after: measureView(row),
        });
      }
      const measure = await tx.incentiveMeasure.findUnique({
        where: { name: FIXED_ASSET_MEASURE },
        select: { id: true, name: true, active: true },
      });
      if (!measure?.active) return;
      const projects = await tx.project.findMany({
        where: { fixedAssetInvestment: { not: null }, signingDate: { not: null } },
        select: { id: true },
        orderBy: { code: "asc" },
      });
      for (const p of projects) {
        const item = (await computeProjectIncentives(tx, p.id, "zh-CN"))?.items.find((i) => i.measureId === measure.id);
        if (!item?.qualifies) continue;
        for (const y of item.byYear) {
          const grantedOn = `${y.year}-12-20`;
          if (grantedOn > today || y.amount === "0.00" || y.granted !== "0.00") continue;
          const grant = await tx.incentiveGrant.create({
            data: {
              projectId: p.id,
              measureId: measure.id,
              year: y.year,
              amount: y.amount,
              grantedOn: storedDate(grantedOn),
              note: `${y.year} 年度兑现`,
              createdById: manager.id,
            },
            select: { id: true },
          });
          await writeAudit(tx, {
            actorId: manager.id,
            entityType: "Project",
            entityId: p.id,
            action: "incentive:grant",
            after: {
              id: grant.id,
              measureId: measure.id,
              measureName: measure.name,
              year: y.year,
              amount: y.amount,
              grantedOn,
              note: `${y.year} 年度兑现`,
            },
          });
        }
      }
    },
    { timeout: 60_000 },
  );
}

// Seeds reference data, the demo accounts and the source story. Idempotent: upserts by
// natural keys, and a story project's history is written only once.
import bcrypt from "bcryptjs";
import type { PrismaClient } from "../generated/prisma/client";
import { creditCodeCheckChar } from "../lib/enterprises/credit-code";
import { nameColumns } from "../lib/enterprises/name-key";
import { DEMO_PASSWORD, demoUsers, departments, industries, parks, storyDetails, storyProjects } from "./seed-data";

const day = (d?: string) => (d ? new Date(`${d}T00:00:00Z`) : null);

export async function seed(db: PrismaClient, log: (line: string) => void = () => {}) {
  const deptIds = new Map<string, string>();
  for (const [i, d] of departments.entries()) {
    const row = await db.department.upsert({ where: { code: d.code }, update: {}, create: { code: d.code, name: d.name, kind: d.kind, sortOrder: i } });
    deptIds.set(d.code, row.id);
  }
  const parkIds = new Map<string, string>();
  for (const [i, p] of parks.entries()) {
    const row = await db.park.upsert({ where: { code: p.code }, update: {}, create: { ...p, sortOrder: i } });
    parkIds.set(p.code, row.id);
  }
  const industryIds = new Map<string, string>();
  for (const [i, ind] of industries.entries()) {
    const row = await db.industry.upsert({ where: { code: ind.code }, update: {}, create: { ...ind, kind: "TOP_TEN", sortOrder: i } });
    industryIds.set(ind.code, row.id);
  }
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const userIds = new Map<string, string>();
  for (const u of demoUsers) {
    const row = await db.user.upsert({
      where: { username: u.username },
      update: {},
      create: { username: u.username, displayName: u.displayName, role: u.role, passwordHash, departmentId: deptIds.get(u.department) },
    });
    userIds.set(u.username, row.id);
  }
  const staffId = userIds.get("staff")!;
  for (const p of storyProjects) {
    const d = storyDetails[p.code];
    const creditCode = d.creditBase ? d.creditBase + creditCodeCheckChar(d.creditBase) : null;
    const enterprise =
      (creditCode && (await db.enterprise.findUnique({ where: { creditCode } }))) ||
      (await db.enterprise.findFirst({ where: { name: p.enterpriseName } })) ||
      (await db.enterprise.create({ data: { ...nameColumns(p.enterpriseName), creditCode, isLocal: p.stage !== "SIGNED" } }));
    const project = await db.project.upsert({
      where: { code: p.code },
      update: {},
      create: {
        code: p.code,
        name: p.name,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        industryId: industryIds.get(p.industry)!,
        parkId: parkIds.get(p.park),
        totalInvestment: p.totalInvestment,
        stage: p.stage,
        stageEnteredAt: day(d.path.at(-1)![1])!,
        keyProject: p.keyProject,
        ownerId: staffId,
        leaderId: userIds.get("leader"),
        sourceChannel: d.sourceChannel,
        description: d.description,
        signingDate: day(d.signingDate),
        contractInvestment: d.contractInvestment ?? null,
        registrationDate: day(d.registrationDate),
        constructionDate: day(d.constructionDate),
        completionDate: day(d.completionDate),
        productionDate: day(d.productionDate),
        plannedStartDate: day(d.plannedStartDate),
        landArea: d.landArea ?? null,
        fixedAssetInvestment: d.fixedAssetInvestment ?? null,
        expectedAnnualOutput: d.expectedAnnualOutput ?? null,
        expectedAnnualTax: d.expectedAnnualTax ?? null,
        contacts: [{ name: "项目负责人", title: "总经理助理", phone: "0532-8000000" }],
        tags: p.keyProject ? ["十强产业", "重点项目"] : ["十强产业"],
      },
    });
    if ((await db.stageChange.count({ where: { projectId: project.id } })) > 0) continue;
    await db.stageChange.createMany({
      data: d.path.map(([stage, date], i) => ({
        projectId: project.id,
        fromStage: i === 0 ? null : (d.path[i - 1][0] as never),
        toStage: stage as never,
        userId: staffId,
        note: "",
        createdAt: new Date(`${date}T09:00:00+08:00`),
      })),
    });
    await db.projectActivity.createMany({
      data: d.activities.map(([type, date, notes]) => ({ projectId: project.id, type, date: day(date)!, participants: "张伟", notes, createdById: staffId })),
    });
  }
  log(`seeded ${departments.length} departments, ${parks.length} parks, ${industries.length} industries, ${demoUsers.length} users, ${storyProjects.length} story projects`);
}

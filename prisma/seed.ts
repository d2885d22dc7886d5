// Seeds reference data, the demo accounts and the source story. Idempotent: upserts by
// natural keys, so running it again changes nothing that is already there.
import bcrypt from "bcryptjs";
import type { PrismaClient } from "../generated/prisma/client";
import { DEMO_PASSWORD, demoUsers, departments, industries, parks, storyProjects } from "./seed-data";

export async function seed(db: PrismaClient, log: (line: string) => void = () => {}) {
  const deptIds = new Map<string, string>();
  for (const [i, d] of departments.entries()) {
    const row = await db.department.upsert({
      where: { code: d.code },
      update: {},
      create: { code: d.code, name: d.name, kind: d.kind, sortOrder: i },
    });
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
      create: {
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        passwordHash,
        departmentId: deptIds.get(u.department),
      },
    });
    userIds.set(u.username, row.id);
  }
  for (const p of storyProjects) {
    await db.project.upsert({
      where: { code: p.code },
      update: {},
      create: {
        code: p.code,
        name: p.name,
        enterpriseName: p.enterpriseName,
        industryId: industryIds.get(p.industry)!,
        parkId: parkIds.get(p.park),
        totalInvestment: p.totalInvestment,
        stage: p.stage,
        keyProject: p.keyProject,
        ownerId: userIds.get("staff")!,
        leaderId: userIds.get("leader"),
      },
    });
  }
  log(`seeded ${departments.length} departments, ${parks.length} parks, ${industries.length} industries, ${demoUsers.length} users, ${storyProjects.length} projects`);
}

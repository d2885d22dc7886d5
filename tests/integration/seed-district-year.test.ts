// A district's year of demo data (prisma/seed-district-year.ts, issue 14 point 6): every stage
// has projects, owned by several staff; the dashboard's special cases (re-signed in the same
// year, re-signed a year later, a capital increase) have the first-entry flags the statistics
// count by; no date is after today; credit codes are valid; a second run adds nothing; and two
// fresh databases get the same projects.
import crypto from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client";
import { getDb } from "../../lib/db";
import { shanghaiToday } from "../../lib/dates";
import { isValidCreditCode } from "../../lib/enterprises/credit-code";
import { seed } from "../../prisma/seed";
import { capitalIncrease, districtProjects } from "../../prisma/seed-district-year";
import { createDatabase } from "../../scripts/lib/database";
import { prismaFor } from "../../scripts/lib/runtime";
import { useSeededDatabase } from "../support/seeded";

jest.setTimeout(240_000);

const today = shanghaiToday();
const codes = districtProjects().map((p) => p.code);
const shanghaiDay = (d: Date) => shanghaiToday(d);

/** Everything a fresh start decides about the district's projects, in a stable order. */
async function snapshot(db: PrismaClient) {
  const projects = await db.project.findMany({
    where: { code: { in: codes } },
    orderBy: { code: "asc" },
    include: {
      owner: { select: { username: true } },
      leader: { select: { username: true } },
      enterprise: { select: { name: true, creditCode: true } },
      industry: { select: { code: true } },
      park: { select: { code: true } },
      stageChanges: { orderBy: { createdAt: "asc" } },
      links: { include: { link: { select: { name: true } } } },
      capitalIncreases: true,
    },
  });
  return projects.map((p) => ({
    code: p.code,
    name: p.name,
    stage: p.stage,
    owner: p.owner.username,
    leader: p.leader?.username,
    enterprise: p.enterprise,
    industry: p.industry.code,
    park: p.park?.code,
    channel: p.sourceChannel,
    money: [
      p.totalInvestment,
      p.contractInvestment,
      p.fixedAssetInvestment,
      p.expectedAnnualOutput,
      p.expectedAnnualTax,
      p.foreignCapital,
      p.landArea,
    ].map((d) => d?.toFixed(2) ?? null),
    dates: [p.signingDate, p.registrationDate, p.constructionDate, p.completionDate, p.productionDate, p.createdAt].map(
      (d) => d?.toISOString() ?? null,
    ),
    history: p.stageChanges.map((s) => [
      s.fromStage,
      s.toStage,
      s.firstEntry,
      s.override,
      s.note,
      s.createdAt.toISOString(),
    ]),
    links: p.links.map((l) => l.link.name).sort(),
    increases: p.capitalIncreases.map((c) => [c.date.toISOString(), c.amount.toFixed(2)]),
  }));
}

const counts = (db: PrismaClient) =>
  Promise.all([
    db.user.count(),
    db.enterprise.count(),
    db.project.count(),
    db.stageChange.count(),
    db.projectActivity.count(),
    db.projectLink.count(),
    db.capitalIncrease.count(),
    db.projectPlan.count(),
    db.planMilestone.count(),
    db.progressEntry.count(),
    db.permitCase.count(),
    db.permitItem.count(),
    db.warningChange.count(),
  ]);

describe("the district's year of demo data", () => {
  beforeAll(async () => {
    await useSeededDatabase();
  });

  it("has projects at every stage, 80 more than the story, owned by several staff and led by several leaders", async () => {
    const db = getDb();
    const byStage = await db.project.groupBy({ by: ["stage"], _count: true, where: { code: { in: codes } } });
    const stages = Object.fromEntries(byStage.map((s) => [s.stage, s._count]));
    for (const s of [
      "LEAD",
      "NEGOTIATING",
      "SIGNED",
      "REGISTERED",
      "APPROVING",
      "CONSTRUCTION",
      "COMPLETED",
      "PRODUCTION",
    ])
      expect([s, stages[s] >= 5]).toEqual([s, true]);
    expect([stages.SUSPENDED, stages.TERMINATED]).toEqual([2, 2]);
    expect(await db.project.count({ where: { code: { in: codes } } })).toBeGreaterThanOrEqual(80);
    // Beside the story's five and 海川碳纤维.
    expect(await db.project.count()).toBeGreaterThanOrEqual(86);
    const owners = await db.user.count({ where: { role: "STAFF", ownedProjects: { some: {} } } });
    expect(owners).toBeGreaterThanOrEqual(5);
    const leaders = await db.user.count({ where: { role: "LEADER", ledProjects: { some: {} } } });
    expect(leaders).toBeGreaterThanOrEqual(2);
    const closed = await db.project.findMany({
      where: { code: { in: codes }, stage: { in: ["SUSPENDED", "TERMINATED"] } },
    });
    expect(closed.every((p) => (p.closeReason ?? "").length > 5)).toBe(true);
  });

  it("has the dashboard's special cases with the first-entry flags the statistics count by", async () => {
    const db = getDb();
    const history = (name: string) =>
      db.stageChange.findMany({
        where: { project: { name } },
        orderBy: { createdAt: "asc" },
        include: { user: { select: { role: true } } },
      });
    const year = (d: Date) => shanghaiDay(d).slice(0, 4);

    // Signed in 2026, moved back by the manager, signed again in 2026: one first entry.
    const again = await history("海德储能电池PACK项目");
    const signed = again.filter((s) => s.toStage === "SIGNED");
    expect(signed.map((s) => [year(s.createdAt), s.firstEntry])).toEqual([
      ["2026", true],
      ["2026", false],
    ]);
    const back = again.find((s) => s.fromStage === "SIGNED" && s.toStage === "NEGOTIATING")!;
    expect([back.override, back.user.role, back.note.length > 0, back.firstEntry]).toEqual([
      true,
      "MANAGER",
      true,
      false,
    ]);

    // Signed in 2025, re-signed in 2026: its first entry is in 2025.
    const later = await history("联创新能源汽车热管理系统项目");
    expect(later.filter((s) => s.toStage === "SIGNED").map((s) => [year(s.createdAt), s.firstEntry])).toEqual([
      ["2025", true],
      ["2026", false],
    ]);
    expect(later.find((s) => s.fromStage === "SIGNED")).toMatchObject({ toStage: "NEGOTIATING", override: true });

    // A capital increase in 2026 on a project signed in 2025: no new project, no new stage entry.
    const increases = await db.capitalIncrease.findMany({
      where: { date: { gte: new Date("2026-01-01"), lt: new Date("2027-01-01") } },
      include: { project: { include: { stageChanges: true } } },
    });
    expect(increases).toHaveLength(1);
    const [inc] = increases;
    expect(inc.amount.toFixed(2)).toBe(capitalIncrease.amount);
    expect(inc.project.name).toBe("和田精工汽车零部件项目");
    expect(inc.project.stageChanges.every((s) => s.firstEntry)).toBe(true);
    expect(year(inc.project.stageChanges.find((s) => s.toStage === "SIGNED")!.createdAt)).toBe("2025");
    expect(await db.project.count({ where: { enterpriseId: inc.project.enterpriseId } })).toBe(1);

    // Every first-entry flag is what the rows say: the first row into its stage, per project.
    const wrong = await db.$queryRaw<{ n: bigint }[]>`
      select count(*) as n from stage_changes s
       where s."firstEntry" <> not exists (select 1 from stage_changes e where e."projectId" = s."projectId"
                                            and e."toStage" = s."toStage" and e."createdAt" < s."createdAt")`;
    expect(Number(wrong[0].n)).toBe(0);
  });

  it("has a 签约周's signings in its dates and negotiations a proposal finds", async () => {
    const db = getDb();
    const week = await db.project.findMany({ where: { sourceChannel: "SIGNING_WEEK", code: { in: codes } } });
    expect(week.length).toBeGreaterThanOrEqual(6);
    expect(week.length).toBeLessThanOrEqual(8);
    for (const p of week) {
      const d = p.signingDate!.toISOString().slice(0, 10);
      expect([p.code, d >= "2026-09-21" && d <= "2026-09-25"]).toEqual([p.code, true]);
    }
    const since = new Date(Date.parse(`${today}T00:00:00Z`) - 60 * 86_400_000);
    const proposed = await db.project.count({
      where: { stage: "NEGOTIATING", activities: { some: { type: "NEGOTIATION", date: { gte: since } } } },
    });
    expect(proposed).toBeGreaterThanOrEqual(4);
  });

  it("dates nothing after today, keeps stage dates with the history, and gives REGISTERED and later valid credit codes", async () => {
    const db = getDb();
    const projects = await db.project.findMany({
      where: { code: { in: codes } },
      include: { stageChanges: { orderBy: { createdAt: "asc" } }, activities: true, enterprise: true },
    });
    const late: string[] = [];
    for (const p of projects) {
      const days = [
        ...p.stageChanges.map((s) => shanghaiDay(s.createdAt)),
        ...p.activities.map((a) => a.date.toISOString().slice(0, 10)),
        ...[p.signingDate, p.registrationDate, p.constructionDate, p.completionDate, p.productionDate]
          .filter((d): d is Date => !!d)
          .map((d) => d.toISOString().slice(0, 10)),
        shanghaiDay(p.createdAt),
      ];
      for (const d of days) if (d > today || d < "2025-01-01") late.push(`${p.code} ${d}`);
      // The stage dates are the days the history entered those stages.
      const entered = (s: string) =>
        p.stageChanges
          .filter((c) => c.toStage === s)
          .map((c) => shanghaiDay(c.createdAt))
          .at(-1) ?? null;
      expect([p.code, p.signingDate?.toISOString().slice(0, 10) ?? null]).toEqual([p.code, entered("SIGNED")]);
      expect([p.code, p.constructionDate?.toISOString().slice(0, 10) ?? null]).toEqual([
        p.code,
        entered("CONSTRUCTION"),
      ]);
      expect([p.code, p.stageChanges.at(-1)!.toStage]).toEqual([p.code, p.stage]);
      if (["REGISTERED", "APPROVING", "CONSTRUCTION", "COMPLETED", "PRODUCTION"].includes(p.stage)) {
        expect([p.code, isValidCreditCode(p.enterprise?.creditCode ?? "")]).toEqual([p.code, true]);
        expect(p.registrationDate).not.toBeNull();
      }
      if (p.signingDate) expect(Number(p.contractInvestment)).toBeGreaterThan(0);
    }
    expect(late).toEqual([]);
  });

  it("colours this year's letters by the rules: BLUE, YELLOW and RED all there", async () => {
    const colours = await getDb().project.groupBy({
      by: ["warning"],
      _count: true,
      where: { code: { in: codes }, plans: { some: { year: Number(today.slice(0, 4)) } } },
    });
    const by = Object.fromEntries(colours.map((c) => [c.warning, c._count]));
    expect(by.BLUE).toBeGreaterThanOrEqual(8);
    expect(by.YELLOW).toBeGreaterThanOrEqual(4);
    expect(by.RED).toBeGreaterThanOrEqual(2);
    expect(by.NONE ?? 0).toBe(0);
  });

  it("adds nothing the second time", async () => {
    const db = getDb() as unknown as PrismaClient;
    const before = await counts(db);
    const data = await snapshot(db);
    await seed(db);
    expect(await counts(db)).toEqual(before);
    expect(await snapshot(db)).toEqual(data);
    const dup = await db.$queryRaw<
      { n: bigint }[]
    >`select count(*) as n from (select name from projects group by name having count(*) > 1) d`;
    expect(Number(dup[0].n)).toBe(0);
  });

  it("gives a second fresh database the same projects", async () => {
    const other = await createDatabase(
      process.env.CRM_TEST_SERVER_URL!,
      `crm_test_${crypto.randomBytes(5).toString("hex")}`,
      {
        template: process.env.CRM_TEST_TEMPLATE!,
      },
    );
    const db2 = prismaFor(other.url);
    try {
      const started = Date.now();
      await seed(db2);
      console.log(`fresh seed: ${Date.now() - started} ms`);
      expect(await snapshot(db2)).toEqual(await snapshot(getDb() as unknown as PrismaClient));
    } finally {
      await db2.$disconnect();
      await other.stop();
    }
  });
});

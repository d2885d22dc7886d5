// The demo's 2026 targets (prisma/seed-targets.ts) over whatever the seed holds: every park and
// every active staff member and leader has targets; staff and parks add up to the district, the
// leaders' 签约 count is one short (its roll-up warns); a second run writes nothing; and the
// dashboard's 三个一批 for 2026 equal plain SQL over stage_changes' first entries.
import { GET as dashboardGet } from "../../app/api/v1/reports/dashboard/route";
import { GET as targetsGet } from "../../app/api/v1/targets/route";
import { getDb } from "../../lib/db";
import { seedTargets } from "../../prisma/seed-targets";
import { callRoute as call, sessionCookie } from "../factories";
import { useSeededDatabase } from "../support/seeded";

describe("the seeded targets", () => {
  let cookie = "";
  beforeAll(async () => {
    await useSeededDatabase();
    const manager = await getDb().user.findUniqueOrThrow({ where: { username: "manager" } });
    cookie = await sessionCookie(manager);
  }, 180_000);

  it("covers the district, every park and every active staff member and leader, idempotently", async () => {
    const db = getDb();
    const [parks, people, rows] = await Promise.all([
      db.park.count(),
      db.user.count({ where: { active: true, role: { in: ["STAFF", "LEADER"] } } }),
      db.target.count({ where: { year: 2026 } }),
    ]);
    expect(rows).toBe(6 * (1 + parks + people));
    const version = (await db.targetYear.findUniqueOrThrow({ where: { year: 2026 } })).version;
    await seedTargets(db as never);
    expect(await db.target.count({ where: { year: 2026 } })).toBe(rows);
    expect((await db.targetYear.findUniqueOrThrow({ where: { year: 2026 } })).version).toBe(version);
    expect(await db.auditLog.count({ where: { entityType: "TargetYear", entityId: "2026" } })).toBe(1);
  });

  it("staff and parks add up to the district; the leaders' 签约 count warns", async () => {
    const res = await call(targetsGet as never, "/api/v1/targets?year=2026", { cookie });
    expect(res.status).toBe(200);
    for (const r of res.body.rollups as { indicator: string; parts: Record<string, { warning: boolean }> }[]) {
      expect([r.indicator, r.parts.staff.warning, r.parts.parks.warning]).toEqual([r.indicator, false, false]);
      expect([r.indicator, r.parts.leaders.warning]).toEqual([r.indicator, r.indicator === "SIGNED_COUNT"]);
    }
  });

  it("the dashboard's 三个一批 for 2026 equal plain SQL", async () => {
    const res = await call(dashboardGet as never, "/api/v1/reports/dashboard?year=2026", { cookie });
    expect(res.status).toBe(200);
    const sql = await getDb().$queryRawUnsafe<{ stage: string; n: number }[]>(
      `select "toStage"::text as stage, count(distinct "projectId")::int as n from stage_changes
        where "firstEntry" and ("createdAt" at time zone 'UTC' at time zone 'Asia/Shanghai') >= '2026-01-01'
          and ("createdAt" at time zone 'UTC' at time zone 'Asia/Shanghai') < '2027-01-01'
        group by 1`,
    );
    const n = (s: string) => sql.find((r) => r.stage === s)?.n ?? 0;
    const b = res.body.threeBatches;
    expect([b.signed.count, b.started.count, b.completed.count, b.production.count]).toEqual([
      n("SIGNED"),
      n("CONSTRUCTION"),
      n("COMPLETED"),
      n("PRODUCTION"),
    ]);
    expect(b.signed.target).toBe(30);
  });
});

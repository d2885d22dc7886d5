// 年度目标 and the 驾驶舱 (SPEC §8, §10) through the API on PostgreSQL: the target PUT's
// refusals (400 naming the field, 403 per role, 409 on a stale year), quarters spread evenly,
// roll-ups with their warnings, progress; the dashboard's 三个一批 clean-counted (a project moved
// back and forward counts once, a capital increase adds no project, a project first signed last
// year and signed again this year does not count, the year's edges in Asia/Shanghai) and equal
// to plain SQL over stage_changes' first entries; the grid's filter lists exactly the counted
// projects; a bad year is a 400; a staff member sees only their own figures.
import { GET as targetsGet, PUT as targetsPut } from "../../app/api/v1/targets/route";
import { GET as dashboardGet } from "../../app/api/v1/reports/dashboard/route";
import { GET as exportGet } from "../../app/api/v1/reports/dashboard/export/route";
import { GET as projectsGet } from "../../app/api/v1/projects/route";
import { POST as progressPost } from "../../app/api/v1/projects/[id]/progress/route";
import { getDb } from "../../lib/db";
import { apiRequest, callRoute as call, createPark, createProject, createUser, sessionCookie } from "../factories";

type U = Awaited<ReturnType<typeof createUser>>;
const YEAR = 2025;
const at = (iso: string) => new Date(iso);

describe("targets and the dashboard", () => {
  const u = {} as Record<"manager" | "admin" | "leader" | "staff" | "otherStaff" | "approver", U>;
  const cookie = {} as Record<keyof typeof u, string>;
  const p = {} as Record<"A" | "B" | "C" | "D" | "E" | "F", { id: string }>;
  let park: { id: string; code: string };

  beforeAll(async () => {
    const db = getDb();
    for (const role of ["manager", "admin", "leader", "staff", "otherStaff", "approver"] as const) {
      u[role] = await createUser({ role: role === "otherStaff" ? "STAFF" : (role.toUpperCase() as never) });
      cookie[role] = await sessionCookie(u[role]);
    }
    park = await createPark();
    const mk = (over: Record<string, unknown> = {}) =>
      createProject({ ownerId: u.staff.id, leaderId: u.leader.id, parkId: park.id, stage: "SIGNED", ...over });
    p.A = await mk({ stage: "CONSTRUCTION" });
    p.B = await mk({ totalInvestment: "3000.00" });
    p.C = await mk();
    p.D = await mk({ totalInvestment: "700.00" });
    p.E = await mk();
    // Another staff member's project, signed in the year: the district counts it, the staff member does not.
    p.F = await createProject({ ownerId: u.otherStaff.id, stage: "SIGNED", totalInvestment: "50.00" });
    await db.project.update({ where: { id: p.A.id }, data: { contractInvestment: "1200.00" } });
    await db.project.update({ where: { id: p.B.id }, data: { contractInvestment: "2000.00" } });
    const change = (
      projectId: string,
      fromStage: string | null,
      toStage: string,
      createdAt: string,
      firstEntry: boolean,
    ) =>
      db.stageChange.create({
        data: {
          projectId,
          fromStage: fromStage as never,
          toStage: toStage as never,
          userId: u.manager.id,
          firstEntry,
          createdAt: at(createdAt),
        },
      });
    // A: signed in March, moved back to 洽谈 in April and signed again in May (counted once), started in July.
    await change(p.A.id, "NEGOTIATING", "SIGNED", "2025-03-10T02:00:00Z", true);
    await change(p.A.id, "SIGNED", "NEGOTIATING", "2025-04-10T02:00:00Z", false);
    await change(p.A.id, "NEGOTIATING", "SIGNED", "2025-05-10T02:00:00Z", false);
    await change(p.A.id, "SIGNED", "CONSTRUCTION", "2025-07-01T02:00:00Z", true);
    // B: signed in June, then a capital increase (增资扩产) in September: still one project.
    await change(p.B.id, "NEGOTIATING", "SIGNED", "2025-06-01T02:00:00Z", true);
    await db.capitalIncrease.create({
      data: { projectId: p.B.id, date: at("2025-09-01T00:00:00Z"), amount: "1000.00", createdById: u.staff.id },
    });
    // C: first signed last year, moved back and signed again this year: not this year's.
    await change(p.C.id, "NEGOTIATING", "SIGNED", "2024-11-20T02:00:00Z", true);
    await change(p.C.id, "SIGNED", "NEGOTIATING", "2025-01-15T02:00:00Z", false);
    await change(p.C.id, "NEGOTIATING", "SIGNED", "2025-02-15T02:00:00Z", false);
    // D: 2025-12-31 23:30 in Shanghai (this year); E: 2026-01-01 00:30 in Shanghai (next year).
    await change(p.D.id, "NEGOTIATING", "SIGNED", "2025-12-31T15:30:00Z", true);
    await change(p.E.id, "NEGOTIATING", "SIGNED", "2025-12-31T16:30:00Z", true);
    await change(p.F.id, "NEGOTIATING", "SIGNED", "2025-08-08T02:00:00Z", true);
  });

  const put = (body: unknown, who: keyof typeof u = "manager") =>
    call(targetsPut as never, "/api/v1/targets", { method: "PUT", cookie: cookie[who], body });
  const item = (over: Record<string, unknown> = {}) => ({
    unit: "DISTRICT",
    unitId: null,
    indicator: "SIGNED_COUNT",
    annual: "10",
    ...over,
  });

  describe("PUT /api/v1/targets", () => {
    it("refuses every role but managers and admins (403), and saves nothing", async () => {
      for (const who of ["staff", "leader", "approver"] as const) {
        const res = await put({ year: 2031, items: [item()] }, who);
        expect([who, res.status]).toEqual([who, 403]);
      }
      expect(await getDb().target.count({ where: { year: 2031 } })).toBe(0);
    });

    it.each([
      ["a negative target", [item({ annual: "-1" })], "items.0.annual"],
      ["a non-numeric target", [item({ annual: "十个" })], "items.0.annual"],
      ["a count with decimals", [item({ annual: "2.5" })], "items.0.annual"],
      ["quarters not adding up", [item({ quarters: ["3", "3", "3", "3"] })], "items.0.quarters"],
      ["three quarters", [item({ quarters: ["4", "3", "3"] })], "items.0.quarters"],
      ["a count quarter with decimals", [item({ quarters: ["2.5", "2.5", "3", "2"] })], "items.0.quarters"],
      ["a negative quarter", [item({ annual: "0", quarters: ["-1", "1", "0", "0"] })], "items.0.quarters.0"],
      [
        "a money target with three decimals",
        [item({ indicator: "SIGNED_INVESTMENT", annual: "1.005" })],
        "items.0.annual",
      ],
      ["an unknown indicator", [item({ indicator: "PROFIT" })], "items.0.indicator"],
      ["a person without an id", [item(), item({ unit: "USER", unitId: null })], "items.1.unitId"],
      ["the same unit twice", [item(), item()], "items.1.indicator"],
    ])("400 for %s, naming the field", async (_name, items, field) => {
      const res = await put({ year: 2031, items });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toContain(field);
      expect(await getDb().target.count({ where: { year: 2031 } })).toBe(0);
    });

    it("400 for a year outside 2000–2100, an unknown user, an approver or a missing park", async () => {
      expect(Object.keys((await put({ year: 1999, items: [item()] })).body.error.fields)).toContain("year");
      for (const unitId of ["no-such-user", u.approver.id, u.manager.id]) {
        const res = await put({ year: 2031, items: [item(), item({ unit: "USER", unitId })] });
        expect(res.status).toBe(400);
        expect(res.body.error.fields).toHaveProperty(["items.1.unitId"]);
      }
      const res = await put({ year: 2031, items: [item({ unit: "PARK", unitId: "no-such-park" })] });
      expect(res.body.error.fields).toHaveProperty(["items.0.unitId"]);
    });

    it("spreads quarters evenly, answers roll-ups with warnings, and refuses a stale version (409)", async () => {
      const first = await put({
        year: 2031,
        items: [
          item({ annual: "10" }),
          item({ indicator: "SIGNED_INVESTMENT", annual: "100.01" }),
          item({ unit: "USER", unitId: u.staff.id, annual: "6" }),
          item({ unit: "USER", unitId: u.otherStaff.id, annual: "4", quarters: ["1", "1", "1", "1"] }),
          item({ unit: "USER", unitId: u.leader.id, annual: "9" }),
          item({ unit: "PARK", unitId: park.id, annual: "10" }),
        ],
      });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      const district = first.body.items.find(
        (i: { unit: string; indicator: string }) => i.unit === "DISTRICT" && i.indicator === "SIGNED_COUNT",
      );
      expect(district).toMatchObject({ unitId: null, annual: "10", quarters: ["3", "3", "2", "2"] });
      const money = first.body.items.find((i: { indicator: string }) => i.indicator === "SIGNED_INVESTMENT");
      expect(money.quarters).toEqual(["25.01", "25.00", "25.00", "25.00"]);
      const rollup = first.body.rollups.find((r: { indicator: string }) => r.indicator === "SIGNED_COUNT");
      expect(rollup).toMatchObject({
        district: "10",
        parts: {
          staff: { sum: "10", warning: false },
          leaders: { sum: "9", warning: true },
          parks: { sum: "10", warning: false },
        },
      });
      // Money without parts against a whole: the parts (none) do not add up.
      expect(
        first.body.rollups.find((r: { indicator: string }) => r.indicator === "SIGNED_INVESTMENT").parts.staff.warning,
      ).toBe(true);

      // From the second save, the version is required and must be the current one.
      const missing = await put({ year: 2031, items: [item({ annual: "12" })] });
      expect(missing.status).toBe(400);
      expect(missing.body.error.fields).toHaveProperty("version");
      const stale = await put({ year: 2031, items: [item({ annual: "12" })], version: 1 });
      expect(stale.status).toBe(409);
      const ok = await put({ year: 2031, items: [item({ annual: "12", quarters: ["3", "3", "3", "3"] })], version: 2 });
      expect(ok.status).toBe(200);
      expect(ok.body.version).toBe(3);
      // Items not listed stay; the listed one changed; the audit row names the change.
      expect(await getDb().target.count({ where: { year: 2031 } })).toBe(6);
      const audit = await getDb().auditLog.findFirstOrThrow({
        where: { entityType: "TargetYear", entityId: "2031" },
        orderBy: { createdAt: "desc" },
      });
      expect(audit).toMatchObject({ action: "save", actorId: u.manager.id });
      expect(JSON.stringify(audit.after)).toContain("SIGNED_COUNT · DISTRICT: 12.00 (3.00 / 3.00 / 3.00 / 3.00)");
      const again = await put({ year: 2031, items: [item({ annual: "1" })], version: 2 });
      expect(again.status).toBe(409);
    });
  });

  describe("GET /api/v1/targets", () => {
    beforeAll(async () => {
      const res = await put({
        year: YEAR,
        items: [
          item({ annual: "8" }),
          item({ unit: "USER", unitId: u.staff.id, annual: "6" }),
          item({ unit: "USER", unitId: u.staff.id, indicator: "SIGNED_INVESTMENT", annual: "6400.00" }),
          item({ unit: "USER", unitId: u.otherStaff.id, annual: "2" }),
        ],
      });
      expect(res.status).toBe(200);
    });

    it("answers each target's progress, clean-counted", async () => {
      const res = await call(targetsGet as never, `/api/v1/targets?year=${YEAR}`, { cookie: cookie.leader });
      expect(res.status).toBe(200);
      const mine = res.body.items.filter((i: { unitId: string }) => i.unitId === u.staff.id);
      expect(mine.find((i: { indicator: string }) => i.indicator === "SIGNED_COUNT")).toMatchObject({
        actual: "3",
        progress: 50,
      });
      // A (1200 contract) + B (2000 contract, not its capital increase) + D (700 total) = 3900.
      expect(mine.find((i: { indicator: string }) => i.indicator === "SIGNED_INVESTMENT")).toMatchObject({
        actual: "3900.00",
        progress: 60.9,
      });
      expect(res.body.items.find((i: { unit: string }) => i.unit === "DISTRICT")).toMatchObject({
        actual: "4",
        progress: 50,
      });
    });

    it("a staff member reads only their own targets; an approver none", async () => {
      const res = await call(targetsGet as never, `/api/v1/targets?year=${YEAR}`, { cookie: cookie.otherStaff });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { unitId: string }) => i.unitId)).toEqual([u.otherStaff.id]);
      expect(res.body.rollups).toEqual([]);
      expect(res.body.canEdit).toBe(false);
      expect(
        (await call(targetsGet as never, `/api/v1/targets?year=${YEAR}`, { cookie: cookie.approver })).status,
      ).toBe(403);
    });
  });

  it("each project keeps its first entry into each counted stage, from every insert into stage_changes", async () => {
    const db = getDb();
    const columns = `"signedFirstAt" as "SIGNED", "constructionFirstAt" as "CONSTRUCTION",
                     "completedFirstAt" as "COMPLETED", "productionFirstAt" as "PRODUCTION"`;
    const kept = async (id: string) =>
      (await db.$queryRawUnsafe<Record<string, Date | null>[]>(`select ${columns} from projects where id = $1`, id))[0];
    const fromChanges = async (id: string) => {
      const rows = await db.$queryRawUnsafe<{ stage: string; at: Date }[]>(
        `select "toStage"::text as stage, min("createdAt") as at from stage_changes
          where "projectId" = $1 and "firstEntry" group by 1`,
        id,
      );
      return Object.fromEntries(
        ["SIGNED", "CONSTRUCTION", "COMPLETED", "PRODUCTION"].map((s) => [
          s,
          rows.find((r) => r.stage === s)?.at ?? null,
        ]),
      );
    };
    for (const project of Object.values(p)) expect(await kept(project.id)).toEqual(await fromChanges(project.id));
    expect((await kept(p.A.id)).SIGNED).toEqual(at("2025-03-10T02:00:00Z"));

    // In one statement (seeds, imports, restores): an earlier first entry moves the column back, a
    // later one or one that is not a first entry leaves it; other projects are untouched. (In 2022:
    // outside the years the tests below count.)
    const g = await createProject({ ownerId: u.staff.id, stage: "PRODUCTION" });
    const h = await createProject({ ownerId: u.staff.id, stage: "CONSTRUCTION" });
    const row = (projectId: string, toStage: string, createdAt: string, firstEntry = true) => ({
      projectId,
      toStage: toStage as never,
      userId: u.manager.id,
      firstEntry,
      createdAt: at(createdAt),
    });
    await db.stageChange.create({ data: row(h.id, "SIGNED", "2022-05-01T02:00:00Z") });
    await db.stageChange.createMany({
      data: [
        row(g.id, "COMPLETED", "2022-10-01T02:00:00Z"),
        row(g.id, "PRODUCTION", "2022-11-01T02:00:00Z"),
        row(h.id, "SIGNED", "2022-03-01T02:00:00Z"),
        row(h.id, "SIGNED", "2022-06-01T02:00:00Z"),
        row(h.id, "CONSTRUCTION", "2022-07-01T02:00:00Z"),
        row(h.id, "CONSTRUCTION", "2022-06-15T02:00:00Z", false),
      ],
    });
    expect(await kept(g.id)).toEqual({
      SIGNED: null,
      CONSTRUCTION: null,
      COMPLETED: at("2022-10-01T02:00:00Z"),
      PRODUCTION: at("2022-11-01T02:00:00Z"),
    });
    expect(await kept(h.id)).toEqual({
      SIGNED: at("2022-03-01T02:00:00Z"),
      CONSTRUCTION: at("2022-07-01T02:00:00Z"),
      COMPLETED: null,
      PRODUCTION: null,
    });
    for (const project of [g, h, ...Object.values(p)])
      expect(await kept(project.id)).toEqual(await fromChanges(project.id));
    await db.project.deleteMany({ where: { id: { in: [g.id, h.id] } } });
  });

  describe("GET /api/v1/reports/dashboard", () => {
    const dash = (who: keyof typeof u, year: string | number = YEAR) =>
      call(dashboardGet as never, `/api/v1/reports/dashboard?year=${year}`, { cookie: cookie[who] });

    it.each(["1999", "2101", "abc", "2025.5"])("year=%s → 400 naming the year", async (year) => {
      const res = await dash("manager", year);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty("year");
    });

    it("三个一批 equal plain SQL over stage_changes' first entries in the year (Asia/Shanghai)", async () => {
      const res = await dash("manager");
      expect(res.status).toBe(200);
      const sql = await getDb().$queryRawUnsafe<{ stage: string; n: number; inv: string }[]>(
        `select sc."toStage"::text as stage, count(distinct sc."projectId")::int as n,
                sum(coalesce(p."contractInvestment", p."totalInvestment"))::text as inv
           from stage_changes sc join projects p on p.id = sc."projectId"
          where sc."firstEntry" and sc."createdAt" >= timestamp '2024-12-31 16:00' and sc."createdAt" < timestamp '2025-12-31 16:00'
          group by 1`,
      );
      const n = (stage: string) => sql.find((r) => r.stage === stage)?.n ?? 0;
      const b = res.body.threeBatches;
      expect(b.signed.count).toBe(n("SIGNED"));
      expect(b.signed.investment).toBe(sql.find((r) => r.stage === "SIGNED")!.inv);
      expect(b.started.count).toBe(n("CONSTRUCTION"));
      expect(b.completed.count).toBe(n("COMPLETED"));
      expect(b.production.count).toBe(n("PRODUCTION"));
      // By hand: A (once), B (once), D, F; not C (last year's), not E (next year's).
      expect(b.signed).toMatchObject({ count: 4, investment: "3950.00", target: 8, progress: 50 });
      expect(b.started.count).toBe(1);
      expect(res.body.monthly.find((m: { month: number }) => m.month === 3).signedCount).toBe(1);
      expect(res.body.monthly.find((m: { month: number }) => m.month === 11).lastSignedCount).toBe(1);
      expect(res.body.byPark).toContainEqual({
        key: park.code,
        name: expect.any(String),
        count: 3,
        investment: "3900.00",
      });
      expect(res.body.funnel.find((f: { stage: string }) => f.stage === "SIGNED").count).toBe(5);
    });

    it("investment completed is each plan's latest 日调度 figure of the year, equal to plain SQL over the entries", async () => {
      const db = getDb();
      for (const id of [p.A.id, p.B.id])
        await db.projectPlan.create({
          data: {
            projectId: id,
            year: YEAR,
            goalStage: "CONSTRUCTION",
            goalInvestment: "5000",
            leaderId: u.leader.id,
            createdById: u.staff.id,
          },
        });
      const report = async (id: string, date: string, investmentCompleted: string) =>
        expect(
          (
            await call(progressPost as never, `/api/v1/projects/${id}/progress`, {
              id,
              method: "POST",
              cookie: cookie.staff,
              body: { date, investmentCompleted },
            })
          ).status,
        ).toBe(201);
      await report(p.A.id, "2025-03-01", "100");
      await report(p.A.id, "2025-06-01", "300");
      // Reported later for an earlier day: not the year's latest figure.
      await report(p.A.id, "2025-05-01", "250");
      await report(p.B.id, "2025-04-01", "500.50");
      const [sql] = await db.$queryRawUnsafe<{ amount: string }[]>(
        `select sum(e."investmentCompleted")::text as amount
           from (select distinct on (pe."projectId") pe."investmentCompleted" from progress_entries pe
                  where pe.date >= date '2025-01-01' and pe.date < date '2026-01-01'
                  order by pe."projectId", pe.date desc, pe."createdAt" desc) e`,
      );
      const res = await dash("manager");
      expect(res.body.investmentCompleted.amount).toBe(sql.amount);
      expect(sql.amount).toBe("800.50");
    });

    it("a plan's figures follow its project's owner, leader and park, whoever changes them", async () => {
      const db = getDb();
      const staffFigure = async (who: "staff" | "otherStaff") =>
        (await dash(who)).body.investmentCompleted.amount as string;
      const units = async (projectId: string) =>
        db.projectPlan.findUniqueOrThrow({
          where: { projectId_year: { projectId, year: YEAR } },
          select: { projectOwnerId: true, projectLeaderId: true, projectParkId: true },
        });
      expect(await units(p.B.id)).toEqual({
        projectOwnerId: u.staff.id,
        projectLeaderId: u.leader.id,
        projectParkId: park.id,
      });
      expect(await staffFigure("staff")).toBe("800.50");
      expect(await staffFigure("otherStaff")).toBe("0.00");

      // B handed to another staff member, in another park, without a leader: its 500.50 goes with it.
      const otherPark = await createPark();
      await db.project.update({
        where: { id: p.B.id },
        data: { ownerId: u.otherStaff.id, parkId: otherPark.id, leaderId: null },
      });
      expect(await units(p.B.id)).toEqual({
        projectOwnerId: u.otherStaff.id,
        projectLeaderId: null,
        projectParkId: otherPark.id,
      });
      expect(await staffFigure("staff")).toBe("300.00");
      expect(await staffFigure("otherStaff")).toBe("500.50");
      const [byOwner] = await db.$queryRawUnsafe<{ amount: string }[]>(
        `select sum(pl."investmentCompleted")::text as amount from project_plans pl
           join projects p on p.id = pl."projectId" where pl.year = $1 and p."ownerId" = $2`,
        YEAR,
        u.otherStaff.id,
      );
      expect(byOwner.amount).toBe("500.50");

      // Back as it was, for the tests below.
      await db.project.update({
        where: { id: p.B.id },
        data: { ownerId: u.staff.id, parkId: park.id, leaderId: u.leader.id },
      });
      expect(await staffFigure("staff")).toBe("800.50");
    });

    it("the grid's filter lists exactly the projects a figure counts", async () => {
      const list = async (qs: string) => {
        const res = await call(projectsGet as never, `/api/v1/projects?${qs}&pageSize=200`, { cookie: cookie.manager });
        expect(res.status).toBe(200);
        return (res.body.items as { id: string }[]).map((i) => i.id).sort();
      };
      const signed = await list(`entered=SIGNED&enteredFrom=${YEAR}-01-01&enteredTo=${YEAR}-12-31`);
      expect(signed).toEqual([p.A.id, p.B.id, p.D.id, p.F.id].sort());
      expect(await list(`entered=SIGNED&enteredFrom=${YEAR}-01-01&enteredTo=${YEAR}-12-31&park=${park.code}`)).toEqual(
        [p.A.id, p.B.id, p.D.id].sort(),
      );
      expect(await list(`entered=CONSTRUCTION&enteredFrom=${YEAR}-01-01&enteredTo=${YEAR}-12-31`)).toEqual([p.A.id]);
      expect(await list(`entered=SIGNED&enteredFrom=${YEAR}-12-31&enteredTo=${YEAR}-12-31`)).toEqual([p.D.id]);
      expect(
        await list(`entered=SIGNED&enteredFrom=${YEAR}-01-01&enteredTo=${YEAR}-12-31&channel=PROFESSIONAL`),
      ).toEqual(signed);
      expect(
        await list(`entered=SIGNED&enteredFrom=${YEAR}-01-01&enteredTo=${YEAR}-12-31&channel=SIGNING_WEEK`),
      ).toEqual([]);
    });

    it("a staff member sees only their own figures, against their own targets", async () => {
      const res = await dash("staff");
      expect(res.status).toBe(200);
      expect(res.body.scope).toBe("own");
      expect(res.body.threeBatches.signed).toMatchObject({ count: 3, investment: "3900.00", target: 6, progress: 50 });
      expect(res.body.funnel.reduce((a: number, f: { count: number }) => a + f.count, 0)).toBe(5);
      expect(res.body.ranking.map((r: { unitId: string }) => r.unitId)).toEqual([u.staff.id]);
      const other = await dash("otherStaff");
      expect(other.body.threeBatches.signed).toMatchObject({ count: 1, target: 2 });
      expect((await dash("approver")).status).toBe(403);
    });

    it("ranks people against their targets (红黑榜) and exports each table", async () => {
      const res = await dash("leader");
      expect(res.body.scope).toBe("district");
      const rows = res.body.ranking as { unitId: string; score: number }[];
      expect(rows.find((r) => r.unitId === u.otherStaff.id)!.score).toBe(50);
      const xlsx = await exportGet(
        apiRequest(`/api/v1/reports/dashboard/export?year=${YEAR}&table=byPark`, { cookie: cookie.manager }),
        undefined as never,
      );
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
      const bad = await exportGet(
        apiRequest(`/api/v1/reports/dashboard/export?year=${YEAR}&table=nope`, { cookie: cookie.manager }),
        undefined as never,
      );
      expect(bad.status).toBe(400);
    });
  });

  // Each unit's figures are summed in PostgreSQL for the units with a target (grouping sets):
  // a person's are the projects they own or lead, each once; a park's its projects.
  describe("a unit's figures", () => {
    const Y = 2019;
    let park2: { id: string; code: string };
    let nobody: U;

    beforeAll(async () => {
      const db = getDb();
      park2 = await createPark();
      nobody = await createUser({ role: "STAFF" });
      const signed = async (over: Record<string, unknown>, createdAt: string, contract: string | null = null) => {
        const x = await createProject({ stage: "PRODUCTION", totalInvestment: "100.00", ...over });
        if (contract) await db.project.update({ where: { id: x.id }, data: { contractInvestment: contract } });
        await db.stageChange.create({
          data: {
            projectId: x.id,
            fromStage: "NEGOTIATING",
            toStage: "SIGNED",
            userId: u.manager.id,
            firstEntry: true,
            createdAt: at(createdAt),
          },
        });
        return x;
      };
      // X1: owned by otherStaff, led by the leader, in park2. X2: owned and led by the leader.
      // X3: owned by a person without a target, in park2. X4: signed the year before.
      const x1 = await signed(
        { ownerId: u.otherStaff.id, leaderId: u.leader.id, parkId: park2.id },
        "2019-03-01T02:00:00Z",
        "250.00",
      );
      const x2 = await signed({ ownerId: u.leader.id, leaderId: u.leader.id }, "2019-05-01T02:00:00Z");
      const x3 = await signed({ ownerId: nobody.id, parkId: park2.id }, "2019-07-01T02:00:00Z");
      await signed({ ownerId: u.otherStaff.id, leaderId: u.leader.id, parkId: park2.id }, "2018-07-01T02:00:00Z");
      for (const [x, amount] of [
        [x1, "10.00"],
        [x2, "20.00"],
        [x3, "40.00"],
      ] as const)
        await db.projectPlan.create({
          data: {
            projectId: x.id,
            year: Y,
            goalStage: "PRODUCTION",
            goalInvestment: "100",
            investmentCompleted: amount,
            progressDate: at("2019-06-30T00:00:00Z"),
            leaderId: u.leader.id,
            createdById: u.manager.id,
          },
        });
      const res = await put({
        year: Y,
        items: [
          item({ annual: "3" }),
          item({ unit: "USER", unitId: u.leader.id, annual: "4" }),
          item({ unit: "USER", unitId: u.leader.id, indicator: "SIGNED_INVESTMENT", annual: "700.00" }),
          item({ unit: "USER", unitId: u.leader.id, indicator: "INVESTMENT_COMPLETED", annual: "60.00" }),
          item({ unit: "USER", unitId: u.otherStaff.id, annual: "2" }),
          item({ unit: "PARK", unitId: park2.id, annual: "2" }),
          item({ unit: "PARK", unitId: park2.id, indicator: "INVESTMENT_COMPLETED", annual: "50.00" }),
        ],
      });
      expect(res.status).toBe(200);
    });

    it("a person's are the projects they own or lead, each once; a park's its projects", async () => {
      const res = await call(targetsGet as never, `/api/v1/targets?year=${Y}`, { cookie: cookie.manager });
      expect(res.status).toBe(200);
      const actual = (unit: string, unitId: string | null, indicator = "SIGNED_COUNT") =>
        res.body.items.find(
          (i: { unit: string; unitId: string | null; indicator: string }) =>
            i.unit === unit && i.unitId === unitId && i.indicator === indicator,
        )?.actual;
      // The leader: X1 (led) and X2 (owned and led, once); its money X1's contract and X2's total.
      expect(actual("USER", u.leader.id)).toBe("2");
      expect(actual("USER", u.leader.id, "SIGNED_INVESTMENT")).toBe("350.00");
      expect(actual("USER", u.leader.id, "INVESTMENT_COMPLETED")).toBe("30.00");
      expect(actual("USER", u.otherStaff.id)).toBe("1");
      expect(actual("PARK", park2.id)).toBe("2");
      expect(actual("PARK", park2.id, "INVESTMENT_COMPLETED")).toBe("50.00");
      expect(actual("DISTRICT", null)).toBe("3");

      // The dashboard's ranking reads the same figures, and lists only the units with a target.
      const dash = await call(dashboardGet as never, `/api/v1/reports/dashboard?year=${Y}`, { cookie: cookie.manager });
      expect(dash.status).toBe(200);
      const rows = dash.body.ranking as { unitId: string; indicators: Record<string, { actual: string }> }[];
      expect(rows.map((r) => r.unitId).sort()).toEqual([u.leader.id, u.otherStaff.id, park2.id].sort());
      const row = (id: string) => rows.find((r) => r.unitId === id)!.indicators;
      expect(row(u.leader.id).SIGNED_COUNT.actual).toBe("2");
      expect(row(u.leader.id).SIGNED_INVESTMENT.actual).toBe("350.00");
      expect(row(park2.id).INVESTMENT_COMPLETED.actual).toBe("50.00");
      expect(dash.body.threeBatches.signed.count).toBe(3);
      expect(dash.body.investmentCompleted.amount).toBe("70.00");
    });
  });
});

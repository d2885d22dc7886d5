// 政策兑现 through the API routes on PostgreSQL: measures (the tiers' rules, 400 with the
// field; only MANAGER/ADMIN change them; optimistic locking; deactivation), a project's
// incentives computed by calculate.ts against a case worked out BY HAND below, grants (兑现)
// and their refusals, and the managers' totals.
import { GET as listMeasuresRoute, POST as createMeasureRoute } from "../../app/api/v1/incentive-measures/route";
import { PATCH as patchMeasureRoute } from "../../app/api/v1/incentive-measures/[id]/route";
import { GET as incentivesRoute } from "../../app/api/v1/projects/[id]/incentives/route";
import { GET as grantsRoute, POST as grantRoute } from "../../app/api/v1/projects/[id]/incentives/grants/route";
import { GET as reportRoute } from "../../app/api/v1/reports/incentives/route";
import { GET as reportExportRoute } from "../../app/api/v1/reports/incentives/export/route";
import { storedDate } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { callRoute as call, apiRequest, createProject, createUser, routeParams, sessionCookie } from "../factories";

type Who = "manager" | "admin" | "staff" | "leader" | "approver";
const cookie = {} as Record<Who, string>;
const uniq = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;

/** The 固定资产投资奖励 of the published measures: 1% / 2% / 2.5% / 3% by band, from 1000 万元, at most 2000 万元, over 3 years. */
const measureBody = (name: string) => ({
  name,
  category: "EQUIPMENT",
  field: "fixedAssetInvestment",
  tiers: [
    { from: "1000", to: "5000", rate: "0.01" },
    { from: "5000", to: "10000", rate: "0.02" },
    { from: "10000", to: "50000", rate: "0.025" },
    { from: "50000", to: null, rate: "0.03" },
  ],
  threshold: "1000",
  cap: "2000",
  years: 3,
  validFrom: "2024-01-01",
  validTo: "2027-12-31",
});

async function signedProject(fixedAssetInvestment: string, signingDate: string) {
  const p = await createProject({ stage: "SIGNED" });
  await getDb().project.update({
    where: { id: p.id },
    data: { fixedAssetInvestment, signingDate: storedDate(signingDate), contractInvestment: fixedAssetInvestment },
  });
  return p.id;
}

describe("incentive measures and grants", () => {
  let measureId = "";
  let version = 1;
  const projects = { banded: "", capped: "", below: "", unsigned: "" };

  beforeAll(async () => {
    for (const role of ["manager", "admin", "staff", "leader", "approver"] as const)
      cookie[role] = await sessionCookie(await createUser({ role: role.toUpperCase() as never }));
    projects.banded = await signedProject("7777.25", "2025-03-01");
    projects.capped = await signedProject("90000.00", "2025-06-30");
    projects.below = await signedProject("800.00", "2025-05-01");
    projects.unsigned = (await createProject({ stage: "NEGOTIATING" })).id;
  });

  it("a manager creates a measure (201), everyone reads the list", async () => {
    const res = await call(createMeasureRoute, "/api/v1/incentive-measures", {
      method: "POST",
      cookie: cookie.manager,
      body: measureBody(`固定资产投资奖励${uniq()}`),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      category: "EQUIPMENT",
      threshold: "1000.00",
      cap: "2000.00",
      years: 3,
      active: true,
      version: 1,
      tiers: [
        { from: "1000.00", to: "5000.00", rate: "0.01" },
        { from: "5000.00", to: "10000.00", rate: "0.02" },
        { from: "10000.00", to: "50000.00", rate: "0.025" },
        { from: "50000.00", to: null, rate: "0.03" },
      ],
    });
    measureId = res.body.id;
    version = res.body.version;
    for (const who of ["staff", "leader", "approver", "admin"] as const) {
      const list = await call(listMeasuresRoute, "/api/v1/incentive-measures", { cookie: cookie[who] });
      expect([who, list.status]).toEqual([who, 200]);
      expect(list.body.items.map((m: { id: string }) => m.id)).toContain(measureId);
    }
  });

  it.each([
    [
      "overlapping tiers",
      {
        tiers: [
          { from: "0", to: "2000", rate: "0.01" },
          { from: "1000", to: null, rate: "0.02" },
        ],
      },
      "tiers.1.from",
      "重叠",
    ],
    [
      "tiers out of order",
      {
        tiers: [
          { from: "5000", to: null, rate: "0.02" },
          { from: "0", to: "5000", rate: "0.01" },
        ],
      },
      "tiers.1.from",
      "从小到大",
    ],
    [
      "a gap between tiers",
      {
        tiers: [
          { from: "0", to: "1000", rate: "0.01" },
          { from: "2000", to: null, rate: "0.02" },
        ],
      },
      "tiers.1.from",
      "空档",
    ],
    [
      "an open tier before the last",
      {
        tiers: [
          { from: "0", to: null, rate: "0.01" },
          { from: "2000", to: null, rate: "0.02" },
        ],
      },
      "tiers.0.to",
      "最后一档",
    ],
    ["a rate above 100%", { tiers: [{ from: "0", to: null, rate: "1.5" }] }, "tiers.0.rate", "0 至 1"],
    ["a negative rate", { tiers: [{ from: "0", to: null, rate: "-0.01" }] }, "tiers.0.rate", "0 至 1"],
    ["a cap below the threshold", { threshold: "1000", cap: "500" }, "cap", "封顶金额不能低于门槛"],
    ["years outside 1–10", { years: 11 }, "years", "不能大于 10"],
    ["validTo before validFrom", { validFrom: "2026-01-01", validTo: "2025-12-31" }, "validTo", "截止日不能早于起始日"],
    ["a field that is not a project amount", { field: "landArea" }, "field", "计算依据"],
  ])("refuses %s: 400 with the field", async (_what, change, field, words) => {
    const res = await call(createMeasureRoute, "/api/v1/incentive-measures", {
      method: "POST",
      cookie: cookie.manager,
      body: { ...measureBody(`坏措施${uniq()}`), ...change },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(res.body.error.fields[field]).toContain(words);
  });

  it("refuses changes from STAFF, LEADER and APPROVER (403); ADMIN may", async () => {
    for (const who of ["staff", "leader", "approver"] as const) {
      const post = await call(createMeasureRoute, "/api/v1/incentive-measures", {
        method: "POST",
        cookie: cookie[who],
        body: measureBody(`越权${uniq()}`),
      });
      const patch = await call(patchMeasureRoute, `/api/v1/incentive-measures/${measureId}`, {
        method: "PATCH",
        cookie: cookie[who],
        id: measureId,
        body: { active: false, version },
      });
      expect([who, post.status, patch.status]).toEqual([who, 403, 403]);
    }
    const byAdmin = await call(createMeasureRoute, "/api/v1/incentive-measures", {
      method: "POST",
      cookie: cookie.admin,
      body: {
        ...measureBody(`管理员措施${uniq()}`),
        tiers: [{ from: "0", to: null, rate: "0.01" }],
        threshold: null,
        cap: null,
      },
    });
    expect(byAdmin.status).toBe(201);
    // Not to disturb the amounts below: deactivated at once.
    const off = await call(patchMeasureRoute, "/x", {
      method: "PATCH",
      cookie: cookie.admin,
      id: byAdmin.body.id,
      body: { active: false, version: 1 },
    });
    expect(off.body.active).toBe(false);
  });

  it("computes a project's incentive as worked out by hand, to the cent; byYear adds up; total = sum of rows", async () => {
    // By hand, banded: fixed-asset investment 7,777.25 万元 falls in [5,000, 10,000) → 2%:
    //   7,777.25 × 0.02 = 155.545 → half-up to the cent once → 155.55 万元 (below the 2,000 cap);
    //   over 3 years from 2025: 15,555 cents / 3 = 5,185 cents → 51.85 + 51.85 + 51.85 = 155.55.
    // By hand, capped: 90,000.00 万元 is in [50,000, open) → 3%: 90,000 × 0.03 = 2,700.00 > cap
    //   2,000.00 → 2,000.00; 200,000 cents / 3 = 66,666 rest 2 → 666.67 + 666.67 + 666.66 = 2,000.00.
    // Below: 800 万元 < threshold 1,000 万元 → nothing, and the reason says so.
    const banded = await call(incentivesRoute, "/x", { cookie: cookie.manager, id: projects.banded });
    expect(banded.status).toBe(200);
    const item = banded.body.items.find((i: { measureId: string }) => i.measureId === measureId);
    expect(item).toMatchObject({
      qualifies: true,
      amount: "155.55",
      reason: { code: "qualifies" },
      byYear: [
        { year: 2025, amount: "51.85", granted: "0.00" },
        { year: 2026, amount: "51.85", granted: "0.00" },
        { year: 2027, amount: "51.85", granted: "0.00" },
      ],
    });
    const cents = (s: string) => Math.round(Number(s) * 100);
    const sumCents = (xs: string[]) => xs.reduce((s, x) => s + cents(x), 0);
    expect(sumCents(item.byYear.map((y: { amount: string }) => y.amount))).toBe(cents(item.amount));
    expect(sumCents(banded.body.items.map((i: { amount: string }) => i.amount))).toBe(cents(banded.body.total));

    const capped = await call(incentivesRoute, "/x", { cookie: cookie.staff, id: projects.capped });
    const c = capped.body.items.find((i: { measureId: string }) => i.measureId === measureId);
    expect(c.amount).toBe("2000.00");
    expect(c.byYear.map((y: { amount: string }) => y.amount)).toEqual(["666.67", "666.67", "666.66"]);
    expect(c.reason.message).toContain("封顶");

    const below = await call(incentivesRoute, "/x", { cookie: cookie.manager, id: projects.below });
    const b = below.body.items.find((i: { measureId: string }) => i.measureId === measureId);
    expect(b).toMatchObject({ qualifies: false, amount: "0.00", byYear: [], reason: { code: "belowThreshold" } });
    expect(b.reason.message).toBe("固定资产投资 800 万元，未达到 1,000 万元的门槛");

    const unsigned = await call(incentivesRoute, "/x", { cookie: cookie.manager, id: projects.unsigned });
    expect(unsigned.body.items.find((i: { measureId: string }) => i.measureId === measureId).reason.code).toBe(
      "notSigned",
    );
  });

  it("records grants within the year's schedule (MANAGER only); refuses the rest with a rule", async () => {
    const grant = (who: Who, projectId: string, body: Record<string, unknown>) =>
      call(grantRoute, "/x", { method: "POST", cookie: cookie[who], id: projectId, body });
    const good = { measureId, year: 2025, amount: "666.67", grantedOn: "2025-12-20", note: "2025 年度兑现" };
    for (const who of ["staff", "leader", "admin"] as const)
      expect([who, (await grant(who, projects.capped, good)).status]).toEqual([who, 403]);
    // An approver does not see the project at all (no permit item of their department): 404.
    expect((await grant("approver", projects.capped, good)).status).toBe(404);
    const notQualified = await grant("manager", projects.below, { ...good, amount: "1" });
    expect([notQualified.status, notQualified.body.error.code]).toEqual([422, "RULE_INCENTIVE_NOT_QUALIFIED"]);
    const wrongYear = await grant("manager", projects.capped, { ...good, year: 2030 });
    expect([wrongYear.status, wrongYear.body.error.code]).toEqual([422, "RULE_INCENTIVE_YEAR_NOT_SCHEDULED"]);
    const over = await grant("manager", projects.capped, { ...good, amount: "666.68" });
    expect([over.status, over.body.error.code]).toEqual([422, "RULE_INCENTIVE_OVER_SCHEDULE"]);
    const bad = await grant("manager", projects.capped, { ...good, amount: "-5", grantedOn: "2999-01-01" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["amount", "grantedOn"]);

    const ok = await grant("manager", projects.capped, { ...good, amount: "600.00" });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ year: 2025, amount: "600.00", grantedOn: "2025-12-20" });
    const rest = await grant("manager", projects.capped, { ...good, amount: "66.67" });
    expect(rest.status).toBe(201);
    const more = await grant("manager", projects.capped, { ...good, amount: "0.01" });
    expect(more.body.error.code).toBe("RULE_INCENTIVE_OVER_SCHEDULE");

    const after = await call(incentivesRoute, "/x", { cookie: cookie.manager, id: projects.capped });
    const c = after.body.items.find((i: { measureId: string }) => i.measureId === measureId);
    expect(c.byYear[0]).toEqual({ year: 2025, amount: "666.67", granted: "666.67" });
    expect(c.granted).toBe("666.67");
    const list = await call(grantsRoute, "/x", { cookie: cookie.staff, id: projects.capped });
    expect(list.body.items.map((g: { amount: string }) => g.amount).sort()).toEqual(["600.00", "66.67"].sort());
    const audit = await getDb().auditLog.count({ where: { entityId: projects.capped, action: "incentive:grant" } });
    expect(audit).toBe(2);
  });

  it("the managers' totals: scheduled vs granted by year × category equal the sums of the projects' rows", async () => {
    for (const who of ["staff", "leader", "approver"] as const)
      expect((await call(reportRoute, "/api/v1/reports/incentives", { cookie: cookie[who] })).status).toBe(403);
    const res = await call(reportRoute, "/api/v1/reports/incentives", { cookie: cookie.manager });
    expect(res.status).toBe(200);
    const y2025 = res.body.years.find((y: { year: number }) => y.year === 2025);
    const equipment = y2025.byCategory.find((c: { category: string }) => c.category === "EQUIPMENT");
    // Every signed project's 2025 part of every active EQUIPMENT measure, from the per-project API.
    const signed = await getDb().project.findMany({ where: { signingDate: { not: null } }, select: { id: true } });
    let scheduled = 0;
    let granted = 0;
    for (const p of signed) {
      const r = await call(incentivesRoute, "/x", { cookie: cookie.manager, id: p.id });
      for (const i of r.body.items.filter((x: { category: string }) => x.category === "EQUIPMENT"))
        for (const y of i.byYear.filter((y: { year: number }) => y.year === 2025)) {
          scheduled += Math.round(Number(y.amount) * 100);
          granted += Math.round(Number(y.granted) * 100);
        }
    }
    expect(Math.round(Number(equipment.scheduled) * 100)).toBe(scheduled);
    expect(Math.round(Number(equipment.granted) * 100)).toBe(granted);
    expect(granted).toBeGreaterThanOrEqual(66667);
    // The drill-down names the projects behind the figure.
    const drill = await call(reportRoute, "/api/v1/reports/incentives?year=2025&category=EQUIPMENT", {
      cookie: cookie.manager,
    });
    expect(drill.body.projects.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([projects.banded, projects.capped]),
    );
    const file = await reportExportRoute(
      apiRequest("/api/v1/reports/incentives/export", { cookie: cookie.manager }),
      routeParams({}) as never,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("spreadsheetml");
  });

  it("PATCH with a stale version is 409; deactivating takes the measure off the project's tab; audited", async () => {
    const stale = await call(patchMeasureRoute, "/x", {
      method: "PATCH",
      cookie: cookie.manager,
      id: measureId,
      body: { cap: "3000", version: version + 5 },
    });
    expect(stale.status).toBe(409);
    const capBelow = await call(patchMeasureRoute, "/x", {
      method: "PATCH",
      cookie: cookie.manager,
      id: measureId,
      body: { cap: "10", version },
    });
    expect([capBelow.status, Object.keys(capBelow.body.error.fields)]).toEqual([400, ["cap"]]);
    const off = await call(patchMeasureRoute, "/x", {
      method: "PATCH",
      cookie: cookie.manager,
      id: measureId,
      body: { active: false, version },
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, version: version + 1 });
    const tab = await call(incentivesRoute, "/x", { cookie: cookie.manager, id: projects.banded });
    expect(tab.body.items.map((i: { measureId: string }) => i.measureId)).not.toContain(measureId);
    const actions = await getDb().auditLog.findMany({ where: { entityId: measureId }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["create", "deactivate"]);
  });

  it("PATCH with an empty description or cap clears it; the fields not named stay", async () => {
    const before = await getDb().incentiveMeasure.findUniqueOrThrow({ where: { id: measureId } });
    const described = await call(patchMeasureRoute, "/x", {
      method: "PATCH",
      cookie: cookie.manager,
      id: measureId,
      body: { description: "按固定资产投资分档奖励", version: before.version },
    });
    expect(described.status).toBe(200);
    expect(described.body.description).toBe("按固定资产投资分档奖励");
    const cleared = await call(patchMeasureRoute, "/x", {
      method: "PATCH",
      cookie: cookie.manager,
      id: measureId,
      body: { description: "", cap: null, version: described.body.version },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({
      description: null,
      cap: null,
      threshold: described.body.threshold,
      name: described.body.name,
    });
  });
});

// Random and malformed bodies thrown at POST and PATCH: never a 500, never a partial
// write — either the whole change lands (2xx) or nothing does (4xx).
import fc from "fast-check";
import { POST as createRoute } from "../../app/api/v1/projects/route";
import { PATCH as patchRoute } from "../../app/api/v1/projects/[id]/route";
import { getDb } from "../../lib/db";
import { apiRequest, createIndustry, createProject, createUser, routeParams, sessionCookie } from "../factories";

const field = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
  fc.constantFrom(
    "",
    "2026-02-30",
    "91350100M000100Y43",
    "1e309",
    "-1",
    "12.345",
    "NaN",
    "<script>",
    "'; drop table projects; --",
  ),
);

const keys = [
  "name",
  "enterpriseName",
  "creditCode",
  "industryId",
  "parkId",
  "totalInvestment",
  "fixedAssetInvestment",
  "landArea",
  "sourceChannel",
  "keyProject",
  "leaderId",
  "ownerId",
  "contacts",
  "tags",
  "plannedStartDate",
  "signingDate",
  "version",
  "code",
  "description",
];
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...keys), field, { maxKeys: 8 }),
  fc.anything(),
  fc.string().map((s) => ({ raw: s })),
);

async function snapshot() {
  const db = getDb();
  return {
    projects: await db.project.count(),
    enterprises: await db.enterprise.count(),
    stageChanges: await db.stageChange.count(),
    audits: await db.auditLog.count(),
  };
}

describe("malformed bodies", () => {
  it("POST /api/v1/projects never answers 500 nor writes half a project", async () => {
    const cookie = await sessionCookie(await createUser({ role: "STAFF" }));
    const industry = await createIndustry();
    let created = 0;
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (b, withValidBase) => {
        const payload =
          withValidBase && b && typeof b === "object" && !Array.isArray(b)
            ? {
                name: "模糊测试项目",
                enterpriseName: "模糊测试企业",
                industryId: industry.id,
                totalInvestment: "10",
                ...b,
              }
            : b;
        const before = await snapshot();
        const raw =
          typeof payload === "object" && payload !== null && "raw" in payload
            ? String((payload as { raw: string }).raw)
            : (JSON.stringify(payload) ?? "null");
        const res = await createRoute(apiRequest("/api/v1/projects", { method: "POST", cookie, body: raw }));
        expect(res.status).not.toBe(500);
        const after = await snapshot();
        if (res.status === 201) {
          created++;
          expect(after.projects).toBe(before.projects + 1);
          expect(after.stageChanges).toBe(before.stageChanges + 1);
          expect(after.audits).toBe(before.audits + 1);
        } else {
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 120 },
    );
    // The valid base makes some bodies pass, so both branches are exercised.
    expect(created).toBeGreaterThan(0);
  });

  it("PATCH /api/v1/projects/{id} never answers 500 and changes all or nothing", async () => {
    const owner = await createUser({ role: "STAFF" });
    const cookie = await sessionCookie(owner);
    const project = await createProject({ ownerId: owner.id });
    let updated = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const current = await getDb().project.findUniqueOrThrow({ where: { id: project.id } });
        const payload = b && typeof b === "object" && !Array.isArray(b) ? { version: current.version, ...b } : b;
        const res = await patchRoute(
          apiRequest(`/api/v1/projects/${project.id}`, {
            method: "PATCH",
            cookie,
            body: JSON.stringify(payload) ?? "null",
          }),
          routeParams({ id: project.id }),
        );
        expect(res.status).not.toBe(500);
        const after = await getDb().project.findUniqueOrThrow({ where: { id: project.id } });
        if (res.status === 200) {
          updated++;
          expect(after.version).toBe(current.version + 1);
        } else expect(after).toEqual(current);
      }),
      { numRuns: 120 },
    );
    expect(updated).toBeGreaterThan(0);
  });
});

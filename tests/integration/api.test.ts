import { GET as health } from "../../app/api/v1/health/route";
import { startJobRunner, stopJobRunner } from "../../lib/jobs/runner";
import { GET as me } from "../../app/api/v1/me/route";
import { GET as listProjectsRoute } from "../../app/api/v1/projects/route";
import { GET as listUsersRoute, POST as createUserRoute } from "../../app/api/v1/users/route";
import { PATCH as patchUserRoute } from "../../app/api/v1/users/[id]/route";
import { disconnectDb, getDb } from "../../lib/db";
import {
  apiRequest,
  createIndustry,
  createPark,
  createProject,
  createUser,
  routeParams,
  sessionCookie,
} from "../factories";

describe("GET /api/v1/health", () => {
  it("answers ok when the database answers, and whether this instance's job runner runs", async () => {
    const res = await health();
    expect(res.status).toBe(200);
    // SPEC §10's two fields as they were, and the job runner (none started in this process yet).
    expect(await res.json()).toEqual({ status: "ok", db: "ok", jobs: "starting" });
    await startJobRunner({ schedules: false });
    expect(await (await health()).json()).toEqual({ status: "ok", db: "ok", jobs: "ok" });
    await stopJobRunner();
    expect(await (await health()).json()).toEqual({ status: "ok", db: "ok", jobs: "starting" });
  });

  it("answers 503 when the database does not", async () => {
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://postgres:x@127.0.0.1:1/none";
    try {
      const res = await health();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "error", db: "error", jobs: "starting" });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = url;
    }
  });
});

describe("GET /api/v1/me", () => {
  it("answers 401 in the SPEC error format without a session", async () => {
    const res = await me(apiRequest("/api/v1/me"));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "请先登录" } });
  });

  it("answers in English when asked", async () => {
    const res = await me(apiRequest("/api/v1/me", { headers: { "accept-language": "en" } }));
    expect((await res.json()).error.message).toBe("Please sign in");
  });

  it("answers a browser in the UI's language (cookie, else Chinese), whatever its Accept-Language", async () => {
    const stale = "next-auth.session-token=not-a-token";
    const zh = await me(apiRequest("/api/v1/me", { cookie: stale, headers: { "accept-language": "en-US,en" } }));
    expect((await zh.json()).error.message).toBe("请先登录");
    const en = await me(apiRequest("/api/v1/me", { cookie: `${stale}; NEXT_LOCALE=en` }));
    expect((await en.json()).error.message).toBe("Please sign in");
  });

  it("describes the signed-in user", async () => {
    const u = await createUser({ role: "LEADER", displayName: "李领导" });
    const res = await me(apiRequest("/api/v1/me", { cookie: await sessionCookie(u) }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: u.id,
      username: u.username,
      displayName: "李领导",
      role: "LEADER",
      department: null,
    });
  });
});

describe("GET /api/v1/projects", () => {
  it("lists with paging, filters, sort and the fields of SPEC §10", async () => {
    // A reader of every project (an approver sees only their department's: approver-scope.test.ts).
    const viewer = await createUser({ role: "LEADER" });
    const owner = await createUser();
    const industry = await createIndustry();
    const park = await createPark();
    for (let i = 1; i <= 5; i++) {
      await createProject({
        code: `API-${i}`,
        name: `光刻胶项目${i}`,
        totalInvestment: `${i}000.50`,
        ownerId: owner.id,
        industryId: industry.id,
        parkId: park.id,
        stage: i % 2 ? "LEAD" : "SIGNED",
      });
    }
    await createProject({ code: "OTHER-1", name: "其他项目" });
    const cookie = await sessionCookie(viewer);
    const call = async (qs: string) => {
      const res = await listProjectsRoute(apiRequest(`/api/v1/projects?${qs}`, { cookie }));
      return { status: res.status, body: await res.json() };
    };
    const all = await call("pageSize=2&page=2&sort=code&order=asc");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(6);
    expect(all.body.page).toBe(2);
    expect(all.body.pageSize).toBe(2);
    expect(all.body.items.map((p: { code: string }) => p.code)).toEqual(["API-3", "API-4"]);
    const p = all.body.items[0];
    for (const key of [
      "id",
      "code",
      "name",
      "enterpriseName",
      "stage",
      "industry",
      "park",
      "totalInvestment",
      "ownerId",
      "leaderId",
      "warning",
      "version",
      "updatedAt",
    ]) {
      expect(p).toHaveProperty(key);
    }
    expect(p.totalInvestment).toBe("3000.50");
    expect(p.industry).toBe(industry.code);
    expect(p.park).toBe(park.code);
    expect(p.warning).toBe("NONE"); // no plan this year: 未纳入调度

    expect((await call(`stage=SIGNED&industry=${industry.code}`)).body.total).toBe(2);
    expect((await call(`park=${park.id}`)).body.total).toBe(5);
    expect((await call(`owner=${owner.username}`)).body.total).toBe(5);
    expect((await call(encodeURI("q=光刻胶"))).body.total).toBe(5);
    expect((await call("sort=totalInvestment&order=desc&pageSize=1")).body.items[0].code).toBe("API-5");
  });

  it("answers 400 with the bad fields named", async () => {
    const u = await createUser();
    const res = await listProjectsRoute(
      apiRequest("/api/v1/projects?pageSize=500&stage=NOPE&sort=password", { cookie: await sessionCookie(u) }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("VALIDATION");
    expect(Object.keys(body.error.fields).sort()).toEqual(["pageSize", "sort", "stage"]);
  });
});

describe("/api/v1/users", () => {
  it("gives STAFF 403, changes nothing and logs the refusal", async () => {
    const staff = await createUser({ role: "STAFF" });
    const cookie = await sessionCookie(staff);
    const before = await getDb().user.count();
    const res = await createUserRoute(
      apiRequest("/api/v1/users", {
        method: "POST",
        cookie,
        body: { username: "sneaky", displayName: "x", password: "Abcdef12", role: "ADMIN" },
      }),
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    expect(await getDb().user.count()).toBe(before);
    expect((await listUsersRoute(apiRequest("/api/v1/users", { cookie }))).status).toBe(403);
    const denied = await getDb().securityEvent.findMany({ where: { userId: staff.id, type: "ACCESS_DENIED" } });
    expect(denied.map((d) => d.path)).toEqual(["/api/v1/users", "/api/v1/users"]);
  });

  it("lets ADMIN create (201) and answers 409 on a stale version", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const cookie = await sessionCookie(admin);
    const created = await createUserRoute(
      apiRequest("/api/v1/users", {
        method: "POST",
        cookie,
        body: { username: "api.user", displayName: "接口用户", password: "Abcdef12", role: "LEADER" },
      }),
    );
    expect(created.status).toBe(201);
    // An approver without a department could see and do nothing: refused at the field.
    const noDepartment = await createUserRoute(
      apiRequest("/api/v1/users", {
        method: "POST",
        cookie,
        body: { username: "api.approver", displayName: "审批", password: "Abcdef12", role: "APPROVER" },
      }),
    );
    expect(noDepartment.status).toBe(400);
    expect((await noDepartment.json()).error.fields).toEqual({ departmentId: "审批人员须属于一个部门" });
    const user = await created.json();
    const ok = await patchUserRoute(
      apiRequest(`/api/v1/users/${user.id}`, { method: "PATCH", cookie, body: { displayName: "改名", version: 1 } }),
      routeParams({ id: user.id }),
    );
    expect(ok.status).toBe(200);
    const stale = await patchUserRoute(
      apiRequest(`/api/v1/users/${user.id}`, { method: "PATCH", cookie, body: { displayName: "再改", version: 1 } }),
      routeParams({ id: user.id }),
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toContain("已被他人修改");
  });

  it("answers 400 for a body that is not JSON", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const res = await createUserRoute(
      apiRequest("/api/v1/users", { method: "POST", cookie: await sessionCookie(admin), body: "{not json" }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields._).toBe("请求体必须是 JSON");
  });
});

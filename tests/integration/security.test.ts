// The attacks of the security review, each replayed against the route handlers: every one
// of these answered 200 or 500 before the fixes.
import { GET as meRoute } from "../../app/api/v1/me/route";
import { POST as createProjectRoute, GET as listProjectsRoute } from "../../app/api/v1/projects/route";
import { GET as getProjectRoute } from "../../app/api/v1/projects/[id]/route";
import { POST as activityRoute } from "../../app/api/v1/projects/[id]/activities/route";
import { POST as capitalRoute } from "../../app/api/v1/projects/[id]/capital-increases/route";
import { POST as attachmentRoute } from "../../app/api/v1/projects/[id]/attachments/route";
import { GET as calendarRoute } from "../../app/api/v1/calendar/route";
import { POST as tokensRoute } from "../../app/api/v1/tokens/route";
import { POST as passwordRoute } from "../../app/api/v1/users/[id]/password/route";
import { PATCH as userRoute } from "../../app/api/v1/users/[id]/route";
import { DELETE as endSessionsRoute } from "../../app/api/v1/users/[id]/sessions/route";
import { limitLoginAttempts } from "../../lib/auth/login-rate";
import { createApiToken } from "../../lib/auth/api-tokens";
import { authOptions } from "../../lib/auth/options";
import { getDb } from "../../lib/db";
import {
  actorOf,
  apiRequest,
  callRoute,
  createIndustry,
  createProject,
  createUser,
  routeParams,
  sessionCookie,
} from "../factories";

const post = (path: string, cookie: string, body: string, headers: Record<string, string>) =>
  new Request(`http://localhost${path}`, { method: "POST", headers: { cookie, ...headers }, body });

describe("cross-site requests (CSRF) on the JSON API", () => {
  it("refuses a cookie-authenticated change from another origin, as text/plain or JSON, and logs it", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const victim = await createUser({ role: "STAFF" });
    const cookie = await sessionCookie(admin);
    const body = JSON.stringify({ password: "Pwned2026x" });
    const path = `/api/v1/users/${victim.id}/password`;
    for (const headers of <Record<string, string>[]>[
      { "content-type": "text/plain", origin: "http://127.0.0.1:9" },
      { "content-type": "application/json", origin: "http://evil.example" },
      { "content-type": "application/json", origin: "null" },
      { "content-type": "application/json" },
      { "content-type": "application/json", referer: "http://localhost.evil.example/page" },
    ]) {
      const res = await passwordRoute(post(path, cookie, body, headers), routeParams({ id: victim.id }));
      expect([JSON.stringify(headers), res.status]).toEqual([JSON.stringify(headers), 403]);
      expect((await res.json()).error.code).toBe("CROSS_SITE");
    }
    const before = await getDb().user.findUniqueOrThrow({ where: { id: victim.id } });
    expect(before.version).toBe(1);
    expect(
      await getDb().securityEvent.count({ where: { type: "CROSS_SITE_REFUSED", userId: admin.id } }),
    ).toBeGreaterThanOrEqual(5);
  });

  it("refuses a same-origin change whose body is not JSON (415), and accepts the app's own request", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const victim = await createUser({ role: "STAFF" });
    const cookie = await sessionCookie(admin);
    const path = `/api/v1/users/${victim.id}/password`;
    const body = JSON.stringify({ password: "Changed2026x" });
    const plain = await passwordRoute(
      post(path, cookie, body, { "content-type": "text/plain", origin: "http://localhost" }),
      routeParams({ id: victim.id }),
    );
    expect(plain.status).toBe(415);
    const referer = await passwordRoute(
      post(path, cookie, body, { "content-type": "application/json", referer: "http://localhost/admin/users" }),
      routeParams({ id: victim.id }),
    );
    expect(referer.status).toBe(200);
  });

  it("lets Bearer-token requests through without an origin (they are not cookie-bound)", async () => {
    const staff = await createUser({ role: "STAFF" });
    const { token } = await createApiToken({
      actor: { ...actorOf(staff), via: { kind: "session", id: "s" } },
      input: { name: "系统对接" },
    });
    const industry = await createIndustry();
    const res = await createProjectRoute(
      new Request("http://localhost/api/v1/projects", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          name: "对接项目",
          enterpriseName: "对接企业有限公司",
          industryId: industry.id,
          totalInvestment: "100",
        }),
      }),
    );
    expect(res.status).toBe(201);
  });
});

describe("sessions and tokens", () => {
  it("logout ends the session on the server: a cookie saved before it answers 401", async () => {
    const u = await createUser();
    const cookie = await sessionCookie(u);
    expect((await callRoute(meRoute, "/api/v1/me", { cookie })).status).toBe(200);
    const session = await getDb().userSession.findFirstOrThrow({ where: { userId: u.id } });
    await authOptions().events!.signOut!({ token: { uid: u.id, sid: session.id }, session: null as never });
    expect((await callRoute(meRoute, "/api/v1/me", { cookie })).status).toBe(401);
    expect((await getDb().userSession.findUniqueOrThrow({ where: { id: session.id } })).endReason).toBe("LOGOUT");
  });

  it("an admin ends a user's sessions from the user page", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const u = await createUser();
    const cookies = [await sessionCookie(u), await sessionCookie(u)];
    const staffTry = await callRoute(endSessionsRoute, `/api/v1/users/${u.id}/sessions`, {
      method: "DELETE",
      cookie: cookies[0],
      id: u.id,
    });
    expect(staffTry.status).toBe(403);
    const ended = await callRoute(endSessionsRoute, `/api/v1/users/${u.id}/sessions`, {
      method: "DELETE",
      cookie: await sessionCookie(admin),
      id: u.id,
    });
    expect(ended).toEqual({ status: 200, body: { sessions: 2 } });
    for (const cookie of cookies) expect((await callRoute(meRoute, "/api/v1/me", { cookie })).status).toBe(401);
    expect(await getDb().securityEvent.count({ where: { type: "SESSIONS_ENDED", userId: u.id } })).toBe(1);
  });

  it("a password reset and a role change revoke the user's tokens, not only their cookies", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const adminCookie = await sessionCookie(admin);
    const u = await createUser({ role: "STAFF" });
    const bearer = async () => {
      const { token } = await createApiToken({
        actor: { ...actorOf(u), via: { kind: "session", id: "s" } },
        input: { name: "t" },
      });
      return { authorization: `Bearer ${token}` };
    };
    const first = await bearer();
    expect((await callRoute(meRoute, "/api/v1/me", { headers: first })).status).toBe(200);
    await callRoute(passwordRoute, `/api/v1/users/${u.id}/password`, {
      method: "POST",
      cookie: adminCookie,
      id: u.id,
      body: { password: "NewPass2026x" },
    });
    expect((await callRoute(meRoute, "/api/v1/me", { headers: first })).status).toBe(401);
    const second = await bearer();
    const current = await getDb().user.findUniqueOrThrow({ where: { id: u.id } });
    await callRoute(userRoute, `/api/v1/users/${u.id}`, {
      method: "PATCH",
      cookie: adminCookie,
      id: u.id,
      body: { role: "LEADER", version: current.version },
    });
    expect((await callRoute(meRoute, "/api/v1/me", { headers: second })).status).toBe(401);
  });

  it("tokens expire (90 days unless asked, a year at most) and a token cannot make tokens", async () => {
    const u = await createUser();
    const cookie = await sessionCookie(u);
    const made = await callRoute(tokensRoute, "/api/v1/tokens", { method: "POST", cookie, body: { name: "对接" } });
    expect(made.status).toBe(201);
    const days = (Date.parse(made.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    const tooLong = await callRoute(tokensRoute, "/api/v1/tokens", {
      method: "POST",
      cookie,
      body: { name: "永久", expiresInDays: 366 },
    });
    expect(tooLong.status).toBe(400);
    const fromToken = await callRoute(tokensRoute, "/api/v1/tokens", {
      method: "POST",
      headers: { authorization: `Bearer ${made.body.token}` },
      body: { name: "接班人" },
    });
    expect(fromToken.status).toBe(403);
    expect(await getDb().apiToken.count({ where: { userId: u.id } })).toBe(1);
  });
});

describe("input that used to crash the server (400, never 500)", () => {
  let cookie: string;
  let projectId: string;
  beforeAll(async () => {
    const staff = await createUser({ role: "STAFF" });
    cookie = await sessionCookie(staff);
    projectId = (await createProject({ ownerId: staff.id, stage: "SIGNED" })).id;
  });

  it("a NUL byte or a lone surrogate in a path id, a query or a text field", async () => {
    expect((await callRoute(getProjectRoute, "/api/v1/projects/x%00", { cookie, id: "x\u0000" })).status).toBe(400);
    expect((await callRoute(listProjectsRoute, "/api/v1/projects?q=%00", { cookie })).status).toBe(400);
    const nul = await callRoute(activityRoute, `/api/v1/projects/${projectId}/activities`, {
      method: "POST",
      cookie,
      id: projectId,
      body: { type: "VISIT", date: "2026-03-01", notes: "拜访\u0000企业" },
    });
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields.notes).toBe("活动记录含有无法识别的字符（如空字符）");
    const surrogate = await callRoute(activityRoute, `/api/v1/projects/${projectId}/activities`, {
      method: "POST",
      cookie,
      id: projectId,
      body: { type: "VISIT", date: "2026-03-01", notes: "拜访\ud800企业" },
    });
    expect(surrogate.status).toBe(400);
  });

  it("year 0 and year 9999 dates, in bodies and in filters", async () => {
    const year0 = await callRoute(activityRoute, `/api/v1/projects/${projectId}/activities`, {
      method: "POST",
      cookie,
      id: projectId,
      body: { type: "VISIT", date: "0000-01-01", notes: "x" },
    });
    expect(year0.status).toBe(400);
    expect(year0.body.error.fields.date).toBe("活动日期应在 1900 年至 2100 年之间");
    expect((await callRoute(listProjectsRoute, "/api/v1/projects?signedFrom=0000-01-01", { cookie })).status).toBe(400);
    expect((await callRoute(listProjectsRoute, "/api/v1/projects?updatedTo=9999-12-31", { cookie })).status).toBe(400);
  });

  it("calendar years out of range", async () => {
    for (const year of ["-1", "99999", "abc"])
      expect((await callRoute(calendarRoute, `/api/v1/calendar?year=${year}`, { cookie })).status).toBe(400);
    expect((await callRoute(calendarRoute, "/api/v1/calendar?year=2026", { cookie })).status).toBe(200);
  });

  it("numbers past their column: every decimal of a capital increase and a land area", async () => {
    // A project with fixed assets already: the increase would take them past Decimal(14, 2).
    const project = await getDb().project.update({
      where: { id: projectId },
      data: { fixedAssetInvestment: "5000.00" },
    });
    const over = await callRoute(capitalRoute, `/api/v1/projects/${projectId}/capital-increases`, {
      method: "POST",
      cookie,
      id: projectId,
      body: { date: "2026-03-01", amount: "1", fixedAssetAmount: "999999999999.99", version: project.version },
    });
    expect(over.status).toBe(400);
    expect(over.body.error.fields).toEqual({ fixedAssetAmount: "金额过大" });
    const industry = await createIndustry();
    const land = await callRoute(createProjectRoute, "/api/v1/projects", {
      method: "POST",
      cookie,
      body: {
        name: "大地块",
        enterpriseName: "大地块企业",
        industryId: industry.id,
        totalInvestment: "1",
        landArea: "99999999999",
      },
    });
    expect(land.status).toBe(400);
    expect(land.body.error.fields.landArea).toBe("用地面积（亩）超出范围");
    const total = await callRoute(createProjectRoute, "/api/v1/projects", {
      method: "POST",
      cookie,
      body: { name: "大项目", enterpriseName: "大项目企业", industryId: industry.id, totalInvestment: "1000000000000" },
    });
    expect(total.status).toBe(400);
  });

  it("a cookie with a malformed %-escape beside the session cookie", async () => {
    const res = await meRoute(apiRequest("/api/v1/me", { cookie: `theme=%E0%A4%A; ${cookie}` }));
    expect(res.status).toBe(200);
  });
});

describe("invisible characters", () => {
  it("a name of only zero-width spaces is blank; zero-width spaces do not hide a duplicate", async () => {
    const staff = await createUser({ role: "STAFF" });
    const cookie = await sessionCookie(staff);
    const industry = await createIndustry();
    const blank = await callRoute(createProjectRoute, "/api/v1/projects", {
      method: "POST",
      cookie,
      body: { name: "\u200b\u200b", enterpriseName: "某企业", industryId: industry.id, totalInvestment: "1" },
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error.fields.name).toBe("请填写项目名称");
    const first = await callRoute(createProjectRoute, "/api/v1/projects", {
      method: "POST",
      cookie,
      body: { name: "碳化硼项目", enterpriseName: "中硼科技有限公司", industryId: industry.id, totalInvestment: "1" },
    });
    expect(first.status).toBe(201);
    const hidden = await callRoute(createProjectRoute, "/api/v1/projects", {
      method: "POST",
      cookie,
      body: {
        name: "另一个项目",
        enterpriseName: "中\u200b硼\u200b科\u200b技有限公司",
        industryId: industry.id,
        totalInvestment: "1",
        checkDuplicates: true,
      },
    });
    expect(hidden.status).toBe(409);
    expect(hidden.body.error.code).toBe("DUPLICATE_SUSPECTED");
  });

  it("a file name with a bidi override is stored without it", async () => {
    const staff = await createUser({ role: "STAFF" });
    const cookie = await sessionCookie(staff);
    const p = await createProject({ ownerId: staff.id });
    const form = new FormData();
    form.set("file", new File(["hello"], "evil_\u202eFDP.txt", { type: "text/plain" }));
    const res = await attachmentRoute(
      new Request(`http://localhost/api/v1/projects/${p.id}/attachments`, {
        method: "POST",
        headers: { cookie, origin: "http://localhost" },
        body: form,
      }),
      routeParams({ id: p.id }),
    );
    expect(res.status).toBe(201);
    expect((await res.json()).fileName).toBe("evil_FDP.txt");
  });
});

describe("login", () => {
  // The login route asks this first (next-auth itself cannot run outside a Next.js request).
  const attempt = async (username: string, ip: string) =>
    (await limitLoginAttempts(
      new Request("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
        body: new URLSearchParams({ username, password: "wrong-password", json: "true" }),
      }),
    )) ?? new Response(null, { status: 200 });

  it("a NUL in the username is a logged failure with no detail, not a database error", async () => {
    const authorize = (
      authOptions().providers[0] as unknown as {
        options: { authorize: (c: unknown, r: unknown) => Promise<unknown> };
      }
    ).options.authorize;
    await expect(authorize({ username: "admin\u0000", password: "x" }, { headers: {} })).resolves.toBeNull();
    expect(await getDb().securityEvent.count({ where: { type: "LOGIN_FAILURE", detail: "malformed input" } })).toBe(1);
  });

  it("limits attempts per client address across usernames: 429 with Retry-After, logged once", async () => {
    const limit = process.env.LOGIN_IP_MAX;
    process.env.LOGIN_IP_MAX = "3";
    try {
      for (let i = 0; i < 3; i++) expect((await attempt(`someone${i}`, "198.51.100.7")).status).not.toBe(429);
      const refused = await attempt("someone-else", "198.51.100.7");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused.json()).url).toMatch(/error=RATE_LIMITED%3A\d+/);
      expect((await attempt("again", "198.51.100.7")).status).toBe(429);
      // Another address is not held back by this one.
      expect((await attempt("someone0", "198.51.100.8")).status).not.toBe(429);
      expect(await getDb().securityEvent.count({ where: { type: "RATE_LIMITED", ip: "198.51.100.7" } })).toBe(1);
    } finally {
      if (limit === undefined) delete process.env.LOGIN_IP_MAX;
      else process.env.LOGIN_IP_MAX = limit;
    }
  });
});

describe("the API rate limit", () => {
  it("counts per session: 429 with Retry-After over the limit, logged once", async () => {
    const limit = process.env.API_RATE_PER_MINUTE;
    process.env.API_RATE_PER_MINUTE = "5";
    try {
      const u = await createUser();
      const cookie = await sessionCookie(u);
      const other = await sessionCookie(await createUser());
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await callRoute(meRoute, "/api/v1/me", { cookie })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const res = await meRoute(apiRequest("/api/v1/me", { cookie }));
      const body = await res.json();
      expect([res.status, body.error.code]).toEqual([429, "RATE_LIMITED"]);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await callRoute(meRoute, "/api/v1/me", { cookie: other })).status).toBe(200);
      expect(await getDb().securityEvent.count({ where: { type: "RATE_LIMITED", userId: u.id } })).toBe(1);
    } finally {
      if (limit === undefined) delete process.env.API_RATE_PER_MINUTE;
      else process.env.API_RATE_PER_MINUTE = limit;
    }
  });
});

// Every route file under app/ requires a session, except the public allow-list.
// Route handlers are called without a cookie (and with a forged one) and must answer
// 401; page files are checked here for their guard and over HTTP in the browser tests
// (tests/e2e/auth.spec.ts walks the same list).
import fs from "node:fs";
import path from "node:path";
import type { Actor, Role } from "../../lib/auth/permissions";
import { generateBulletin } from "../../lib/bulletins/generate-bulletin";
import { previousWeek } from "../../lib/bulletins/week";
import { shanghaiToday } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { raiseProblem } from "../../lib/problems/raise-problem";
import { createMeeting } from "../../lib/meetings/create-meeting";
import { issueNotice } from "../../lib/supervision/issue-notice";
import {
  actorOf,
  apiRequest,
  createDepartment,
  createPermitItem,
  createProject,
  createUser,
  sessionCookie,
} from "../factories";
import { appRoutes } from "../support/app-routes";

// The catch-all answers a JSON 404 to anyone: an unknown path reveals nothing.
const publicRoutes = new Set(["/api/auth/[...nextauth]", "/api/v1/health", "/api/v1/[...path]"]);
const publicPages = new Set(["/login"]);
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

const { routes, pages } = appRoutes();

describe("every route needs a session", () => {
  it("finds the route files", () => {
    expect(routes.map((r) => r.url)).toEqual(
      expect.arrayContaining([
        "/api/v1/me",
        "/api/v1/projects",
        "/api/v1/users",
        "/api/v1/health",
        "/api/v1/notifications",
        "/api/v1/notifications/read",
        "/api/v1/webhooks",
        "/api/v1/webhooks/[id]",
        "/api/v1/webhooks/[id]/deliveries",
        "/api/v1/webhooks/[id]/test",
        "/api/v1/settings/supervision",
      ]),
    );
    expect(pages.map((p) => p.url)).toEqual(
      expect.arrayContaining([
        "/",
        "/projects",
        "/admin/users",
        "/login",
        "/notifications",
        "/admin/webhooks",
        "/admin/supervision",
      ]),
    );
  });

  it.each(routes.filter((r) => !publicRoutes.has(r.url)).map((r) => [r.url, r] as const))(
    "%s answers 401 without a session",
    async (_url, route) => {
      const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
      const exported = methods.filter((m) => typeof mod[m] === "function");
      expect(exported.length).toBeGreaterThan(0);
      const params = Object.fromEntries(route.params.map((p) => [p, "some-id"]));
      for (const method of exported) {
        for (const cookie of [undefined, "next-auth.session-token=forged.token.value"]) {
          const req = apiRequest(route.sample, {
            method,
            cookie,
            body: method === "GET" || method === "DELETE" ? undefined : {},
          });
          const res = await mod[method](req, { params: Promise.resolve(params) });
          expect([method, res.status]).toEqual([method, 401]);
          expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
        }
      }
    },
  );

  it("an unknown /api/v1 path answers a JSON 404 in the caller's language, signed in or not", async () => {
    const route = routes.find((r) => r.url === "/api/v1/[...path]")!;
    const mod = (await import(route.file)) as Record<string, (req: Request) => Promise<Response>>;
    for (const method of methods) {
      for (const cookie of [undefined, "next-auth.session-token=forged.token.value"]) {
        const req = apiRequest("/api/v1/no/such/thing", { method, cookie, headers: { "accept-language": "en" } });
        const res = await mod[method](req);
        expect([method, res.status, res.headers.get("content-type")]).toEqual([method, 404, "application/json"]);
        const body = await res.json();
        expect(body.error.code).toBe("NOT_FOUND");
        expect(body.error.message).toMatch(cookie ? /不存在|找不到/ : /not found|does not exist/i);
      }
    }
  });

  it.each(pages.filter((p) => !publicPages.has(p.url)).map((p) => [p.url, p] as const))(
    "page %s calls requireActor",
    (_url, page) => {
      const source = fs.readFileSync(page.file, "utf8");
      expect(source).toMatch(/await requireActor\(/);
    },
  );

  it("the public pages and routes are exactly the allow-list", () => {
    expect(
      routes
        .filter((r) => publicRoutes.has(r.url))
        .map((r) => r.url)
        .sort(),
    ).toEqual([...publicRoutes].sort());
    expect(pages.filter((p) => publicPages.has(p.url)).map((p) => p.url)).toEqual([...publicPages]);
    expect(path.basename(routes[0].file)).toBe("route.ts");
  });
});

// An approver of a department walked over every project route: a project without an item of
// their department does not exist for them (404 to every method); on one with such an item
// they read the basics and the case, the rest of the project is 404 and every change 403.
describe("an approver on the project routes", () => {
  type Method = (typeof methods)[number];
  const onTheirs: Record<string, Partial<Record<Method, number>>> = {
    "/api/v1/projects/[id]": { GET: 200, PATCH: 403 },
    "/api/v1/projects/[id]/activities": { GET: 404, POST: 403 },
    "/api/v1/projects/[id]/attachments": { GET: 404, POST: 403 },
    "/api/v1/projects/[id]/capital-increases": { GET: 404, POST: 403 },
    "/api/v1/projects/[id]/incentives": { GET: 404 },
    "/api/v1/projects/[id]/incentives/grants": { GET: 404, POST: 403 },
    "/api/v1/projects/[id]/inspection-report": { GET: 404 },
    "/api/v1/projects/[id]/permit-case": { GET: 200, POST: 403 },
    "/api/v1/projects/[id]/plans/[year]": { GET: 404, PUT: 403 },
    "/api/v1/projects/[id]/plans/[year]/sign": { POST: 403 },
    "/api/v1/projects/[id]/progress": { GET: 404, POST: 403 },
    "/api/v1/projects/[id]/transitions": { POST: 403 },
    "/api/v1/projects/[id]/warning-override": { POST: 403, DELETE: 403 },
    "/api/v1/projects/[id]/warnings": { GET: 404 },
  };
  // Valid input for each change, so that each reaches the project before anything else refuses it.
  const bodies: Record<string, unknown> = {
    "PATCH /api/v1/projects/[id]": { name: "改名", version: 1 },
    "POST /api/v1/projects/[id]/activities": { type: "CALL", date: "2026-11-01", notes: "越权记录" },
    "POST /api/v1/projects/[id]/capital-increases": { date: "2026-11-01", amount: "100", version: 1 },
    "POST /api/v1/projects/[id]/permit-case": { applicant: "某企业" },
    "POST /api/v1/projects/[id]/incentives/grants": {
      measureId: "none",
      year: 2026,
      amount: "1",
      grantedOn: "2026-01-05",
    },
    "POST /api/v1/projects/[id]/transitions": { to: "NEGOTIATING", version: 1 },
    "PUT /api/v1/projects/[id]/plans/[year]": {
      goalStage: "CONSTRUCTION",
      goalInvestment: "5000",
      milestones: [1, 2, 3, 4].map((quarter) => ({ quarter, stage: "SIGNED", investment: "0", task: "推进" })),
    },
    "POST /api/v1/projects/[id]/plans/[year]/sign": {},
    "POST /api/v1/projects/[id]/progress": { date: "2026-11-01", investmentCompleted: "100" },
    "POST /api/v1/projects/[id]/warning-override": {
      color: "BLUE",
      reason: "越权调整",
      until: new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()),
    },
  };
  /** The year of the plan routes. */
  const planYear = "2026";
  const request = (url: string, sample: string, method: Method, cookie: string) => {
    if (url.endsWith("/attachments") && method === "POST") {
      const form = new FormData();
      form.set("file", new File(["%PDF-1.4"], "a.pdf", { type: "application/pdf" }));
      return new Request(`http://localhost${sample}`, {
        method,
        headers: { cookie, origin: "http://localhost" },
        body: form,
      });
    }
    return apiRequest(sample, { method, cookie, body: bodies[`${method} ${url}`] });
  };
  const projectRoutes = routes.filter((r) => r.url.startsWith("/api/v1/projects/[id]"));
  let cookie: string;
  const projects = { theirs: "", otherDepartment: "", lead: "" };

  beforeAll(async () => {
    const department = await createDepartment({ kind: "PERMIT" });
    cookie = await sessionCookie(await createUser({ role: "APPROVER", departmentId: department.id }));
    projects.theirs = (await createProject({ stage: "SIGNED" })).id;
    await createPermitItem({ projectId: projects.theirs, departmentId: department.id });
    projects.otherDepartment = (await createProject({ stage: "SIGNED" })).id;
    await createPermitItem({
      projectId: projects.otherDepartment,
      departmentId: (await createDepartment({ kind: "PERMIT" })).id,
    });
    projects.lead = (await createProject()).id;
  });

  it("the table names every route of one project", () => {
    expect(projectRoutes.map((r) => r.url).sort()).toEqual(Object.keys(onTheirs).sort());
  });

  it.each(projectRoutes.map((r) => [r.url, r] as const))("%s", async (url, route) => {
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    const exported = methods.filter((m) => typeof mod[m] === "function");
    expect(exported.sort()).toEqual(Object.keys(onTheirs[url]).sort());
    for (const method of exported) {
      for (const [which, id] of Object.entries(projects)) {
        const sample = route.sample.replace("sample-id", id).replace("sample-id", planYear);
        const params = route.params.includes("year") ? { id, year: planYear } : { id };
        const res = await mod[method](request(url, sample, method, cookie), { params: Promise.resolve(params) });
        const want = which === "theirs" ? onTheirs[url][method] : 404;
        expect([method, which, res.status]).toEqual([method, which, want]);
      }
    }
  });

  it("the project lists and the export give only their project; duplicates and new leads are not theirs (403)", async () => {
    const call = async (url: string, method: Method = "GET") => {
      const route = routes.find((r) => r.url === url)!;
      const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
      return mod[method](apiRequest(route.sample, { method, cookie, body: method === "POST" ? {} : undefined }), {
        params: Promise.resolve({}),
      });
    };
    const list = await call("/api/v1/projects");
    expect((await list.json()).items.map((p: { id: string }) => p.id)).toEqual([projects.theirs]);
    expect((await call("/api/v1/projects", "POST")).status).toBe(403);
    expect((await call("/api/v1/projects/export")).status).toBe(200);
    expect((await call("/api/v1/projects/duplicates")).status).toBe(403);
    expect(
      routes
        .filter((r) => r.url.startsWith("/api/v1/projects") && !r.url.startsWith("/api/v1/projects/[id]"))
        .map((r) => r.url)
        .sort(),
    ).toEqual(["/api/v1/projects", "/api/v1/projects/duplicates", "/api/v1/projects/export"]);
  });
});

// Every 督办通知 route, walked as each kind of reader of one notice: the approver reads no
// supervision (403); a STAFF member who is not its recipient cannot see it (404), nor manage
// it (403); an admin reads it but neither issues nor answers; the recipient and the manager
// each reach only their own actions (the rule or state answers past that, not 403).
describe("the notice routes", () => {
  type Method = (typeof methods)[number];
  type Who = "approver" | "stranger" | "admin" | "owner" | "manager";
  const body = (url: string, projectId: string) =>
    ({
      "/api/v1/notices": { projectId, subject: "督办", content: "督办内容" },
      "/api/v1/notices/[id]/reply": { reply: "已整改", attachmentIds: ["none"], version: 1 },
      "/api/v1/notices/[id]/reject": { reason: "不具体", version: 1 },
      "/api/v1/notices/[id]/extend": { days: 2, reason: "等待设备", version: 1 },
      "/api/v1/notices/[id]/extension": { grant: true, version: 1 },
    })[url] ?? { version: 1 };
  // [approver, stranger, admin, owner (recipient), manager]
  const table: Record<string, Partial<Record<Method, [number, number, number, number, number]>>> = {
    "/api/v1/notices": { GET: [403, 200, 200, 200, 200], POST: [403, 403, 403, 403, 201] },
    "/api/v1/notices/[id]": { GET: [403, 404, 200, 200, 200] },
    "/api/v1/notices/[id]/reply": { POST: [403, 404, 403, 400, 403] },
    "/api/v1/notices/[id]/accept": { POST: [403, 403, 403, 403, 422] },
    "/api/v1/notices/[id]/reject": { POST: [403, 403, 403, 403, 422] },
    "/api/v1/notices/[id]/close": { POST: [403, 403, 403, 403, 422] },
    "/api/v1/notices/[id]/extend": { POST: [403, 404, 403, 200, 403] },
    "/api/v1/notices/[id]/extension": { POST: [403, 403, 403, 403, 422] },
  };
  const order: Who[] = ["approver", "stranger", "admin", "owner", "manager"];
  const cookies = {} as Record<Who, string>;
  let projectId = "";
  let issuer: Actor;
  const noticeRoutes = routes.filter((r) => r.url.startsWith("/api/v1/notices"));

  beforeAll(async () => {
    const users = {
      approver: await createUser({ role: "APPROVER", departmentId: (await createDepartment({ kind: "PERMIT" })).id }),
      stranger: await createUser({ role: "STAFF" }),
      admin: await createUser({ role: "ADMIN" }),
      owner: await createUser({ role: "STAFF" }),
      manager: await createUser({ role: "MANAGER" }),
    };
    for (const w of order) cookies[w] = await sessionCookie(users[w]);
    issuer = actorOf(users.manager);
    const leader = await createUser({ role: "LEADER" });
    projectId = (await createProject({ ownerId: users.owner.id, leaderId: leader.id })).id;
  });

  it("the table names every notice route", () => {
    expect(noticeRoutes.map((r) => r.url).sort()).toEqual(Object.keys(table).sort());
  });

  it.each(noticeRoutes.map((r) => [r.url, r] as const))("%s", async (url, route) => {
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    expect(methods.filter((m) => typeof mod[m] === "function").sort()).toEqual(Object.keys(table[url]).sort());
    for (const [method, statuses] of Object.entries(table[url]) as [Method, number[]][]) {
      for (const [i, who] of order.entries()) {
        // A fresh notice for each call: no earlier call's change decides this one's answer.
        const notice = await issueNotice({
          actor: issuer,
          input: { projectId, subject: "路由检查", content: "路由检查" },
        });
        const sample = route.sample.replace("sample-id", notice.id);
        const res = await mod[method](
          apiRequest(method === "GET" ? `${sample}?projectId=${projectId}` : sample, {
            method,
            cookie: cookies[who],
            body: method === "GET" ? undefined : body(url, projectId),
          }),
          { params: Promise.resolve({ id: notice.id }) },
        );
        expect([method, who, res.status]).toEqual([method, who, statuses[i]]);
      }
    }
  });
});

// Every 要素保障 route, walked as each kind of reader of one problem: the responsible
// department's approver sees it and works it, another department's approver and a STAFF
// member with no side in it do not see it (404); an admin reads it but acts on nothing; the
// project's owner and leader and a manager each reach their actions; only a manager or the
// project's leader escalates.
describe("the problem routes", () => {
  type Method = (typeof methods)[number];
  type Who = "deptApprover" | "otherApprover" | "stranger" | "admin" | "owner" | "leader" | "manager";
  const order: Who[] = ["deptApprover", "otherApprover", "stranger", "admin", "owner", "leader", "manager"];
  let department = "";
  const body = (url: string, projectId: string) =>
    ({
      "/api/v1/problems": { projectId, title: "用电指标", category: "POWER", department },
      "/api/v1/problems/[id]": { title: "用电指标（改）", version: 1 },
      "/api/v1/problems/[id]/transitions": { to: "IN_PROGRESS", version: 1 },
      "/api/v1/problems/[id]/escalate": { reason: "需协调会", version: 1 },
    })[url] ?? {};
  // [deptApprover, otherApprover, stranger, admin, owner, leader, manager]
  const table: Record<string, Partial<Record<Method, number[]>>> = {
    "/api/v1/problems": { GET: [200, 200, 200, 200, 200, 200, 200], POST: [404, 404, 403, 403, 201, 201, 201] },
    "/api/v1/problems/[id]": { GET: [200, 404, 404, 200, 200, 200, 200], PATCH: [403, 404, 404, 403, 200, 200, 200] },
    "/api/v1/problems/[id]/transitions": { POST: [200, 404, 404, 403, 200, 200, 200] },
    "/api/v1/problems/[id]/escalate": { POST: [403, 403, 403, 403, 403, 200, 200] },
    "/api/v1/problems/export": { GET: [200, 200, 200, 200, 200, 200, 200] },
    "/api/v1/problems/stats": { GET: [200, 200, 200, 200, 200, 200, 200] },
  };
  const cookies = {} as Record<Who, string>;
  let projectId = "";
  let raiser: Actor;
  const problemRoutes = routes.filter((r) => r.url.startsWith("/api/v1/problems"));

  beforeAll(async () => {
    const dept = await createDepartment();
    department = dept.code;
    const users = {
      deptApprover: await createUser({ role: "APPROVER", departmentId: dept.id }),
      otherApprover: await createUser({ role: "APPROVER", departmentId: (await createDepartment()).id }),
      stranger: await createUser({ role: "STAFF" }),
      admin: await createUser({ role: "ADMIN" }),
      owner: await createUser({ role: "STAFF" }),
      leader: await createUser({ role: "LEADER" }),
      manager: await createUser({ role: "MANAGER" }),
    };
    for (const w of order) cookies[w] = await sessionCookie(users[w]);
    raiser = actorOf(users.manager);
    projectId = (await createProject({ ownerId: users.owner.id, leaderId: users.leader.id })).id;
  });

  it("the table names every problem route", () => {
    expect(problemRoutes.map((r) => r.url).sort()).toEqual(Object.keys(table).sort());
  });

  it.each(problemRoutes.map((r) => [r.url, r] as const))("%s", async (url, route) => {
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    expect(methods.filter((m) => typeof mod[m] === "function").sort()).toEqual(Object.keys(table[url]).sort());
    for (const [method, statuses] of Object.entries(table[url]) as [Method, number[]][]) {
      for (const [i, who] of order.entries()) {
        // A fresh problem for each call: no earlier call's change decides this one's answer.
        const problem = await raiseProblem({
          actor: raiser,
          input: { projectId, title: "路由检查", category: "LAND", department },
        });
        const sample = route.sample.replace("sample-id", problem.id);
        const res = await mod[method](
          apiRequest(sample, {
            method,
            cookie: cookies[who],
            body: method === "GET" ? undefined : body(url, projectId),
          }),
          { params: Promise.resolve({ id: problem.id }) },
        );
        expect([method, who, res.status]).toEqual([method, who, statuses[i]]);
      }
    }
  });
});

// Every meeting route, walked as each kind of reader of one meeting: an approver who does not
// attend it cannot see it (404; the list answers only the meetings they attend); staff and
// admins read it but change nothing (403); the chair (a leader) signs it off and nothing else;
// the manager schedules, edits and decides, but does not sign off another's minutes.
describe("the meeting routes", () => {
  type Method = (typeof methods)[number];
  type Who = "approver" | "staff" | "admin" | "chair" | "manager";
  // [approver (not attending), staff, admin, chair, manager]
  const table: Record<string, Partial<Record<Method, [number, number, number, number, number]>>> = {
    "/api/v1/meetings": { GET: [200, 200, 200, 200, 200], POST: [403, 403, 403, 403, 201] },
    "/api/v1/meetings/[id]": { GET: [404, 200, 200, 200, 200], PATCH: [403, 403, 403, 403, 200] },
    "/api/v1/meetings/[id]/decisions": { POST: [403, 403, 403, 403, 201] },
    "/api/v1/meetings/[id]/sign-off": { POST: [404, 403, 403, 200, 403] },
    "/api/v1/meetings/agenda-proposal": { GET: [403, 403, 403, 403, 200] },
  };
  const order: Who[] = ["approver", "staff", "admin", "chair", "manager"];
  const cookies = {} as Record<Who, string>;
  let organiser: Actor;
  let chairId = "";
  let projectId = "";
  let departmentCode = "";
  const meetingRoutes = routes.filter((r) => r.url.startsWith("/api/v1/meetings"));
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    const users = {
      approver: await createUser({ role: "APPROVER", departmentId: (await createDepartment({ kind: "PERMIT" })).id }),
      staff: await createUser({ role: "STAFF" }),
      admin: await createUser({ role: "ADMIN" }),
      chair: await createUser({ role: "LEADER" }),
      manager: await createUser({ role: "MANAGER" }),
    };
    for (const w of order) cookies[w] = await sessionCookie(users[w]);
    organiser = actorOf(users.manager);
    chairId = users.chair.id;
    projectId = (await createProject({ leaderId: users.chair.id })).id;
    // Problems name their department by its code, as people type it (upper case).
    const department = await createDepartment({ kind: "BUREAU" });
    departmentCode = `ROUTE${department.id.slice(-6).toUpperCase()}`;
    await getDb().department.update({ where: { id: department.id }, data: { code: departmentCode } });
  });

  const body = (url: string, meeting: { items: { id: string }[] }) =>
    ({
      "/api/v1/meetings": { kind: "COORDINATION", title: "协调会", startsAt: `${inAWeek}T09:00`, chairId },
      "/api/v1/meetings/[id]": { title: "改标题", version: 1 },
      "/api/v1/meetings/[id]/decisions": {
        agendaItemId: meeting.items[0].id,
        type: "PROBLEM",
        problem: { title: "用地", category: "LAND", department: departmentCode, dueDate: inAWeek },
      },
    })[url] ?? { version: 1 };

  it("the table names every meeting route", () => {
    expect(meetingRoutes.map((r) => r.url).sort()).toEqual(Object.keys(table).sort());
  });

  it.each(meetingRoutes.map((r) => [r.url, r] as const))("%s", async (url, route) => {
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    expect(methods.filter((m) => typeof mod[m] === "function").sort()).toEqual(Object.keys(table[url]).sort());
    for (const [method, statuses] of Object.entries(table[url]) as [Method, number[]][]) {
      for (const [i, who] of order.entries()) {
        // A fresh meeting for each call, its one item with minutes (ready to sign off).
        const meeting = await createMeeting({
          actor: organiser,
          input: {
            kind: "COORDINATION",
            title: "路由检查",
            startsAt: `${inAWeek}T09:00`,
            chairId,
            items: [{ kind: "PROJECT", projectId, title: "议题", minutes: "同意" }],
          },
        });
        const sample = route.sample.replace("sample-id", meeting.id);
        const res = await mod[method](
          apiRequest(method === "GET" && url.endsWith("proposal") ? `${sample}?kind=MONTHLY` : sample, {
            method,
            cookie: cookies[who],
            body: method === "GET" ? undefined : body(url, meeting),
          }),
          { params: Promise.resolve({ id: meeting.id }) },
        );
        expect([method, who, res.status]).toEqual([method, who, statuses[i]]);
      }
    }
  });
});

// Every 周通报 route as each role: every role reads the bulletins (they are circulated to all
// units); only a manager generates one or previews the current week's draft.
describe("the bulletin routes", () => {
  type Method = (typeof methods)[number];
  type Who = "approver" | "staff" | "leader" | "admin" | "manager";
  const order: Who[] = ["approver", "staff", "leader", "admin", "manager"];
  const table: Record<string, Partial<Record<Method, [number, number, number, number, number]>>> = {
    "/api/v1/bulletins": { GET: [200, 200, 200, 200, 200], POST: [403, 403, 403, 403, 201] },
    "/api/v1/bulletins/[id]": { GET: [200, 200, 200, 200, 200] },
    "/api/v1/bulletins/[id]/export": { GET: [200, 200, 200, 200, 200] },
    "/api/v1/bulletins/preview": { GET: [403, 403, 403, 403, 200] },
  };
  const cookies = {} as Record<Who, string>;
  const weekStart = previousWeek(shanghaiToday()).weekStart;
  let id = "";
  const bulletinRoutes = routes.filter((r) => r.url.startsWith("/api/v1/bulletins"));

  beforeAll(async () => {
    for (const w of order)
      cookies[w] = await sessionCookie(
        await createUser({
          role: w.toUpperCase() as Role,
          departmentId: w === "approver" ? (await createDepartment({ kind: "PERMIT" })).id : undefined,
        }),
      );
    id = (await generateBulletin(getDb(), { actor: null, input: { weekStart } }))!.id;
  });

  it("the table names every bulletin route", () => {
    expect(bulletinRoutes.map((r) => r.url).sort()).toEqual(Object.keys(table).sort());
  });

  it.each(bulletinRoutes.map((r) => [r.url, r] as const))("%s", async (url, route) => {
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    expect(methods.filter((m) => typeof mod[m] === "function").sort()).toEqual(Object.keys(table[url]).sort());
    for (const [method, statuses] of Object.entries(table[url]) as [Method, number[]][])
      for (const [i, who] of order.entries()) {
        const res = await mod[method](
          apiRequest(route.sample.replace("sample-id", id), {
            method,
            cookie: cookies[who],
            body: method === "GET" ? undefined : { weekStart },
          }),
          { params: Promise.resolve({ id }) },
        );
        expect([method, who, res.status]).toEqual([method, who, statuses[i]]);
      }
  });
});

// The 政策兑现 and 签约周 routes as each role: measures and the project's incentives are read by
// every reader of projects (an approver only on a project of theirs, and not its work: 404);
// measures and events change for MANAGER and ADMIN only, grants for MANAGER only (403 otherwise);
// the totals are the managers' and admins'; events are read by the bureau, not approvers.
describe("the incentive and signing-week routes", () => {
  type Method = (typeof methods)[number];
  type Who = "staff" | "leader" | "approver" | "admin" | "manager";
  const order: Who[] = ["staff", "leader", "approver", "admin", "manager"];
  // [staff, leader, approver, admin, manager]; a fresh measure, project and event for each call.
  const table: Record<string, Partial<Record<Method, number[]>>> = {
    "/api/v1/incentive-measures": { GET: [200, 200, 200, 200, 200], POST: [403, 403, 403, 201, 201] },
    "/api/v1/incentive-measures/[id]": { PATCH: [403, 403, 403, 200, 200] },
    "/api/v1/reports/incentives": { GET: [403, 403, 403, 200, 200] },
    "/api/v1/reports/incentives/export": { GET: [403, 403, 403, 200, 200] },
    "/api/v1/signing-weeks": { GET: [200, 200, 403, 200, 200], POST: [403, 403, 403, 201, 201] },
    "/api/v1/signing-weeks/[id]": { GET: [200, 200, 403, 200, 200], PATCH: [403, 403, 403, 200, 200] },
    "/api/v1/signing-weeks/[id]/candidates": { POST: [403, 403, 403, 201, 201] },
    "/api/v1/signing-weeks/[id]/candidates/[projectId]": {
      PATCH: [403, 403, 403, 200, 200],
      DELETE: [403, 403, 403, 200, 200],
    },
    "/api/v1/signing-weeks/[id]/proposal": { GET: [200, 200, 403, 200, 200] },
    "/api/v1/signing-weeks/[id]/export": { GET: [200, 200, 403, 200, 200] },
  };
  const cookies = {} as Record<Who, string>;
  let n = 0;
  const ours = routes.filter(
    (r) =>
      r.url.startsWith("/api/v1/incentive-measures") ||
      r.url.startsWith("/api/v1/signing-weeks") ||
      r.url.startsWith("/api/v1/reports/incentives"),
  );

  beforeAll(async () => {
    for (const w of order) cookies[w] = await sessionCookie(await createUser({ role: w.toUpperCase() as Role }));
  });

  it("the table names every route", () => {
    expect(ours.map((r) => r.url).sort()).toEqual(Object.keys(table).sort());
  });

  it.each(ours.map((r) => [r.url, r] as const))("%s", async (url, route) => {
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    expect(methods.filter((m) => typeof mod[m] === "function").sort()).toEqual(Object.keys(table[url]).sort());
    const db = getDb();
    for (const [method, statuses] of Object.entries(table[url]) as [Method, number[]][]) {
      for (const [i, who] of order.entries()) {
        n += 1;
        const tag = `${Date.now()}-${n}`;
        const measure = await db.incentiveMeasure.create({
          data: {
            name: `路由检查${tag}`,
            category: "FINANCE",
            field: "totalInvestment",
            tiers: [{ from: "0.00", to: null, rate: "0.01" }],
            years: 1,
            validFrom: new Date("2024-01-01T00:00:00Z"),
            active: false,
          },
        });
        const project = await createProject({ stage: "NEGOTIATING" });
        const event = await db.signingWeek.create({
          data: {
            name: `路由检查${tag}`,
            startDate: new Date("2030-01-07T00:00:00Z"),
            endDate: new Date("2030-01-11T00:00:00Z"),
            createdById: project.ownerId,
            candidates: { create: { projectId: project.id, addedById: project.ownerId } },
          },
        });
        const other = await createProject({ stage: "NEGOTIATING" });
        const body = (
          {
            "POST /api/v1/incentive-measures": {
              name: `新措施${tag}`,
              category: "FINANCE",
              field: "totalInvestment",
              tiers: [{ from: "0", to: null, rate: "0.01" }],
              years: 1,
              validFrom: "2024-01-01",
            },
            "PATCH /api/v1/incentive-measures/[id]": { description: "改", version: 1 },
            "POST /api/v1/signing-weeks": { name: `新活动${tag}`, startDate: "2030-02-04", endDate: "2030-02-08" },
            "PATCH /api/v1/signing-weeks/[id]": { note: "改", version: 1 },
            "POST /api/v1/signing-weeks/[id]/candidates": { projectId: other.id, version: 1 },
            "PATCH /api/v1/signing-weeks/[id]/candidates/[projectId]": { confirmed: true, version: 1 },
            "DELETE /api/v1/signing-weeks/[id]/candidates/[projectId]": { version: 1 },
          } as Record<string, unknown>
        )[`${method} ${url}`];
        const id = url.startsWith("/api/v1/incentive-measures") ? measure.id : event.id;
        const sample = route.sample.replace("sample-id", id).replace("sample-id", project.id);
        const res = await mod[method](
          apiRequest(sample, { method, cookie: cookies[who], body: method === "GET" ? undefined : (body ?? {}) }),
          { params: Promise.resolve({ id, projectId: project.id }) },
        );
        expect([method, who, res.status]).toEqual([method, who, statuses[i]]);
      }
    }
  });
});

// 挂图作战 as each role: whoever reads the grid reads the board (every role, each its own
// projects: an approver only those with an item of their department); a filter naming
// nothing is 400 for everyone.
describe("the war room route", () => {
  type Who = "approver" | "staff" | "leader" | "admin" | "manager";
  const order: Who[] = ["approver", "staff", "leader", "admin", "manager"];
  const cookies = {} as Record<Who, string>;
  const warRoomRoutes = routes.filter((r) => r.url.startsWith("/api/v1/reports/war-room"));
  let onlyTheirs = "";

  beforeAll(async () => {
    const department = await createDepartment({ kind: "PERMIT" });
    for (const w of order)
      cookies[w] = await sessionCookie(
        await createUser({ role: w.toUpperCase() as Role, departmentId: w === "approver" ? department.id : undefined }),
      );
    onlyTheirs = (await createProject({ stage: "SIGNED" })).id;
    await createPermitItem({ projectId: onlyTheirs, departmentId: department.id });
  });

  it("the table names the route", () => {
    expect(warRoomRoutes.map((r) => r.url)).toEqual(["/api/v1/reports/war-room"]);
  });

  it.each(order)("%s reads the board (200) and gets 400 for a park that does not exist", async (who) => {
    const route = warRoomRoutes[0];
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    expect(methods.filter((m) => typeof mod[m] === "function")).toEqual(["GET"]);
    const ok = await mod.GET(apiRequest(route.sample, { cookie: cookies[who] }), { params: Promise.resolve({}) });
    expect([who, ok.status]).toEqual([who, 200]);
    const cards = ((await ok.json()).columns as { cards: { id: string }[] }[]).flatMap((c) => c.cards.map((x) => x.id));
    if (who === "approver") expect(cards).toEqual([onlyTheirs]);
    const bad = await mod.GET(apiRequest(`${route.sample}?park=NO-SUCH-PARK`, { cookie: cookies[who] }), {
      params: Promise.resolve({}),
    });
    expect([who, bad.status]).toEqual([who, 400]);
  });
});

describe("the target and dashboard routes", () => {
  type Method = (typeof methods)[number];
  type Who = "approver" | "staff" | "leader" | "admin" | "manager";
  const order: Who[] = ["approver", "staff", "leader", "admin", "manager"];
  // 年度目标: read by all but approvers (staff their own), changed by managers and admins; the
  // dashboard: staff their own figures, leaders, managers and admins the district's.
  const table: Record<string, Partial<Record<Method, [number, number, number, number, number]>>> = {
    "/api/v1/targets": { GET: [403, 200, 200, 200, 200], PUT: [403, 403, 403, 200, 200] },
    "/api/v1/reports/dashboard": { GET: [403, 200, 200, 200, 200] },
    "/api/v1/reports/dashboard/export": { GET: [403, 200, 200, 200, 200] },
  };
  const cookies = {} as Record<Who, string>;
  const targetRoutes = routes.filter((r) => r.url in table);

  beforeAll(async () => {
    for (const w of order)
      cookies[w] = await sessionCookie(
        await createUser({
          role: w.toUpperCase() as Role,
          departmentId: w === "approver" ? (await createDepartment({ kind: "PERMIT" })).id : undefined,
        }),
      );
  });

  it("the table names every target and dashboard route", () => {
    expect(
      routes
        .filter((r) => r.url === "/api/v1/targets" || r.url.startsWith("/api/v1/reports/dashboard"))
        .map((r) => r.url)
        .sort(),
    ).toEqual(Object.keys(table).sort());
  });

  it.each(targetRoutes.map((r) => [r.url, r] as const))("%s", async (url, route) => {
    const mod = (await import(route.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    expect(methods.filter((m) => typeof mod[m] === "function").sort()).toEqual(Object.keys(table[url]).sort());
    let version: number | undefined;
    for (const [method, statuses] of Object.entries(table[url]) as [Method, number[]][])
      for (const [i, who] of order.entries()) {
        const res = await mod[method](
          apiRequest(`${route.sample}?year=2030&table=funnel`, {
            method,
            cookie: cookies[who],
            body:
              method === "GET"
                ? undefined
                : {
                    year: 2030,
                    items: [{ unit: "DISTRICT", unitId: null, indicator: "SIGNED_COUNT", annual: "5" }],
                    version,
                  },
          }),
          { params: Promise.resolve({}) },
        );
        expect([method, who, res.status]).toEqual([method, who, statuses[i]]);
        if (method === "PUT" && res.status === 200) version = (await res.json()).version;
      }
  });
});

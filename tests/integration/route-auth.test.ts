// Every route file under app/ requires a session, except the public allow-list.
// Route handlers are called without a cookie (and with a forged one) and must answer
// 401; page files are checked here for their guard and over HTTP in the browser tests
// (tests/e2e/auth.spec.ts walks the same list).
import fs from "node:fs";
import path from "node:path";
import { apiRequest, createDepartment, createPermitItem, createProject, createUser, sessionCookie } from "../factories";
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
        "/api/v1/settings/supervision",
      ]),
    );
    expect(pages.map((p) => p.url)).toEqual(
      expect.arrayContaining(["/", "/projects", "/admin/users", "/admin/supervision", "/login"]),
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
    "/api/v1/projects/[id]/permit-case": { GET: 200, POST: 403 },
    "/api/v1/projects/[id]/transitions": { POST: 403 },
  };
  // Valid input for each change, so that each reaches the project before anything else refuses it.
  const bodies: Record<string, unknown> = {
    "PATCH /api/v1/projects/[id]": { name: "改名", version: 1 },
    "POST /api/v1/projects/[id]/activities": { type: "CALL", date: "2026-11-01", notes: "越权记录" },
    "POST /api/v1/projects/[id]/capital-increases": { date: "2026-11-01", amount: "100", version: 1 },
    "POST /api/v1/projects/[id]/permit-case": { applicant: "某企业" },
    "POST /api/v1/projects/[id]/transitions": { to: "NEGOTIATING", version: 1 },
  };
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
        const sample = route.sample.replace("sample-id", id);
        const res = await mod[method](request(url, sample, method, cookie), { params: Promise.resolve({ id }) });
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

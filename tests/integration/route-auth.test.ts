// Every route file under app/ requires a session, except the public allow-list.
// Route handlers are called without a cookie (and with a forged one) and must answer
// 401; page files are checked here for their guard and over HTTP in the browser tests
// (tests/e2e/auth.spec.ts walks the same list).
import fs from "node:fs";
import path from "node:path";
import { apiRequest } from "../factories";
import { appRoutes } from "../support/app-routes";

// The catch-all answers a JSON 404 to anyone: an unknown path reveals nothing.
const publicRoutes = new Set(["/api/auth/[...nextauth]", "/api/v1/health", "/api/v1/[...path]"]);
const publicPages = new Set(["/login"]);
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

const { routes, pages } = appRoutes();

describe("every route needs a session", () => {
  it("finds the route files", () => {
    expect(routes.map((r) => r.url)).toEqual(
      expect.arrayContaining(["/api/v1/me", "/api/v1/projects", "/api/v1/users", "/api/v1/health"]),
    );
    expect(pages.map((p) => p.url)).toEqual(expect.arrayContaining(["/", "/projects", "/admin/users", "/login"]));
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

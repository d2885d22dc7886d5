import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import { loginAs } from "./fixtures";

async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A page served from another port on the same host: same-site for the browser, another origin. */
async function attackerSite(html: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

test("a page on another port cannot change data with the signed-in user's cookie", async ({ page, baseURL }) => {
  await loginAs(page, "admin");
  const [{ id: staffId }] = await sql<{ id: string }>("select id from users where username = 'staff'");
  const countProjects = async () => Number((await sql<{ n: string }>("select count(*) n from projects"))[0].n);
  const before = await countProjects();
  const refusedBefore = Number(
    (await sql<{ n: string }>("select count(*) n from security_events where type = 'CROSS_SITE_REFUSED'"))[0].n,
  );
  const evil = await attackerSite(`<!doctype html><html><body>
    <form id="f" method="POST" action="${baseURL}/api/v1/users/${staffId}/password" enctype="text/plain">
      <input name='{"password":"Pwned2026x","x":"' value='"}'>
    </form>
    <script>
      fetch("${baseURL}/api/v1/projects", {
        method: "POST", mode: "no-cors", credentials: "include",
        headers: { "content-type": "text/plain" },
        body: JSON.stringify({ name: "跨站伪造项目", enterpriseName: "攻击者企业", industryId: "x", totalInvestment: "1" }),
      }).finally(() => { document.title = "fetched"; document.getElementById("f").submit(); });
    </script></body></html>`);
  try {
    const answer = page.waitForResponse((r) => r.url().includes(`/users/${staffId}/password`));
    await page.goto(evil.url);
    const res = await answer;
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("CROSS_SITE");
  } finally {
    evil.close();
  }
  expect(await countProjects()).toBe(before);
  const refusedAfter = Number(
    (await sql<{ n: string }>("select count(*) n from security_events where type = 'CROSS_SITE_REFUSED'"))[0].n,
  );
  expect(refusedAfter).toBeGreaterThanOrEqual(refusedBefore + 2);
  // The staff member's password is still the demo password.
  const other = await page.context().browser()!.newPage();
  await loginAs(other, "staff");
  await other.close();
});

test("a server action posted from another origin is refused with a clean 403", async ({ page, request }) => {
  await loginAs(page, "staff");
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const res = await request.post("/projects", {
    headers: {
      cookie: cookies,
      "next-action": "0".repeat(40),
      origin: "http://evil.example",
      "content-type": "text/plain",
    },
    data: "[]",
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("CROSS_SITE");
});

test("every page and API answer carries the security headers; scripts run only with the nonce", async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  await loginAs(page, "manager");
  const res = await page.goto("/projects");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The page works under the policy: its scripts carry the nonce and the grid is interactive.
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"])![1];
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const scripts = await page
    .locator("script")
    .evaluateAll((list) =>
      list.map((x) => ({ src: (x as HTMLScriptElement).src, nonce: (x as HTMLScriptElement).nonce })),
    );
  expect(scripts.filter((x) => x.src && x.nonce !== nonce)).toEqual([]);
  await page.getByRole("link", { name: "企业库" }).click();
  await expect(page).toHaveURL(/\/enterprises/);
  expect(violations).toEqual([]);
  const api = await request.get("/api/v1/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("the security log records the socket's address, not a forged X-Forwarded-For", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "6.6.6.6" });
  await page.goto("/login");
  await page.locator("#username").fill("forged.address.test");
  await page.locator("#password").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toBeVisible();
  const rows = await sql<{ ip: string }>("select ip from security_events where username = 'forged.address.test'");
  expect(rows.map((r) => r.ip)).toEqual(["127.0.0.1"]);
});

test("a body over the upload limit is answered 413 with the size, before it is read", async ({ page }) => {
  await loginAs(page, "staff");
  const [{ id }] = await sql<{ id: string }>(
    "select p.id from projects p join users u on u.id = p.\"ownerId\" where u.username = 'staff' limit 1",
  );
  const res = await page.request.post(`/api/v1/projects/${id}/attachments`, {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(22 * 1024 * 1024, 1) } },
  });
  expect(res.status()).toBe(413);
  expect((await res.json()).error.message).toBe("请求内容超过大小上限（20 MB）");
});

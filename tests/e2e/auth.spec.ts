import { expect, test } from "@playwright/test";
import { appRoutes } from "../support/app-routes";
import { loginThroughForm } from "./fixtures";

test("staff logs in, sees the Chinese shell, switches to English and logs out", async ({ page }) => {
  await loginThroughForm(page, "staff");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("current-user")).toContainText("张伟");
  await expect(page.getByTestId("current-role")).toHaveText("招商专员");
  const nav = page.getByTestId("sidebar-nav");
  await expect(nav.getByRole("link", { name: "工作台" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "招商项目库" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(0);
  // The home page counts come from the database: as many signed projects as the API lists.
  const signed = await page.request.get("/api/v1/projects?stage=SIGNED&pageSize=1");
  const { total } = (await signed.json()) as { total: number };
  expect(total).toBeGreaterThan(1);
  await expect(page.getByTestId("stage-summary-SIGNED")).toHaveText(String(total));

  await page.getByTestId("language-switch").selectOption("en");
  await expect(nav.getByRole("link", { name: "Projects" })).toBeVisible();
  await expect(page.getByTestId("current-role")).toHaveText("Investment staff");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByTestId("logout").click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login/);
  // Back to Chinese for the other tests of this browser context.
  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
});

test("a wrong password shows an error and does not log in", async ({ page }) => {
  await page.goto("/login");
  await page.locator("#username").fill("staff");
  await page.locator("#password").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("five wrong passwords lock the username", async ({ page }) => {
  await page.goto("/login");
  await page.locator("#username").fill("nobody.e2e");
  for (let i = 1; i <= 5; i++) {
    await page.locator("#password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("login-error")).toHaveText(i < 5 ? "用户名或密码错误" : /已锁定.*1 分钟/);
  }
});

test("a callback that points off-site after login lands on the home page", async ({ page, baseURL }) => {
  for (const callback of ["/%5C127.0.0.2:9/pwned", "/%09/127.0.0.2:9/pwned", "//evil.example/x"]) {
    await page.goto(`/login?callbackUrl=${callback}`);
    await page.locator("#username").fill("staff");
    await page.locator("#password").fill("Demo@2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await page.getByTestId("logout").click();
    await expect(page).toHaveURL(/\/login/);
  }
});

test("every page sends a signed-out visitor to the login page", async ({ request }) => {
  const pages = appRoutes().pages.filter((p) => p.url !== "/login");
  expect(pages.length).toBeGreaterThan(3);
  for (const p of pages) {
    const res = await request.get(p.sample, { maxRedirects: 0 });
    expect([p.sample, res.status()]).toEqual([p.sample, 307]);
    expect(res.headers().location).toMatch(/^\/login/);
  }
});

test("the health check answers without a session", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.status()).toBe(200);
  // SPEC §10's fields, and the instance's job runner beside them (started with the server).
  const body = await res.json();
  expect(body).toEqual({ status: "ok", db: "ok", jobs: expect.stringMatching(/^(ok|starting)$/) });
});

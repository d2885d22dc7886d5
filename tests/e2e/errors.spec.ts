import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";

test("an unknown API path answers a JSON 404 in the error format, never a page", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/v1/no-such-thing"],
    ["POST", "/api/v1/projects/x/no-such-action"],
    ["DELETE", "/api/v1/a/b/c"],
  ] as const) {
    const res = await request.fetch(path, { method, headers: { "accept-language": "en" } });
    expect([path, res.status()]).toEqual([path, 404]);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "Not found" } });
  }
  // The routes that exist still answer as themselves.
  expect((await request.get("/api/v1/health")).status()).toBe(200);
  expect((await request.get("/api/v1/projects")).status()).toBe(401);
});

test("field messages name the field in the page's language", async ({ page, context }) => {
  await loginAs(page, "staff");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto("/projects/new");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator('[data-field-error="f-name"]')).toHaveText("Enter the project name");
  await page.locator("#f-name").fill("项".repeat(101));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator('[data-field-error="f-name"]')).toHaveText(
    "The project name may have at most 100 characters",
  );
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
});

test("a bad filter in a list's URL is named above the list, which shows everything", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/enterprises?local=maybe");
  await expect(page.getByTestId("filter-error")).toHaveText("筛选条件有误（请从列表中选择本地/外地），已显示全部");
  await expect(page.locator("table tbody tr").first()).toBeVisible();
  await page.goto("/permits?state=NOPE&page=0");
  await expect(page.getByTestId("filter-error")).toContainText("请从列表中选择案件状态");
  await expect(page.getByTestId("filter-error")).toContainText("页码不能小于 1");
});

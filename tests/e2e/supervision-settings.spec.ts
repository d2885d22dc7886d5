import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";

// 管理员 → 督办规则: the admin changes a threshold and is told the colours follow; a yellow
// threshold not below the red one is refused at its field, and nothing is saved.
test("the admin changes a threshold on 督办规则; yellow ≥ red is refused at its field", async ({ page, request }) => {
  // The server started its job runner (instrumentation.ts), which runs the recompute.
  expect(await (await request.get("/api/v1/health")).json()).toMatchObject({ status: "ok", db: "ok", jobs: "ok" });

  await loginAs(page, "admin");
  await page.goto("/");
  await page.getByRole("link", { name: "督办规则" }).click();
  await expect(page).toHaveURL(/\/admin\/supervision$/);
  await expect(page.getByRole("heading", { name: "督办规则" })).toBeVisible();

  const yellow = page.getByLabel("黄色预警：落后序时进度（个百分点）");
  const red = page.getByLabel("红色预警：落后序时进度（个百分点）");
  await expect(yellow).toHaveValue("10");
  await expect(red).toHaveValue("30");
  await expect(page.getByLabel("督办通知默认答复时限（个工作日）")).toHaveValue("3");
  await expect(page.getByLabel("督办提醒时点（%）")).toHaveValue("50");

  await yellow.fill("12");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("督办规则已保存，预警颜色正在后台按新规则重新计算");
  await expect(page.getByText("版本 1")).toBeVisible();

  await yellow.fill("30");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator('[data-field-error="settings-yellowBehindPoints"]')).toHaveText(
    "黄色预警的落后点数须小于红色",
  );
  await page.locator("#settings-noProgressDays").fill("0");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator('[data-field-error="settings-noProgressDays"]')).toContainText("不能小于 1");

  await page.reload();
  await expect(yellow).toHaveValue("12");
  await expect(page.locator("#settings-noProgressDays")).toHaveValue("7");
  await expect(page.getByText("版本 1")).toBeVisible();
});

import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";

test("a lead typed in 亿元 is saved in 万元; two moves in a row without reload; 终止 asks first", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto("/projects/new");
  await page.locator("#f-name").fill("约定惯例验证项目");
  await page.locator("#f-enterpriseName").fill("约定惯例验证科技有限公司");
  await page.locator("#f-industryId").selectOption({ label: "高端装备" });
  // What people type: 1.2亿 in a 万元 field, shown converted before the save.
  await page.locator("#f-totalInvestment").fill("1.2亿");
  await expect(page.getByTestId("money-hint").first()).toHaveText("= 1.20 亿元");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("project-name")).toHaveText("约定惯例验证项目");
  await expect(page.getByTestId("toast")).toHaveText("已保存");
  await page.getByRole("tab", { name: "基本信息" }).click();
  await expect(page.getByTestId("tab-basics")).toContainText("1.20 亿元");

  // Two moves in a row, no reload: the panel shows the new stage's next choice and its fields.
  const stage = page.getByTestId("project-stage");
  await expect(page.locator("#move-to")).toHaveValue("NEGOTIATING");
  await page.getByRole("button", { name: "确认变更" }).click();
  await expect(stage).toHaveText("洽谈");
  await expect(page.getByTestId("toast").last()).toHaveText("已进入洽谈阶段");
  await expect(page.locator("#move-to")).toHaveValue("SIGNED");
  await expect(page.locator("#move-signingDate")).toBeVisible();
  await page.locator("#move-signingDate").fill("2026-11-01");
  await page.locator("#move-contractInvestment").fill("11000万");
  await expect(page.getByTestId("stage-move").getByTestId("money-hint")).toHaveText("= 1.10 亿元");
  await page.getByRole("button", { name: "确认变更" }).click();
  await expect(stage).toHaveText("签约");
  await expect(page.locator("#move-to")).toHaveValue("REGISTERED");

  // 终止 cannot be undone: a dialog names the project; Cancel changes nothing.
  await page.locator("#move-to").selectOption("TERMINATED");
  await page.locator("#move-note").fill("企业决定暂不投资");
  await page.getByRole("button", { name: "确认变更" }).click();
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog).toContainText("终止项目「约定惯例验证项目」？");
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(stage).toHaveText("签约");
  await page.getByRole("button", { name: "确认变更" }).click();
  await page.getByTestId("confirm-yes").click();
  await expect(stage).toHaveText("终止");
});

test("a date of something that happened cannot be in the future: refused at its field", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto("/projects?q=NH-2026-0005");
  await page.getByTestId("projects-grid").getByRole("link").first().click();
  await page.getByRole("tab", { name: "跟进记录" }).click();
  const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await page.locator("#a-date").fill(inThreeDays);
  await page.locator("#a-notes").fill("未来的拜访");
  await page.getByRole("button", { name: "添加记录" }).click();
  await expect(page.locator('[data-field-error="a-date"]')).toHaveText("日期不能晚于今天");
  await expect(page.getByTestId("timeline")).not.toContainText("未来的拜访");
});

test("a save says so, and the row it added lights up", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto("/projects?q=NH-2026-0005");
  await page.getByTestId("projects-grid").getByRole("link").first().click();
  await page.getByRole("tab", { name: "跟进记录" }).click();
  await page.locator("#a-notes").fill("电话回访，确认下周现场踏勘");
  await page.getByRole("button", { name: "添加记录" }).click();
  await expect(page.getByTestId("toast").last()).toHaveText("已保存");
  const row = page.getByTestId("timeline").locator("li", { hasText: "电话回访，确认下周现场踏勘" });
  await expect(row).toHaveAttribute("data-just-saved", "true");
  await expect(row).toHaveClass(/bg-emerald-50/);
  // Only for a moment.
  await expect(row).not.toHaveAttribute("data-just-saved", "true", { timeout: 6000 });
});

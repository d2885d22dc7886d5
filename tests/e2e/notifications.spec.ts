import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";

test("the leader's bell counts the unread; opening one marks it read; mark all read empties it", async ({ page }) => {
  await loginAs(page, "leader");
  const count = page.getByTestId("notification-count");
  await expect(count).toBeVisible();
  const before = Number(await count.textContent());
  // The seed gives the leader three (other tests may have added more).
  expect(before).toBeGreaterThanOrEqual(3);

  await page.getByTestId("notification-bell").click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { name: "通知" })).toBeVisible();
  const unread = page.locator('[data-testid="notification"][data-unread="true"]');
  await expect(unread).toHaveCount(before);
  // Worded, never a code.
  await expect(page.getByTestId("notification-list")).not.toContainText(/planToSign|notifications\./);

  // Opening one goes to its page and marks it read.
  const first = unread.first().getByRole("link");
  const text = (await first.textContent())!;
  const href = (await first.getAttribute("href"))!;
  await first.click();
  // Its page (a project, a notice, a problem, a meeting or a bulletin).
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[?.]/g, "\\$&")}$`));
  await expect(page).not.toHaveURL(/\/notifications/);
  await expect(count).toHaveText(String(before - 1));
  await page.goto("/notifications");
  await expect(page.getByTestId("notification-list").getByText(text, { exact: true }).first()).toBeVisible();
  await expect(unread).toHaveCount(before - 1);

  await page.getByTestId("mark-all-read").click();
  await expect(page.getByRole("status").filter({ hasText: `已将 ${before - 1} 条通知标为已读` })).toBeVisible();
  await expect(count).toBeHidden();
  await expect(unread).toHaveCount(0);
  await expect(page.getByTestId("unread-total")).toHaveText("0 条未读");
  await page.goto("/notifications?unread=true");
  await expect(page.getByText("没有未读通知")).toBeVisible();
});

test("the admin adds a 企业微信 robot; a bad URL is refused at its field; delete asks first", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/admin/webhooks");
  await expect(page.getByRole("heading", { name: "群机器人" })).toBeVisible();
  await page.locator("#new-webhook-name").fill("招商局工作群");
  await page.locator("#new-webhook-kind").selectOption("WECOM");
  await page.locator("#new-webhook-url").fill("ftp://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e");
  await page.getByLabel("红灯预警（严重滞后）").check();
  await page.getByRole("button", { name: "添加机器人" }).click();
  await expect(page.locator('[data-field-error="new-webhook-url"]')).toHaveText(
    "Webhook 地址须以 http:// 或 https:// 开头",
  );
  await expect(page.getByTestId("webhooks-table")).toHaveCount(0);

  await page.locator("#new-webhook-url").fill("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e-0001");
  await page.getByRole("button", { name: "添加机器人" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已添加机器人「招商局工作群」" })).toBeVisible();
  const row = page.locator('tr[data-testid="webhook-row"][data-name="招商局工作群"]');
  await expect(row).toContainText("企业微信");
  await expect(row).toContainText("红灯预警（严重滞后）");
  await expect(row).toContainText("全局（所有单位）");
  // The robot's key is not shown again.
  await expect(row).not.toContainText("e2e-0001");

  await row.getByRole("button", { name: "发送测试消息" }).click();
  await expect(page.getByRole("status").filter({ hasText: "测试消息已加入发送队列" })).toBeVisible();
  await row.getByRole("link", { name: /待发 1/ }).click();
  await expect(page.getByTestId("deliveries-table")).toContainText("测试消息");
  await expect(page.getByTestId("deliveries-table")).toContainText("待发送");

  await page.goto("/admin/webhooks");
  await row.getByRole("button", { name: "删除" }).click();
  await expect(page.getByTestId("confirm-dialog")).toContainText("删除机器人「招商局工作群」？");
  await page.getByTestId("confirm-yes").click();
  await expect(page.getByRole("status").filter({ hasText: "已删除机器人「招商局工作群」" })).toBeVisible();
  await expect(row).toHaveCount(0);
});

import { expect, test } from "@playwright/test";
import { pdfText } from "./pdf-text";
import { loginAs } from "./fixtures";

// 督办通知 end to end: a manager issues a notice from a RED project's 督办 tab (the seeded
// 科莱福 project, RED with its reasons), the leader finds it in the inbox (the bell) and under
// 督办通知 as 待办 and answers with an attachment, the manager closes it after the
// confirmation, and the notice prints to an A4 PDF.
test("a manager issues a notice; the leader answers with evidence; the manager closes it; it prints", async ({
  page,
  browser,
}) => {
  const subject = `加快设备安装调试 ${Date.now().toString(36)}`;
  await loginAs(page, "manager");
  await page.goto("/projects?q=NH-2026-0001&mine=0");
  await page.getByRole("link", { name: "科莱福光电光刻胶材料项目" }).first().click();
  await page.getByRole("tab", { name: "督办" }).click();
  await expect(page.getByTestId("supervision-tab")).toContainText("严重滞后");
  const section = page.getByTestId("notice-section");
  const form = section.getByTestId("issue-notice-form");
  await section.getByTestId("issue-notice-toggle").click();
  // The template names the project and the default days.
  await expect(form.locator("#notice-content")).toHaveValue(/科莱福光电光刻胶材料项目/);
  await expect(form.locator("#notice-replyDays")).toHaveValue("3");
  await expect(form.locator("#notice-resolveDays")).toHaveValue("15");
  await form.locator("#notice-subject").fill(subject);
  await form.getByRole("button", { name: "发出督办通知" }).click();
  await expect(page.getByTestId("toast").last()).toHaveText(/^已发出 督办〔\d{4}〕\d+号$/);
  await expect(page).toHaveURL(/\/supervision\/notices\/[^/]+$/);
  const noticeUrl = page.url();
  const title = await page.getByTestId("notice-title").innerText();
  const number = /督办〔\d{4}〕\d+号/.exec(title)![0];
  await expect(page.getByTestId("notice-state")).toHaveText("待答复");
  await expect(page.getByTestId("breadcrumbs")).toContainText(number);

  // The leader: 督办通知 in the sidebar, the notice among the 待办, the reply with an upload.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await loginAs(leader, "leader");
  // The inbox: the bell leads to the notice.
  await leader.getByTestId("notification-bell").click();
  const entry = leader.getByTestId("notification").filter({ hasText: number }).first();
  await expect(entry).toContainText(subject);
  await entry.getByRole("link").click();
  await expect(leader).toHaveURL(new RegExp(`${new URL(noticeUrl).pathname}$`));
  await leader.getByTestId("sidebar-nav").getByRole("link", { name: "督办通知" }).click();
  const row = leader.getByTestId("notice-row").filter({ hasText: subject });
  await expect(row).toContainText("待办");
  await row.getByRole("link", { name: number }).click();
  const reply = leader.getByTestId("notice-reply-form");
  await reply.locator("#notice-reply").fill("已协调设备厂家增派工程师，倒排安装调试计划。");
  await reply.getByRole("button", { name: "提交答复" }).click();
  // Without evidence the reply is refused at the field.
  await expect(reply.locator('[data-field-error="attachmentIds"]')).toHaveText("请至少上传一份佐证材料");
  await reply.getByTestId("evidence-file").setInputFiles({
    name: "安装调试计划.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% 安装调试计划\n"),
  });
  await expect(reply.getByTestId("evidence-list")).toContainText("安装调试计划.pdf");
  await reply.getByRole("button", { name: "提交答复" }).click();
  await expect(leader.getByTestId("toast").last()).toHaveText("已提交答复");
  await expect(leader.getByTestId("notice-state")).toHaveText("已答复");
  await expect(leader.getByTestId("notice-evidence")).toContainText("安装调试计划.pdf");
  await leaderContext.close();

  // The manager closes it, asked first.
  await page.goto(noticeUrl);
  await expect(page.getByTestId("notice-reply")).toContainText("倒排安装调试计划");
  await page.getByTestId("notice-close").click();
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog).toContainText(`办结销号「${number}」？`);
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(page.getByTestId("notice-state")).toHaveText("已答复");
  await page.getByTestId("notice-close").click();
  await page.getByTestId("confirm-yes").click();
  await expect(page.getByTestId("toast").last()).toHaveText("已办结销号");
  await expect(page.getByTestId("notice-state")).toHaveText("已办结");
  await expect(page.getByTestId("notice-timeline")).toContainText("办结销号");

  // The printable notice: number, subject, reply; an A4 PDF from Chromium.
  await page.getByTestId("notice-print-link").click();
  const sheet = page.getByTestId("notice-sheet");
  await expect(sheet).toContainText(number);
  await expect(sheet).toContainText(subject);
  await expect(sheet).toContainText("督办通知");
  await expect(sheet).toContainText("倒排安装调试计划");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("print-button")).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(5000);
  const paper = await pdfText(pdf);
  expect(paper).toContain(subject);
  expect(paper).toContain("倒排安装调试计划");
});

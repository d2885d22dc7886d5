import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";

// 调度会议 end to end: a manager schedules a 协调会 with the leader in the chair, fills the
// agenda from the proposal (the seeded RED projects with their reasons), writes minutes and
// records a decision that becomes a problem for a department; the chair signs the minutes off
// after the confirmation; the minutes print on A4 with the signature.
test("a manager prepares a meeting from the proposal; the chair signs off its minutes", async ({ page, browser }) => {
  const title = `红灯项目协调会 ${Date.now().toString(36)}`;
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await loginAs(page, "manager");
  await page.getByTestId("sidebar-nav").getByRole("link", { name: "调度会议" }).click();
  await page.getByTestId("new-meeting").click();
  await page.locator("#meeting-title").fill(title);
  await page.locator("#meeting-startsAt").fill(`${inAWeek}T09:30`);
  await page.locator("#meeting-place").fill("区政府三楼会议室");
  await page.locator("#meeting-chair").selectOption({ label: "李明（招商局）" });
  await page.getByTestId("load-proposal").click();
  const proposal = page.getByTestId("proposal");
  const red = proposal.locator("li").filter({ hasText: "科莱福光电光刻胶材料项目" }).first();
  await expect(red).toBeVisible();
  await red.getByRole("checkbox").check();
  await proposal.getByTestId("add-chosen").click();
  await expect(page.getByTestId("agenda-item")).toHaveCount(1);
  await page.getByTestId("meeting-save").click();
  await expect(page.getByTestId("toast").last()).toHaveText("会议已创建");
  await expect(page.getByTestId("meeting-title")).toHaveText(title);
  await expect(page).toHaveURL(/\/supervision\/meetings\/(?!new$)[^/]+$/);
  const meetingUrl = page.url();
  await expect(page.getByTestId("meeting-state")).toHaveText("待召开");

  // Minutes, then a decision on the item: a problem for 自然资源和规划局 with a due date.
  await page.locator("#item-0-minutes").fill("会议议定：加快双回路供电接入，两周内明确方案。");
  await page.getByTestId("meeting-save").click();
  await expect(page.getByTestId("toast").last()).toHaveText("已保存");
  const item = page.getByTestId("agenda-item").first();
  await item.getByTestId("add-decision").click();
  const decision = item.getByTestId("decision-form");
  await decision.locator('input[id$="-title"]').fill("双回路供电接入方案");
  await decision.getByTestId("decision-submit").click();
  await expect(decision.locator('[data-field-error$="-department"]')).toBeVisible();
  await decision.locator('select[id$="-department"]').selectOption({ label: "自然资源和规划局" });
  await decision.locator('input[id$="-dueDate"]').fill(inAWeek);
  await decision.getByTestId("decision-submit").click();
  await expect(page.getByTestId("toast").last()).toHaveText("会议决定已形成");
  await expect(item.getByTestId("item-decisions")).toContainText("双回路供电接入方案");
  await expect(item.getByTestId("item-decisions")).toContainText("自然资源和规划局");

  // The chair signs off, asked first.
  const chairContext = await browser.newContext();
  const chair = await chairContext.newPage();
  await loginAs(chair, "leader");
  await chair.goto(meetingUrl);
  await chair.getByTestId("sign-off").click();
  await expect(chair.getByTestId("confirm-dialog")).toContainText(title);
  await chair.getByTestId("confirm-yes").click();
  await expect(chair.getByTestId("toast").last()).toHaveText("会议纪要已签发");
  await expect(chair.getByTestId("meeting-state")).toHaveText("纪要已签发");
  await chairContext.close();

  // Signed-off minutes read as minutes, even for the manager; 修改纪要 opens the editor.
  await page.goto(meetingUrl);
  await expect(page.getByTestId("agenda")).toContainText("加快双回路供电接入");
  await expect(page.getByTestId("meeting-form")).toHaveCount(0);
  await page.getByTestId("meeting-edit-closed").click();
  await expect(page.getByTestId("meeting-form")).toBeVisible();

  await page.goto(`${meetingUrl}/print`);
  const sheet = page.getByTestId("minutes-sheet");
  await expect(sheet).toContainText("会议纪要");
  await expect(sheet).toContainText("加快双回路供电接入");
  await expect(sheet).toContainText("双回路供电接入方案");
  await expect(page.getByTestId("minutes-signature")).toContainText("李明");
});

import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures";
import { pdfText } from "./pdf-text";

// 三级调度 around the loop (issue 13): the owner raises a problem from a 日调度 entry of the
// seeded 科莱福光电光刻胶材料项目; the manager escalates it to level 2; it is on the proposed agenda
// of a 协调会, where a decision makes a follow-up problem for 自然资源和规划局; that department's
// approver resolves it. This week's bulletin draft counts them (raised, escalated, resolved);
// the project's 专报 lists both and prints (the PDF's text is read back).

/** The problems section of this week's bulletin draft: raised, resolved, escalated. */
async function weekCounts(page: Page) {
  await page.goto("/supervision/bulletins");
  await page.getByTestId("bulletin-preview-link").click();
  await expect(page.getByTestId("bulletin-draft")).toHaveText("草稿");
  const rows = page.getByTestId("bulletin-problems").locator("tbody tr");
  const count = async (label: string) =>
    Number((await rows.filter({ hasText: label }).first().locator("td").last().innerText()).trim());
  return { raised: await count("新提出"), resolved: await count("已解决"), escalated: await count("提级") };
}

test("a problem from a progress entry goes to level 2, onto a 协调会's agenda, and its follow-up is resolved", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const title = `施工用电增容未落实 ${tag}`;
  const followUp = `增容用地红线调整 ${tag}`;
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await loginAs(manager, "manager");
  const before = await weekCounts(manager);

  // The owner raises it from the latest 日调度 entry, in one click.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await loginAs(staff, "staff");
  await staff.goto("/projects?q=科莱福光电&hide=none&mine=0");
  await staff
    .getByTestId("projects-grid")
    .getByRole("link", { name: /科莱福光电光刻胶材料项目/ })
    .click();
  await expect(staff).toHaveURL(/\/projects\/[^/?]+/);
  // The project's 督办 tab by its address (a tab click's URL change is not awaited).
  const projectUrl = `${new URL(staff.url()).pathname}?tab=supervision`;
  await staff.goto(projectUrl);
  await staff.getByTestId("raise-from-entry").first().click();
  const form = staff.getByTestId("raise-from-entry-dialog");
  // Prefilled with the entry's problems (the seed's latest entry).
  await expect(form.locator('input[id$="-title"]')).toHaveValue("危化品仓储许可与电力增容未落实");
  await form.locator('input[id$="-title"]').fill(title);
  await form.locator('select[id$="-category"]').selectOption({ label: "电力" });
  await form.locator('select[id$="-department"]').selectOption({ label: "发展和改革局" });
  await form.getByRole("button", { name: "提出问题" }).click();
  await expect(staff.getByTestId("toast").last()).toHaveText("问题已提出");
  const row = staff.getByTestId("problem-row").filter({ hasText: title });
  await expect(row).toContainText("一级");
  await staffContext.close();

  // The manager escalates it to level 2, with a reason, asked first.
  await manager.goto(projectUrl);
  await manager.getByTestId("problem-row").filter({ hasText: title }).getByRole("link", { name: title }).click();
  await expect(manager.getByTestId("problem-title")).toContainText(title);
  await manager.locator("#problem-escalate-reason").fill("涉及发改、自然资源多部门，提请协调会");
  await manager.getByTestId("problem-escalate-form").getByRole("button", { name: "提级调度" }).click();
  await manager.getByTestId("confirm-yes").click();
  await expect(manager.getByTestId("toast").last()).toHaveText("已提至第 2 级调度");
  await expect(manager.getByTestId("problem-level")).toContainText("二级");
  await expect(manager.getByTestId("problem-timeline")).toContainText("涉及发改、自然资源多部门");

  // A 协调会: the level-2 problem is proposed; a decision on it makes the follow-up problem.
  await manager.goto("/supervision/meetings/new");
  await manager.locator("#meeting-kind").selectOption("COORDINATION");
  await manager.locator("#meeting-title").fill(`要素保障协调会 ${tag}`);
  await manager.locator("#meeting-startsAt").fill(`${inAWeek}T15:00`);
  await manager.locator("#meeting-chair").selectOption({ label: "李明（招商局）" });
  await manager.getByTestId("load-proposal").click();
  const proposed = manager.getByTestId("proposal").locator("li").filter({ hasText: title });
  await expect(proposed).toBeVisible();
  await proposed.getByRole("checkbox").check();
  await manager.getByTestId("proposal").getByTestId("add-chosen").click();
  await expect(manager.getByTestId("agenda-item")).toHaveCount(1);
  await manager.locator("#item-0-minutes").fill("会议议定：自然资源和规划局一周内完成红线调整。");
  await manager.getByTestId("meeting-save").click();
  await expect(manager.getByTestId("toast").last()).toHaveText("会议已创建");
  const item = manager.getByTestId("agenda-item").first();
  await item.getByTestId("add-decision").click();
  const decision = item.getByTestId("decision-form");
  await decision.locator('input[id$="-title"]').fill(followUp);
  await decision.locator('select[id$="-department"]').selectOption({ label: "自然资源和规划局" });
  await decision.locator('input[id$="-dueDate"]').fill(inAWeek);
  await decision.getByTestId("decision-submit").click();
  await expect(manager.getByTestId("toast").last()).toHaveText("会议决定已形成");
  const decided = item.getByTestId("item-decisions").getByRole("link", { name: new RegExp(followUp) });
  await expect(decided).toBeVisible();
  const followUpUrl = new URL((await decided.getAttribute("href"))!, manager.url()).pathname;

  // The responsible department's approver resolves the follow-up.
  const approverContext = await browser.newContext();
  const approver = await approverContext.newPage();
  await loginAs(approver, "approver_zrzy");
  await approver.goto(followUpUrl);
  await expect(approver.getByTestId("problem-title")).toContainText(followUp);
  await approver.locator("#problem-resolve-resolution").fill("红线已调整，出具规划条件变更函");
  await approver.getByTestId("problem-resolve-form").getByRole("button").click();
  await expect(approver.getByTestId("toast").last()).toHaveText("问题已办结");
  await expect(approver.getByTestId("problem-state")).toHaveText("已解决");
  await approverContext.close();

  // This week's bulletin draft counts them.
  const after = await weekCounts(manager);
  expect(after.raised - before.raised).toBe(2);
  expect(after.escalated - before.escalated).toBe(1);
  expect(after.resolved - before.resolved).toBe(1);
  await expect(manager.getByTestId("bulletin-problems-resolved")).toContainText(followUp);
  await expect(manager.getByTestId("bulletin-problems-escalated")).toContainText(title);

  // The 专报, one click from the project's 督办 tab, lists both and prints.
  await manager.goto(projectUrl);
  await manager.getByTestId("inspection-report-link").click();
  const report = manager.getByTestId("inspection-report");
  await expect(report.getByTestId("report-problems")).toContainText(title);
  await expect(report.getByTestId("report-problems")).toContainText(followUp);
  await expect(report.getByTestId("report-quarters").locator("tbody tr")).toHaveCount(4);
  await expect(report.getByTestId("report-chart").locator("svg")).toBeVisible();
  await manager.emulateMedia({ media: "print" });
  await expect(manager.getByTestId("print-button")).toBeHidden();
  const paper = await pdfText(await manager.pdf({ format: "A4", printBackground: true }));
  expect(paper).toContain("督查项目专报");
  expect(paper).toContain("科莱福光电光刻胶材料项目");
  expect(paper).toContain(followUp);
  await managerContext.close();
});

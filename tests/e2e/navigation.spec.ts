import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures";

// Where am I, what is mine, what changed: titles, breadcrumbs, 只看我的, history in words,
// and the home page's 待办 and sums.

async function newLead(page: Page, name: string) {
  await page.goto("/projects/new");
  // Required fields are marked from the schema; 产业 has no silent default.
  await expect(page.locator("#f-name")).toHaveAttribute("aria-required", "true");
  await expect(page.locator("#f-industryId")).toHaveAttribute("aria-required", "true");
  await expect(page.locator("#f-industryId")).toHaveValue("");
  await expect(page.locator("#f-creditCode")).not.toHaveAttribute("aria-required", "true");
  await page.locator("#f-name").fill(name);
  await page.locator("#f-enterpriseName").fill(`${name}有限公司`);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator('[data-field-error="f-industryId"]')).toHaveText("请选择产业");
  await page.locator("#f-industryId").selectOption({ label: "高端装备" });
  await page.locator("#f-totalInvestment").fill("6000");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("project-name")).toHaveText(name);
  return new URL(page.url()).pathname;
}

test("a project page is titled with its name, its breadcrumbs lead back, and its history reads in words", async ({
  browser,
}) => {
  const staffCtx = await browser.newContext();
  const staff = await staffCtx.newPage();
  await loginAs(staff, "staff");
  const path = await newLead(staff, "导航与历史验证项目");
  const code = await staff.locator("p.font-mono").first().innerText();
  await expect(staff).toHaveTitle(new RegExp(`^导航与历史验证项目 · ${code}`));
  await staff.locator("#move-to").selectOption("NEGOTIATING");
  await staff.getByRole("button", { name: "确认变更" }).click();
  await expect(staff.getByTestId("project-stage")).toHaveText("洽谈");

  // A manager hands it to another leader and raises the investment past 1 亿.
  const managerCtx = await browser.newContext();
  const manager = await managerCtx.newPage();
  await loginAs(manager, "manager");
  await manager.goto(`${path}/edit`);
  await expect(manager).toHaveTitle(/导航与历史验证项目/);
  await manager.locator("#f-leaderId").selectOption({ label: "李明" });
  await manager.locator("#f-totalInvestment").fill("1.5亿");
  await manager.getByRole("button", { name: "保存" }).click();
  await expect(manager).toHaveURL(new RegExp(`${path}$`));

  await manager.getByRole("tab", { name: "修改历史" }).click();
  const history = manager.getByTestId("audit-history");
  await expect(history).toContainText("阶段变更 · 线索 → 洽谈");
  const edit = history.locator("li", { hasText: "总投资" });
  await expect(edit).toContainText("修改");
  await expect(edit).toContainText("6,000.00 万元");
  await expect(edit).toContainText("1.50 亿元");
  await expect(edit).toContainText("分包领导");
  await expect(edit).toContainText("李明");
  for (const raw of ["stage:", "NEGOTIATING", "update", "create", "leaderId", "totalInvestment", "{"])
    await expect(history).not.toContainText(raw);

  // Breadcrumbs: 招商项目库 › the project, and back to the list.
  const crumbs = manager.getByTestId("breadcrumbs");
  await expect(crumbs).toContainText("招商项目库");
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText("导航与历史验证项目");
  await crumbs.getByRole("link", { name: "招商项目库" }).click();
  await expect(manager).toHaveURL(/\/projects$/);

  // The admin's log: the entity by name, the action and fields in words, the filters too.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await loginAs(admin, "admin");
  await admin.goto("/admin/audit");
  await admin.getByLabel("对象类型").selectOption({ label: "项目" });
  await admin.getByLabel("操作", { exact: true }).selectOption({ label: "阶段变更" });
  await admin.getByRole("button", { name: "查询" }).click();
  await expect(admin).toHaveURL(/entityType=Project/);
  const log = admin.getByTestId("audit-log");
  const move = log.locator("li", { hasText: "导航与历史验证项目" });
  await expect(move).toContainText("项目 · 导航与历史验证项目 · 阶段变更 · 线索 → 洽谈");
  for (const raw of ["Project", "stage:", "LEAD", "NEGOTIATING"]) await expect(log).not.toContainText(raw);
  await move.getByRole("link", { name: "导航与历史验证项目" }).click();
  await expect(admin).toHaveURL(new RegExp(`${path}\\?tab=history$`));
  for (const ctx of [staffCtx, managerCtx, adminCtx]) await ctx.close();
});

test("只看我的: STAFF open the grid on their own projects, one click shows all, and the grid fits 1440 px", async ({
  browser,
}) => {
  const leaderCtx = await browser.newContext();
  const leader = await leaderCtx.newPage();
  await loginAs(leader, "leader");
  await newLead(leader, "分包领导自建线索项目");

  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const staff = await ctx.newPage();
  await loginAs(staff, "staff");
  // A long name and investor, so that the columns must make room.
  await newLead(staff, "年产十万吨高性能碳化硼陶瓷防弹材料及配套精密装备研发生产基地建设项目");
  await staff.goto("/projects");
  const toggle = staff.getByTestId("mine-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const grid = staff.getByTestId("projects-grid");
  await expect(grid).toContainText("中硼科技碳化硼材料项目");
  await expect(grid).not.toContainText("分包领导自建线索项目");
  // The export carries the view: its file is named by the 只看我的 filter too.
  const download = staff.waitForEvent("download");
  await staff.getByTestId("export-xlsx").click();
  expect((await download).suggestedFilename()).toMatch(/^招商项目_只看我的_\d{4}-\d{2}-\d{2}\.xlsx$/);
  // The default columns fit the screen: no horizontal scrolling.
  const width = await grid.evaluate((t) => ({
    scroll: t.parentElement!.scrollWidth,
    client: t.parentElement!.clientWidth,
  }));
  expect(width.scroll).toBeLessThanOrEqual(width.client);

  await toggle.click();
  await expect(staff).toHaveURL(/mine=0/);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(grid).toContainText("分包领导自建线索项目");
  await toggle.click();
  await expect(staff).toHaveURL(/mine=1/);
  await expect(grid).not.toContainText("分包领导自建线索项目");

  // Filters past the first row are folded, and open when one of them is set.
  await expect(staff.getByTestId("more-filters")).toBeHidden();
  await staff.getByTestId("more-filters-toggle").click();
  await staff.getByTestId("more-filters").locator('select[name="park"]').selectOption({ label: "新材料产业园" });
  await staff.getByTestId("project-filters").getByRole("button", { name: "查询" }).click();
  await expect(staff).toHaveURL(/park=/);
  await expect(staff.getByTestId("more-filters")).toBeVisible();
  await leaderCtx.close();
  await ctx.close();
});

test("each home page starts with its 待办; the manager's sums past 1 亿 read in 亿元", async ({ page }) => {
  await loginAs(page, "manager", { at: "/" });
  const tasks = page.getByTestId("home-tasks");
  await expect(tasks).toContainText("待办");
  // The 待办 card comes before the summaries.
  const order = await page.evaluate(() => {
    const t = document.querySelector('[data-testid="home-tasks"]')!;
    const s = document.querySelector('[data-testid="stage-summary"]')!;
    return t.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  // 润辉生物 (12 亿) is under construction in the seed.
  await expect(page.getByTestId("stage-summary-CONSTRUCTION-sum")).toContainText("亿元");
  // Each stage's sum on its own (the whole card's text runs a count into the sum beside it).
  const sums = await page.locator('[data-testid^="stage-summary-"][data-testid$="-sum"]').allInnerTexts();
  expect(sums.length).toBeGreaterThanOrEqual(8);
  for (const sum of sums) expect(sum).not.toMatch(/\d{2},\d{3}\.\d{2} 万元/);

  await page.context().clearCookies();
  await loginAs(page, "approver_sthj", { at: "/" });
  await expect(page.getByTestId("home-tasks").locator('[data-task="permitItems"]')).toContainText("本部门待审批事项");
  await page.getByTestId("home-tasks").locator('[data-task="permitItems"] ul a').first().click();
  await expect(page).toHaveURL(/\/permits\/\w+\?item=\w+#item-\w+$/);
  await expect(page.getByTestId("breadcrumbs").getByRole("link", { name: "七证合一" })).toBeVisible();
});

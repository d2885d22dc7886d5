import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";

// The seeded story projects all have a 七证合一 case with a 环境影响评价批复 item (生态环境分局).
const storyProjects = [
  "科莱福光电光刻胶材料项目",
  "润辉生物泰美太海洋多肽药物项目",
  "安屯尼智能换电摩托车项目",
  "开影医疗CT影像设备项目",
  "中硼科技碳化硼材料项目",
];

test("an approver sees in the grid only the projects with their department's permit items; another project is not found", async ({
  browser,
}) => {
  // A new lead: no permit case, so no department's business.
  const staffCtx = await browser.newContext();
  const staff = await staffCtx.newPage();
  await loginAs(staff, "staff");
  await staff.goto("/projects/new");
  await staff.locator("#f-name").fill("审批范围验证线索项目");
  await staff.locator("#f-enterpriseName").fill("审批范围验证科技有限公司");
  await staff.locator("#f-industryId").selectOption({ label: "高端装备" });
  await staff.locator("#f-totalInvestment").fill("8000");
  await staff.getByRole("button", { name: "保存" }).click();
  await expect(staff.getByTestId("project-name")).toHaveText("审批范围验证线索项目");
  const leadUrl = new URL(staff.url()).pathname;
  await staff.goto("/projects?stage=LEAD");
  await expect(staff.getByTestId("projects-grid")).toContainText("审批范围验证线索项目");

  const approverCtx = await browser.newContext();
  const approver = await approverCtx.newPage();
  await loginAs(approver, "approver_sthj");
  await approver.getByTestId("sidebar-nav").getByRole("link", { name: "招商项目库" }).click();
  const grid = approver.getByTestId("projects-grid");
  for (const name of storyProjects) await expect(grid).toContainText(name);
  await expect(grid).not.toContainText("审批范围验证线索项目");
  // No lead reaches an approver: a lead has no permit case.
  await approver.goto("/projects?stage=LEAD");
  await expect(approver.getByTestId("grid-total")).toContainText("共 0 条");
  await approver.goto(`/projects?q=${encodeURIComponent("审批范围验证")}`);
  await expect(approver.getByTestId("grid-total")).toContainText("共 0 条");

  // The lead's page does not exist for them, like any page of it.
  for (const url of [leadUrl, `${leadUrl}?tab=timeline`, `${leadUrl}/edit`]) {
    await approver.goto(url);
    await expect(approver.getByRole("heading", { name: "404 · 页面不存在" })).toBeVisible();
    await expect(approver.getByTestId("project-name")).toHaveCount(0);
  }

  // A project of their department: the basics and the case, without contacts or the bureau's work.
  await approver.goto("/projects");
  await approver.getByTestId("projects-grid").getByRole("link", { name: "中硼科技碳化硼材料项目" }).click();
  await expect(approver.getByTestId("project-name")).toHaveText("中硼科技碳化硼材料项目");
  await expect(approver.getByRole("tab")).toHaveText(["基本信息", "七证合一"]);
  await expect(approver.locator("main")).not.toContainText("总经理助理");
  await approver.getByRole("tab", { name: "七证合一" }).click();
  await expect(approver.locator("main")).toContainText("环境影响评价批复");
  await approver.goto(`${new URL(approver.url()).pathname}?tab=timeline`);
  await expect(approver.getByRole("heading", { name: "404 · 页面不存在" })).toBeVisible();

  // The home page counts their projects only: no leads.
  await approver.goto("/");
  await expect(approver.getByTestId("stage-summary-LEAD")).toHaveText("0");
  await expect(approver.getByText("本部门审批项目（按阶段）")).toBeVisible();
  // The staff member still sees the lead among all projects.
  await staff.goto("/");
  await expect(staff.getByTestId("stage-summary-LEAD")).not.toHaveText("0");
  for (const ctx of [staffCtx, approverCtx]) await ctx.close();
});

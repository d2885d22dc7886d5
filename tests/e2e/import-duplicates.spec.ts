import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { loginAs } from "./fixtures";

test("staff imports projects: dry run with row errors, then the valid rows, then finds them in the grid", async ({
  page,
}) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目");
  ws.addRow(["项目编号", "项目名称", "投资企业", "产业", "园区", "总投资（万元）", "阶段"]);
  ws.addRow([
    "E2E-IMP-001",
    "导入测试海洋装备项目",
    "青岛导入测试海工装备有限公司",
    "现代海洋",
    "海洋经济产业园",
    "12000",
    "线索",
  ]);
  ws.addRow(["E2E-IMP-002", "导入测试储能项目", "青岛导入测试储能科技有限公司", "新能源新材料", "", "8000.5", "洽谈"]);
  ws.addRow(["坏", "错误行", "某企业", "不存在的产业", "", "abc", ""]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await loginAs(page, "staff");
  await page.goto("/projects");
  await page.getByTestId("import-projects").click();
  await expect(page).toHaveURL(/\/projects\/import$/);
  await page.getByTestId("import-file").setInputFiles({
    name: "导入.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByTestId("import-dry-run").click();

  const result = page.getByTestId("dry-run-result");
  await expect(page.getByTestId("import-progress")).toHaveText("共 3 行，处理完毕");
  await expect(result.getByTestId("import-counts")).toContainText("将新建2");
  await expect(result.getByTestId("import-counts")).toContainText("有错误1");
  const badRow = result.locator('tr[data-row="4"]');
  // Each error repeats the cell as the file gave it.
  await expect(badRow).toContainText("项目编号为 3–30 位大写字母、数字或连字符 — 「坏」");
  await expect(badRow).toContainText("产业不存在 — 「不存在的产业」");
  await expect(badRow).toContainText("总投资（万元）请填写不超过两位小数的非负数 — 「abc」");
  await expect(page.getByTestId("import-commit")).toBeDisabled();

  await page.getByTestId("skip-errors").check();
  await page.getByTestId("import-commit").click();
  const done = page.getByTestId("import-result");
  await expect(done.getByTestId("import-counts")).toContainText("已新建2");
  await done.getByTestId("import-done-link").click();

  const filters = page.getByTestId("project-filters");
  await filters.locator('input[name="q"]').fill("E2E-IMP");
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("projects-grid").locator("tbody tr")).toHaveCount(2);
});

test("a new lead for a known investor shows the match: link the enterprise, record a capital increase, or create anyway", async ({
  page,
}) => {
  await loginAs(page, "staff");
  const fill = async () => {
    await page.goto("/projects/new");
    await page.locator("#f-name").fill("光刻胶二期扩产项目");
    await page.locator("#f-enterpriseName").fill("青岛科莱福光电材料有限公司");
    await page.locator("#f-industryId").selectOption({ label: "新能源新材料" });
    await page.locator("#f-totalInvestment").fill("20000");
    await page.getByRole("button", { name: "保存" }).click();
  };
  await fill();
  const panel = page.getByTestId("duplicate-panel");
  await expect(panel.getByTestId("duplicate-enterprise")).toContainText("科莱福光电材料有限公司");
  // The investor already has a project: the panel offers its capital increase instead.
  await expect(panel.getByTestId("duplicate-project")).toContainText("科莱福光电光刻胶材料项目");
  await panel.getByRole("link", { name: "在该项目登记增资扩产" }).click();
  await expect(page).toHaveURL(/tab=capital/);
  await page.locator("#c-amount").fill("8000");
  await page.locator("#c-note").fill("二期扩产，新增产线两条");
  await page.getByRole("button", { name: "登记增资" }).click();
  await expect(page.getByTestId("capital-list")).toContainText("二期扩产，新增产线两条");
  await expect(page.getByTestId("capital-total")).toHaveText("8,000.00 万元");
  await page.getByRole("tab", { name: "修改历史" }).click();
  await expect(page.getByTestId("audit-history")).toContainText("登记增资扩产");
  await expect(page.getByTestId("audit-history")).toContainText("8,000.00 万元");

  // Or it really is a new project of the same investor: linking the enterprise saves the lead
  // on it at once (the panel does not come back).
  await fill();
  await panel.getByRole("button", { name: "关联此企业" }).click();
  await expect(page.getByTestId("project-name")).toHaveText("光刻胶二期扩产项目");
  await expect(page.getByText("科莱福光电材料有限公司").first()).toBeVisible();
  await expect(page.getByTestId("toast")).toHaveText("已保存");
});

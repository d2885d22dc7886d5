import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { loginAs } from "./fixtures";

test("the dry run's rows with errors download as .xlsx, and 在项目库中查看 shows exactly the imported projects", async ({
  page,
}) => {
  const header = ["项目编号", "项目名称", "投资企业", "产业", "总投资（万元）"];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目");
  ws.addRow(header);
  ws.addRow(["E2E-USE-001", "批次测试智能制造项目", "青岛批次测试智能装备有限公司", "高端装备", "3000"]);
  ws.addRow(["E2E-USE-002", "批次测试海洋生物项目", "青岛批次测试海洋生物有限公司", "现代海洋", "1.2亿"]);
  ws.addRow(["E2E-USE-003", "批次测试金额错误项目", "青岛批次测试错误企业有限公司", "高端装备", "十二万"]);
  // An existing project the file names without changes: not part of what this import wrote.
  ws.addRow(["NH-2026-0005", "", "", "", ""]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await loginAs(page, "staff");
  await page.goto("/projects/import");
  await page.getByTestId("import-file").setInputFiles({
    name: "批次测试.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByTestId("import-dry-run").click();
  const result = page.getByTestId("dry-run-result");
  await expect(page.getByTestId("import-progress")).toHaveText("共 4 行，处理完毕");
  await expect(result.locator('tr[data-row="4"]')).toContainText(
    "总投资（万元）请填写不超过两位小数的非负数 — 「十二万」",
  );

  // The rows with errors, as uploaded, with 原行号 and 错误 added.
  const download = page.waitForEvent("download");
  await page.getByTestId("import-errors-download").click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^批次测试_错误行_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const errors = new ExcelJS.Workbook();
  await errors.xlsx.readFile((await saved.path())!);
  const sheet = errors.worksheets[0];
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...header, "原行号", "错误"]);
  expect(sheet.actualRowCount).toBe(2);
  expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
    "E2E-USE-003",
    "批次测试金额错误项目",
    "青岛批次测试错误企业有限公司",
    "高端装备",
    "十二万",
    4,
    "总投资（万元）请填写不超过两位小数的非负数 — 「十二万」",
  ]);

  await page.getByTestId("skip-errors").check();
  await page.getByTestId("import-commit").click();
  const done = page.getByTestId("import-result");
  await expect(done.getByTestId("import-counts")).toContainText("已新建2");
  const view = done.getByTestId("import-done-link");
  await expect(view).toHaveText("在项目库中查看（本次新建 2、更新 0 个项目）");
  await view.click();

  await expect(page).toHaveURL(/\/projects\?importJob=/);
  await expect(page.getByTestId("import-job-filter")).toContainText("批次测试.xlsx");
  const grid = page.getByTestId("projects-grid");
  await expect(grid.locator("tbody tr")).toHaveCount(2);
  await expect(grid).toContainText("批次测试智能制造项目");
  await expect(grid).toContainText("批次测试海洋生物项目");
  await expect(page.getByTestId("grid-total")).toContainText("共 2 条");

  // 显示全部项目 leaves the batch.
  await page.getByTestId("import-job-filter").getByRole("button").click();
  await expect(page).not.toHaveURL(/importJob=/);
  await expect(page.getByTestId("import-job-filter")).toHaveCount(0);
});

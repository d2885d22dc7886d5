import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";
import { pdfText } from "./pdf-text";

// 周通报 end to end: a manager generates last week's bulletin from the list (the week picker
// defaults to last week), reads it as a document, opens the A4 print page, and the PDF
// Chromium prints says 周通报 and carries the section headings.
test("a manager generates last week's bulletin, reads it and prints it", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/supervision/bulletins");
  await expect(page.getByRole("heading", { name: "周通报", exact: true })).toBeVisible();
  const picker = page.locator("#bulletin-week");
  const lastWeek = await picker.inputValue();
  expect(lastWeek).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByTestId("generate-bulletin").click();

  await expect(page).toHaveURL(/\/supervision\/bulletins\/[^/]+$/);
  await expect(page.getByTestId("bulletin-title")).toContainText(lastWeek);
  const doc = page.getByTestId("bulletin-document");
  await expect(doc).toContainText("招商引资项目周通报");
  await expect(doc).toContainText("一、新增线索");
  await expect(doc).toContainText("红黑榜");
  await expect(page.getByTestId("bulletin-summary")).toBeVisible();
  await expect(page.getByTestId("bulletin-export-link")).toHaveText("导出 Excel");

  await page.getByTestId("bulletin-print-link").click();
  await expect(page).toHaveURL(/\/print$/);
  await expect(page.getByTestId("bulletin-sheet")).toContainText("招商引资项目周通报");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("print-button")).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(pdf);
  expect(text).toContain("周通报");
  expect(text).toContain("新增线索");
  expect(text).toContain("督办通知");
  expect(text).toContain(lastWeek);

  // The list shows it, and this week's draft is marked 草稿 (not stored).
  await page.emulateMedia({ media: "screen" });
  await page.goto("/supervision/bulletins");
  await expect(page.getByTestId("bulletin-row").first()).toContainText(lastWeek);
  await page.getByTestId("bulletin-preview-link").click();
  await expect(page.getByTestId("bulletin-draft")).toHaveText("草稿");
});

import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";

// The seeded 海川碳纤维复合材料项目 (prisma/seed-supervision.ts): under dispatch, its planned start
// four months past without a start — RED, with that reason.
test("a manager sees a RED project's reasons in the grid and its 督办 tab, overrides it to YELLOW and sees the computed RED beside it", async ({
  page,
}) => {
  await loginAs(page, "manager");
  await page.goto("/projects?q=NH-2026-0090&hide=none&mine=0");
  const grid = page.getByTestId("projects-grid");
  const cell = grid.getByTestId("warning-cell");
  await expect(cell).toContainText("严重滞后");
  // The reasons on hover, and the same words describe the cell for keyboards and screen readers.
  await cell.hover();
  const tip = page.getByRole("tooltip");
  await expect(tip).toBeVisible();
  await expect(tip).toContainText("已逾期 4 个月未开工");
  await expect(cell).toHaveAccessibleDescription(/严重滞后：.*已逾期 4 个月未开工/);

  await grid.getByRole("link", { name: /海川碳纤维复合材料项目/ }).click();
  await page.getByRole("tab", { name: "督办" }).click();
  const section = page.getByTestId("warning-section");
  await expect(section.getByTestId("warning-colour")).toHaveAttribute("data-color", "RED");
  await expect(section.getByTestId("warning-reasons")).toContainText("已逾期 4 个月未开工");

  await page.locator("#wo-color").selectOption("YELLOW");
  await page.locator("#wo-reason").fill("已协调土地手续，下月开工");
  await page.getByRole("button", { name: "调整颜色", exact: true }).click();
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog).toContainText("将项目「海川碳纤维复合材料项目」调整为预警？");
  await page.getByTestId("confirm-yes").click();
  await expect(page.getByTestId("toast").last()).toHaveText("已调整为预警");

  await expect(section.getByTestId("warning-colour")).toHaveAttribute("data-color", "YELLOW");
  await expect(section.getByTestId("warning-override")).toContainText("王建国");
  await expect(section.getByTestId("warning-override")).toContainText("已协调土地手续，下月开工");
  await expect(section.getByTestId("warning-computed-colour")).toHaveAttribute("data-color", "RED");
  await expect(section.getByTestId("warning-computed-reasons")).toContainText("已逾期 4 个月未开工");
  await expect(section.getByTestId("warning-changes").locator("li").first()).toContainText("管理者调整");
  await expect(page.getByTestId("warning-strip").locator('[data-color="YELLOW"]').last()).toBeVisible();

  // The grid shows the effective colour, with the computed one named on hover.
  await page.goto("/projects?q=NH-2026-0090&hide=none&mine=0");
  await expect(page.getByTestId("warning-cell")).toContainText("预警");
  await page.getByTestId("warning-cell").focus();
  await expect(page.getByRole("tooltip")).toContainText("系统计算为严重滞后");
});

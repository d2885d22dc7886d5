import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures";

// The manager's home: 待办 first, then the dashboard (驾驶舱). A figure links to the project grid
// filtered to exactly the projects it counts: the grid's total equals the figure. Reads
// district-wide figures (the shared-state project of playwright.config.ts).

/** The grid's total ("第 1/1 页，共 N 条"). */
async function gridTotal(page: Page) {
  const text = (await page.getByTestId("grid-total").textContent()) ?? "";
  return Number(/(\d+)\D*$/.exec(text.replace(/,/g, ""))?.[1] ?? NaN);
}

test("manager: the dashboard's figures open the grid with exactly their projects", async ({ page }) => {
  await loginAs(page, "manager", { at: "/" });
  await expect(page.getByTestId("home-tasks")).toBeVisible();
  const dashboard = page.getByTestId("dashboard");
  await expect(dashboard).toBeVisible();
  await expect(page.getByTestId("chart-funnel").locator("svg")).toBeVisible();

  // 签约落地: the figure → the grid of the projects first signed this year.
  const signed = page.getByTestId("figure-signed");
  const count = Number(await signed.textContent());
  await signed.click();
  await expect(page).toHaveURL(/entered=SIGNED/);
  await expect(page.getByTestId("report-filters")).toContainText("首次进入签约");
  expect(await gridTotal(page)).toBe(count);

  // A row of the funnel's table (current stage) → the grid of that stage.
  await page.goto("/");
  const row = page
    .getByTestId("table-funnel")
    .locator("tbody tr")
    .filter({ has: page.getByTestId("figure-link") })
    .first();
  const rowCount = Number(await row.getByTestId("figure-link").textContent());
  await row.getByTestId("figure-link").click();
  await expect(page).toHaveURL(/stage=/);
  expect(await gridTotal(page)).toBe(rowCount);

  // A split (by industry, signed this year), when the year has signings.
  await page.goto("/");
  const industry = page.getByTestId("table-byIndustry").getByTestId("figure-link").first();
  if (await industry.count()) {
    const n = Number(await industry.textContent());
    await industry.click();
    await expect(page).toHaveURL(/entered=SIGNED.*industry=|industry=.*entered=SIGNED/);
    expect(await gridTotal(page)).toBe(n);
  }
});

test("manager: the targets page shows the roll-up warning; a leader reads it without editing", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/targets?year=2026");
  await expect(page.getByTestId("targets-grid")).toBeVisible();
  await expect(page.getByTestId("rollups").locator("[data-warning]").first()).toBeVisible();
  await expect(page.getByTestId("save-targets")).toBeVisible();
  await loginAs(page, "leader");
  await page.goto("/targets?year=2026");
  await expect(page.getByTestId("targets-grid")).toBeVisible();
  await expect(page.getByTestId("save-targets")).toHaveCount(0);
});

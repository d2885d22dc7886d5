import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures";

// At a phone's width (390 px) no page scrolls sideways: the navigation folds behind 菜单, wide
// tables scroll inside their cards, headers wrap. The phone pages of SPEC §8 (dashboard, war
// room, grid, project, notice, inbox) as each role; the other lists once, as the manager.
test.use({ viewport: { width: 390, height: 844 } });

async function fitsThePhone(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("current-user")).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect([path, width]).toEqual([path, 390]);
}

for (const user of ["manager", "leader", "staff", "approver_zrzy"]) {
  test(`${user}: every page fits 390 px, and the menu opens the navigation`, async ({ page }) => {
    await loginAs(page, user);
    for (const path of [
      // The pages SPEC §8 names for phones, as each role …
      "/",
      "/projects",
      "/notifications",
      "/war-room",
      ...(user === "approver_zrzy" ? ["/permits"] : ["/supervision/notices"]),
      ...(user === "manager" || user === "leader" ? ["/targets"] : []),
      // … and every other list once, as the manager, who has them all.
      ...(user === "manager"
        ? [
            "/war-room?tv=1",
            "/permits",
            "/supervision/problems",
            "/supervision/bulletins",
            "/supervision/meetings",
            "/signing-weeks",
            "/reports/incentives",
            "/admin/incentive-measures",
          ]
        : []),
    ])
      await fitsThePhone(page, path);

    // A record's page: a project (its 督办 tab for the bureau), and a notice.
    await page.goto("/projects?hide=none&mine=0");
    await page.getByTestId("projects-grid").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/projects\/[^/?]+/);
    const project = new URL(page.url()).pathname;
    await fitsThePhone(page, user === "approver_zrzy" ? project : `${project}?tab=supervision`);
    if (user !== "approver_zrzy") {
      await page.goto("/supervision/notices");
      const notice = page.locator('a[href^="/supervision/notices/"]').first();
      if (await notice.count()) await fitsThePhone(page, (await notice.getAttribute("href"))!);
    }

    // The sidebar is folded: 菜单 opens it, a link goes, and it closes.
    await expect(page.getByTestId("sidebar-nav")).toBeHidden();
    const nav = page.locator("#mobile-nav").getByTestId("sidebar-nav");
    // (A click before the page has hydrated does nothing: click until the drawer is there.)
    await expect(async () => {
      await page.getByTestId("menu-button").click();
      await expect(nav).toBeVisible({ timeout: 1000 });
    }).toPass();
    await nav.getByRole("link", { name: "招商项目库" }).click();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.locator("#mobile-nav")).toHaveCount(0);
    await expect(page.getByTestId("sidebar-nav")).toBeHidden();
  });
}

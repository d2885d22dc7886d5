import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, loginAs } from "./fixtures";

// 挂图作战 end to end. Projects made here (leads in 高端装备制造园 led by 李明) fill a column past
// its cap; the board and the grid are read one after the other for the same filters.
const filters = "park=HEM&leader=leader";

async function newLeads(page: Page, n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    const res = await page.request.post("/api/v1/projects", {
      headers: { origin: new URL(BASE_URL).origin },
      data: {
        name: `作战测试${tag}-${i}`,
        enterpriseName: `作战测试企业${tag}-${i}有限公司`,
        industryId: "HIGH_END_EQUIPMENT",
        parkId: "HEM",
        leaderId: "leader",
        totalInvestment: `${1000 + i}.00`,
      },
    });
    expect(res.status()).toBe(201);
  }
}

const countOf = async (page: Page, stage: string) =>
  Number(
    (
      await page.locator(`[data-testid=war-room-column][data-stage=${stage}] [data-testid=column-count]`).innerText()
    ).replace(/\D/g, ""),
  );

test("the board shows a column per stage with its count; a capped column's 还有 N 个 opens the grid with the same projects", async ({
  page,
}) => {
  await loginAs(page, "manager");
  await newLeads(page, 14, `${Date.now()}`);
  await page.goto(`/war-room?${filters}`);
  await expect(page.getByRole("heading", { name: "挂图作战" })).toBeVisible();
  const columns = page.getByTestId("war-room-column");
  await expect(columns).toHaveCount(8);
  await expect(columns.first()).toContainText("线索");
  await expect(columns.last()).toContainText("投产");
  await expect(page.locator("select[name=park]")).toHaveValue("HEM");

  const leads = await countOf(page, "LEAD");
  expect(leads).toBeGreaterThanOrEqual(14);
  const lead = page.locator("[data-testid=war-room-column][data-stage=LEAD]");
  await expect(lead.getByTestId("war-room-card")).toHaveCount(12);
  const more = lead.getByTestId("column-more");
  await expect(more).toHaveText(`还有 ${leads - 12} 个`);
  // A card's reasons and details are on its title (hover).
  await expect(lead.getByTestId("war-room-card").first()).toHaveAttribute("title", /作战测试/);

  await more.click();
  await expect(page).toHaveURL(/\/projects\?/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ stage: "LEAD", park: "HEM", leader: "leader", mine: "0" });
  await expect(page.getByTestId("grid-total")).toContainText(`共 ${leads} `);

  // The park plan carries the park's projects as markers; a filter change lands in the URL.
  await page.goto(`/war-room?${filters}`);
  const hem = page.locator("[data-testid=plan-park][data-park=HEM]");
  await expect(hem).toHaveAttribute(
    "data-count",
    String(
      await page
        .getByTestId("column-count")
        .evaluateAll((els) => els.reduce((n, e) => n + Number(e.textContent!.replace(/\D/g, "")), 0)),
    ),
  );
  await expect(hem.getByTestId("plan-marker").first()).toBeVisible();
  await page.locator("select[name=leader]").selectOption("");
  await expect(page).toHaveURL(/\/war-room\?park=HEM$/);
});

test("TV mode rotates board → park plan → red list and keeps the last good data through a failed refresh", async ({
  page,
}) => {
  await loginAs(page, "manager");
  await page.goto(`/war-room?tv=1&rotate=2&refresh=3&${filters}`);
  const tv = page.getByTestId("war-room-tv");
  await expect(tv).toHaveAttribute("data-view", "board");
  // No navigation: the wall screen covers the whole window, the sidebar's place included.
  expect(await page.evaluate(() => !!document.elementFromPoint(60, 400)?.closest("[data-testid=war-room-tv]"))).toBe(
    true,
  );
  await expect(tv.getByTestId("war-room-column")).toHaveCount(8);
  // Nor does the keyboard reach the shell under it: the navigation and the header are inert.
  expect(
    await page.evaluate(() => [...document.querySelectorAll<HTMLElement>("[data-shell-chrome]")].map((el) => el.inert)),
  ).toEqual([true, true, true]);
  await expect(tv).toHaveAttribute("data-view", "plan", { timeout: 5000 });
  await expect(tv.getByTestId("park-plan")).toBeVisible();
  await expect(tv).toHaveAttribute("data-view", "redList", { timeout: 5000 });
  await expect(tv.getByTestId("red-list")).toBeVisible();
  await expect(tv).toHaveAttribute("data-view", "board", { timeout: 5000 });

  const updated = page.getByTestId("tv-updated");
  await expect(updated).toHaveAttribute("data-failed", "0");
  const before = Number(await tv.getAttribute("data-total"));
  const time = (await updated.innerText()).match(/\d{2}:\d{2}/)![0];

  // The server goes away for one refresh: the wall keeps its figures and says since when.
  let failures = 0;
  await page.route("**/api/v1/reports/war-room**", async (route) => {
    if (failures++ === 0) await route.fulfill({ status: 503, contentType: "application/json", body: "{}" });
    else await route.continue();
  });
  await expect(updated).toHaveAttribute("data-failed", "1", { timeout: 8000 });
  await expect(updated).toHaveText(`数据更新于 ${time}（最近一次刷新失败）`);
  await expect(tv).toHaveAttribute("data-total", String(before));
  await expect(
    tv
      .locator("[data-testid=war-room-column], [data-testid=plan-park], [data-testid=red-row], [data-testid=red-list]")
      .first(),
  ).toBeVisible();

  // Back again: the next refresh brings the new figures (a project added meanwhile) and the notice goes.
  await newLeads(page, 1, `tv${Date.now()}`);
  await expect(updated).toHaveAttribute("data-failed", "0", { timeout: 8000 });
  await expect(updated).not.toContainText("失败");
  await expect(tv).toHaveAttribute("data-total", String(before + 1), { timeout: 8000 });
  expect(failures).toBeGreaterThanOrEqual(2);
});

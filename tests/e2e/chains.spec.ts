import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";

test("manager opens a chain map, clicks a missing link, converts a target into a lead, and finds it in the grid", async ({
  page,
}) => {
  await loginAs(page, "manager");
  await page.getByTestId("sidebar-nav").getByRole("link", { name: "链式招商" }).click();
  await page.getByTestId("chain-list").getByRole("link", { name: "智能换电摩托车" }).click();
  await expect(page.getByTestId("chain-name")).toHaveText("智能换电摩托车");
  const chainUrl = page.url();

  const map = page.getByTestId("chain-map");
  const cell = map.locator('[data-link="电芯"]');
  await expect(cell).toHaveAttribute("data-status", "MISSING");
  await cell.click();
  const panel = page.getByTestId("link-panel");
  await expect(panel.getByTestId("link-panel-name")).toHaveText("电芯");
  const target = panel.getByTestId("link-targets").locator("li", { hasText: "江苏锂能新能源科技有限公司" });
  // The manager names the 招商专员 who owns the lead.
  await target.getByRole("button", { name: "转为线索" }).click();
  await target.getByLabel("负责的招商专员").selectOption({ label: "张伟" });
  await target.getByRole("button", { name: "转为线索并分派" }).click();
  await expect(panel.getByTestId("convert-message")).toContainText("已创建线索 NH-");
  const lead = panel
    .getByTestId("link-targets")
    .locator("li", { hasText: "江苏锂能新能源科技有限公司" })
    .getByRole("link", { name: "已转线索" });
  await expect(lead).toBeVisible();
  // A bare lead (no investment, no activity) is not coverage: the link stays missing.
  await expect(cell).toHaveAttribute("data-status", "MISSING");
  // Once someone follows it up, it counts: weak (target 2).
  await lead.click();
  await expect(page.getByTestId("project-owner")).toHaveText("张伟");
  await page.getByRole("tab", { name: "跟进记录" }).click();
  await page.locator("#a-notes").fill("电话联系对方投资总监，约定下周考察");
  await page.getByRole("button", { name: "添加记录" }).click();
  await expect(page.getByTestId("timeline")).toContainText("约定下周考察");
  await page.goto(chainUrl);
  await map.locator('[data-link="电芯"]').click();
  await expect(map.locator('[data-link="电芯"]')).toHaveAttribute("data-status", "WEAK");

  await page.goto("/projects");
  const filters = page.getByTestId("project-filters");
  await filters.locator('input[name="q"]').fill("江苏锂能");
  await filters.getByRole("button", { name: "查询" }).click();
  const grid = page.getByTestId("projects-grid");
  await expect(grid.locator("tbody tr")).toHaveCount(1);
  await expect(grid).toContainText("江苏锂能新能源科技电芯项目");
  await expect(grid).toContainText("线索");
});

test("for every seeded chain the map shows the statuses of the JSON gap analysis", async ({ page }) => {
  await loginAs(page, "staff");
  const chains = (await (await page.request.get("/api/v1/chains")).json()).items as {
    id: string;
    name: string;
    completeness: number;
  }[];
  expect(chains.map((c) => c.name)).toEqual(
    expect.arrayContaining(["智能换电摩托车", "医疗器械（CT影像）", "硼材料", "光刻胶材料"]),
  );
  for (const c of chains) {
    const gaps = await (await page.request.get(`/api/v1/chains/${c.id}/gaps`)).json();
    await page.goto(`/chains/${c.id}`);
    await expect(page.getByTestId("chain-completeness")).toHaveText(`${gaps.completeness}%`);
    for (const l of gaps.links as { name: string; status: string }[]) {
      await expect(page.getByTestId("chain-map").locator(`[data-link="${l.name}"]`)).toHaveAttribute(
        "data-status",
        l.status,
      );
    }
  }
});

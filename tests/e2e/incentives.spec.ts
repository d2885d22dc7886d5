import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures";

// 政策兑现 and 签约周 end to end, on records of their own: a manager opens a new signed project's
// 政策兑现 tab (the seeded measures: 地方经济贡献 qualifies, 固定资产投资奖励 misses its threshold
// and says by how much) and records a grant after the confirmation; a manager creates a 签约周 in
// a past week of its own, signs a project within it on the stage panel (签约周 offered and kept),
// and the event's summary counts it, in 亿元, on the page and on the A4 print page.

const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

/** A project through the API (as the manager), moved to NEGOTIATING; SIGNED too when `signingDate` is given. */
async function newProject(page: Page, fields: Record<string, string>, signingDate?: string) {
  const headers = { origin: new URL(page.url()).origin };
  const industries = await (await page.request.get("/api/v1/industries")).json();
  const industryId = (industries.items ?? industries)[0].id;
  const created = await page.request.post("/api/v1/projects", {
    headers,
    data: { industryId, totalInvestment: "3000", ...fields },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const move = async (body: Record<string, unknown>) => {
    const res = await page.request.post(`/api/v1/projects/${id}/transitions`, { headers, data: body });
    expect(res.status()).toBe(200);
    return (await res.json()).version as number;
  };
  const v = await move({ to: "NEGOTIATING" });
  if (signingDate) await move({ to: "SIGNED", signingDate, contractInvestment: "3000", version: v });
  return id as string;
}

test("a manager sees the 政策兑现 tab with a qualifying and a non-qualifying measure and records a grant", async ({
  page,
}) => {
  const t = tag();
  await loginAs(page, "manager");
  const id = await newProject(
    page,
    {
      name: `兑现测试项目${t}`,
      enterpriseName: `兑现测试企业${t}有限公司`,
      fixedAssetInvestment: "800",
      expectedAnnualTax: "200",
    },
    today(),
  );
  await page.goto(`/projects/${id}`);
  await page.getByRole("tab", { name: "政策兑现" }).click();
  const tab = page.getByTestId("incentives-tab");
  await expect(tab).toBeVisible();
  const missed = tab.locator('tr[data-measure="固定资产投资奖励"]');
  await expect(missed).toHaveAttribute("data-qualifies", "false");
  await expect(missed.getByTestId("incentive-reason")).toHaveText("固定资产投资 800 万元，未达到 1,000 万元的门槛");
  // 200 万元 of expected tax in the band 100–1,000 at 30% = 60.00 万元, 20.00 a year over three years.
  const qualifies = tab.locator('tr[data-measure="地方经济贡献奖励"]');
  await expect(qualifies).toHaveAttribute("data-qualifies", "true");
  await expect(qualifies).toContainText("60.00 万元");
  await expect(qualifies).toContainText("20.00 万元");

  const form = page.getByTestId("grant-form");
  await form.locator("#grant-measureId").selectOption({ label: "地方经济贡献奖励" });
  await form.locator("#grant-amount").fill("20");
  await form.locator("#grant-note").fill("首年兑现");
  await form.getByTestId("grant-submit").click();
  await expect(page.getByTestId("confirm-dialog")).toContainText("地方经济贡献奖励");
  await page.getByTestId("confirm-yes").click();
  await expect(page.getByTestId("toast").last()).toHaveText("已登记兑现");
  await expect(page.getByTestId("incentive-grants")).toContainText("首年兑现");
  await expect(page.getByTestId("incentives-granted")).toHaveText("20.00 万元");

  // More than the year's schedule is refused with the rule's words.
  await form.locator("#grant-measureId").selectOption({ label: "地方经济贡献奖励" });
  await form.locator("#grant-amount").fill("0.01");
  await form.getByTestId("grant-submit").click();
  await page.getByTestId("confirm-yes").click();
  await expect(page.getByTestId("grant-error")).toContainText("超出该年度应兑现金额");
});

test("a 签约周: created, a project signed within it on the stage panel counts in the summary and the print", async ({
  page,
}) => {
  const t = tag();
  // A past week of its own (2001–2019), so that no other test's signing falls in it.
  const start = new Date(Date.UTC(2001 + (Date.now() % 19), 2, 1 + (Date.now() % 20)));
  const day = (n: number) => new Date(start.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const name = `测试签约周${t}`;
  await loginAs(page, "manager");
  await page.getByTestId("sidebar-nav").getByRole("link", { name: "签约周" }).click();
  await page.locator("#week-name").fill(name);
  await page.locator("#week-startDate").fill(day(0));
  await page.locator("#week-endDate").fill(day(4));
  await page.getByTestId("signing-week-save").click();
  await expect(page.getByTestId("signing-week-name")).toHaveText(name);
  const eventUrl = page.url();
  await expect(page.getByTestId("summary-count")).toHaveText("0");

  const projectName = `签约周测试项目${t}`;
  const id = await newProject(page, { name: projectName, enterpriseName: `签约周测试企业${t}有限公司` });
  await page.goto(`/projects/${id}`);
  await page.locator("#move-to").selectOption("SIGNED");
  await page.locator("#move-signingDate").fill(day(2));
  await page.locator("#move-contractInvestment").fill("3000");
  const offer = page.getByTestId("signing-week-offer");
  await expect(offer).toContainText(name);
  await expect(offer.getByRole("checkbox")).toBeChecked();
  await page.getByTestId("stage-move").getByRole("button", { name: "确认变更" }).click();
  await expect(page.getByTestId("project-stage")).toContainText("签约");

  await page.goto(eventUrl);
  await expect(page.getByTestId("summary-count")).toHaveText("1");
  await expect(page.getByTestId("summary-investment")).toHaveText("0.30");
  const row = page.getByTestId("summary-projects").locator(`tr[data-project="${id}"]`);
  await expect(row).toContainText(projectName);
  await expect(row).toContainText("签约周");
  await expect(page.getByTestId("summary-by-industry")).toContainText("3,000.00");

  await page.getByTestId("signing-week-print-link").click();
  const sheet = page.getByTestId("signing-week-sheet");
  await expect(sheet).toContainText(name);
  await expect(sheet).toContainText(projectName);
  await expect(sheet.getByTestId("summary-count")).toHaveText("1");
  const file = await page.request.get(`${eventUrl.replace(/\/signing-weeks\//, "/api/v1/signing-weeks/")}/export`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("spreadsheetml");
});

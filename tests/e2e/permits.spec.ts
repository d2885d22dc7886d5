import { expect, test, type Browser, type Page } from "@playwright/test";
import { creditCodeCheckChar } from "../../lib/enterprises/credit-code";
import { loginAs } from "./fixtures";

test("approver opens the inbox, approves an item with a certificate number, and the case shows it", async ({
  page,
}) => {
  await loginAs(page, "approver");
  await page.getByTestId("sidebar-nav").getByRole("link", { name: "七证合一" }).click();
  const inbox = page.getByTestId("permit-inbox");
  await expect(inbox).toContainText("建筑工程施工许可证");
  await expect(inbox).toContainText("中硼科技碳化硼材料项目");
  // Only this department's items are there.
  await expect(inbox).not.toContainText("环境影响评价批复");
  await inbox.locator("tr", { hasText: "建筑工程施工许可证" }).getByRole("link", { name: "办理" }).click();

  const row = page.getByTestId("permit-items").locator('[data-item="CONSTRUCTION_PERMIT"]');
  await row.locator('input[name="certificateNo"]').fill("建施 370211202611270001");
  await row.getByRole("button", { name: "确认办理" }).click();
  await expect(row.getByTestId("certificate")).toContainText("建施 370211202611270001");
  await expect(row).toContainText("已发证");
  await expect(page.getByTestId("case-timeline")).toContainText("准予许可，核发证书 · 建筑工程施工许可证");
  // Another department's pending item offers this approver no decision.
  await expect(
    page.getByTestId("permit-items").locator('[data-item="EIA_APPROVAL"]').getByRole("button", { name: "确认办理" }),
  ).toHaveCount(0);
});

async function as(browser: Browser, user: string): Promise<Page> {
  const page = await browser.newPage();
  await loginAs(page, user);
  return page;
}

test("a case goes from application to 七证同发 with four departments' decisions; then the project may start construction", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const staff = await as(browser, "staff");
  await staff.goto("/projects/new");
  await staff.locator("#f-name").fill("七证合一全流程厂房项目");
  await staff.locator("#f-enterpriseName").fill("七证合一验证机械有限公司");
  await staff.locator("#f-industryId").selectOption({ label: "高端装备" });
  await staff.locator("#f-totalInvestment").fill("26000");
  await staff.getByRole("button", { name: "保存" }).click();
  await expect(staff.getByTestId("project-stage")).toHaveText("线索");
  const projectUrl = staff.url();
  for (const [to, fields] of [
    ["NEGOTIATING", {}],
    ["SIGNED", { signingDate: "2026-11-02", contractInvestment: "25000" }],
  ] as const) {
    await staff.locator("#move-to").selectOption(to);
    for (const [k, v] of Object.entries(fields)) await staff.locator(`#move-${k}`).fill(v);
    await staff.getByRole("button", { name: "确认变更" }).click();
  }
  await expect(staff.getByTestId("project-stage")).toHaveText("签约");

  await staff.getByRole("tab", { name: "七证合一" }).click();
  const form = staff.getByTestId("application-form");
  await form.locator("#pa-landParcel").fill("XHA-2026-118");
  await form.locator("#pa-floorArea").fill("18600");
  await form.locator("#pa-buildingUse").fill("工业厂房");
  await form.locator("#pa-designUnit").fill("青岛市建筑设计研究院");
  await form.locator("#pa-constructionUnit").fill("中建八局");
  await form.locator("#pa-plannedStartDate").fill("2027-01-15");
  await form.getByRole("button", { name: "开启七证合一申请" }).click();
  await expect(staff.getByTestId("case-state")).toHaveText("草稿");

  // Submitting without documents is refused; with the set of documents all seven go out.
  await staff.getByTestId("submit-case").click();
  await expect(staff.getByTestId("submit-error")).toContainText("请先上传申请材料");
  await staff
    .getByTestId("case-document-file")
    .setInputFiles({ name: "申请材料.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 demo") });
  await staff.getByRole("button", { name: "上传材料" }).click();
  await expect(staff.getByTestId("case-documents")).toContainText("申请材料.pdf");
  await staff.getByTestId("submit-case").click();
  await expect(staff.getByTestId("case-state")).toHaveText("已提交");
  await expect(staff.getByTestId("permit-items").locator("[data-item]")).toHaveCount(7);
  const caseUrl = staff.url();

  const decisions: [string, string[]][] = [
    ["approver_zrzy", ["LAND_USE_PLANNING", "LAND_APPROVAL", "CONSTRUCTION_PLANNING"]],
    ["approver_bdc", ["REAL_ESTATE_TITLE"]],
    ["approver", ["DRAWING_REVIEW", "CONSTRUCTION_PERMIT"]],
    ["approver_sthj", ["EIA_APPROVAL"]],
  ];
  for (const [user, items] of decisions) {
    const page = await as(browser, user);
    await page.goto(caseUrl);
    for (const code of items) {
      const row = page.getByTestId("permit-items").locator(`[data-item="${code}"]`);
      await row.locator('input[name="certificateNo"]').fill(`${code}-001`);
      await row.getByRole("button", { name: "确认办理" }).click();
      await expect(row.getByTestId("certificate")).toContainText(`${code}-001`);
    }
    await page.close();
  }
  await staff.goto(caseUrl);
  await expect(staff.getByTestId("case-state")).toHaveText("七证同发");
  await expect(staff.getByTestId("case-progress")).toHaveText("已发证 7/7");
  await expect(staff.getByTestId("case-timeline")).toContainText("七证同发");

  // With the construction permit issued the owner starts construction, no override needed.
  await staff.goto(projectUrl);
  const code17 = "91370211MA3PQ7C2K";
  for (const [to, fields] of [
    ["REGISTERED", { creditCode: code17 + creditCodeCheckChar(code17) }],
    ["APPROVING", {}],
    ["CONSTRUCTION", {}],
  ] as const) {
    await staff.locator("#move-to").selectOption(to);
    for (const [k, v] of Object.entries(fields)) await staff.locator(`#move-${k}`).fill(v);
    await staff.getByRole("button", { name: "确认变更" }).click();
    await expect(staff.getByTestId("move-error")).toHaveCount(0);
  }
  await expect(staff.getByTestId("project-stage")).toHaveText("开工在建");
  await staff.getByRole("tab", { name: "阶段变更" }).click();
  await expect(staff.getByTestId("stage-history")).toContainText("开工在建");
});

import { expect, test, type Browser, type Page } from "@playwright/test";
import { creditCodeCheckChar } from "../../lib/enterprises/credit-code";
import { loginAs } from "./fixtures";

test("approver opens the inbox; 办理 opens the case at that item with nothing chosen; approving says so", async ({
  page,
}) => {
  await loginAs(page, "approver");
  const nav = page.getByTestId("sidebar-nav").getByRole("link", { name: /七证合一/ });
  // The badge counts what waits for this department's decision.
  await expect(nav.getByTestId("nav-badge")).toHaveText(/^\d+/);
  await nav.click();
  const inbox = page.getByTestId("permit-inbox");
  await expect(inbox).toContainText("建筑工程施工许可证");
  await expect(inbox).toContainText("中硼科技碳化硼材料项目");
  // Only this department's items are there.
  await expect(inbox).not.toContainText("环境影响评价批复");
  await inbox.locator("tr", { hasText: "建筑工程施工许可证" }).getByRole("link", { name: "办理" }).click();

  await expect(page).toHaveURL(/\?item=[^#]+#item-/);
  const row = page.getByTestId("permit-items").locator('[data-item="CONSTRUCTION_PERMIT"]');
  await expect(row).toHaveAttribute("data-focus", "true");
  await expect(row).toBeInViewport();
  // One decision form, nothing preselected; the documents beside it.
  await expect(page.locator('form[data-testid^="decide-"]')).toHaveCount(1);
  for (const radio of await row.getByRole("radio").all()) await expect(radio).not.toBeChecked();
  await expect(row.getByTestId("case-documents")).toBeVisible();
  await row.getByRole("button", { name: "确认办理" }).click();
  await expect(row.getByRole("alert")).toHaveText("请选择办理结果：准予许可、退回补正或不予许可");

  await row.getByRole("radio", { name: "准予许可" }).check();
  await row.locator('input[name="certificateNo"]').fill("建施 370211202611270001");
  await row.getByRole("button", { name: "确认办理" }).click();
  await expect(page.getByTestId("toast").last()).toHaveText("已准予许可");
  await expect(row.getByTestId("certificate")).toContainText("建施 370211202611270001");
  await expect(row).toContainText("已发证");
  await expect(page.getByTestId("case-timeline")).toContainText("准予许可，核发证书 · 建筑工程施工许可证");
  // Another department's pending item offers this approver no decision.
  await expect(
    page.getByTestId("permit-items").locator('[data-item="EIA_APPROVAL"]').getByRole("button", { name: "确认办理" }),
  ).toHaveCount(0);
});

test("a returned item waits under 等待补正 with its clock stopped, without 办理; the case's row says the same", async ({
  page,
}) => {
  await loginAs(page, "approver");
  await page.goto("/permits");
  // The seeded 中硼 case: 施工图设计审查合格书 returned for 补正 and not yet resubmitted.
  const waiting = page.getByTestId("permit-awaiting-correction").locator("tr", { hasText: "中硼科技碳化硼材料项目" });
  await expect(waiting).toContainText("施工图设计审查合格书");
  await expect(waiting).toContainText(/计时暂停\s*自 \d{4}-\d{2}-\d{2} 起/);
  await expect(waiting).toContainText("施工图消防专篇");
  await expect(waiting).not.toContainText("（剩");
  await expect(waiting.getByRole("link", { name: "办理" })).toHaveCount(0);
  await expect(
    page
      .getByTestId("permit-inbox")
      .locator("tr", { hasText: "中硼科技碳化硼材料项目" })
      .filter({ hasText: "施工图设计审查合格书" }),
  ).toHaveCount(0);

  await waiting.getByRole("link", { name: /中硼科技碳化硼材料项目/ }).click();
  const item = page.getByTestId("permit-items").locator('[data-item="DRAWING_REVIEW"]');
  await expect(item.getByTestId("clock-paused")).toContainText("计时暂停");
  await expect(item).toContainText("等待申请人补正");
  await expect(item).toContainText("岩土工程勘察报告（详勘）");
  await expect(item.getByRole("radio")).toHaveCount(0);
  await expect(item.getByRole("link", { name: "办理" })).toHaveCount(0);
});

test("不予许可 asks first, naming the whole case; Cancel changes nothing", async ({ page }) => {
  await loginAs(page, "approver_sthj");
  await page.goto("/permits");
  await page
    .getByTestId("permit-inbox")
    .locator("tr", { hasText: "中硼科技碳化硼材料项目" })
    .getByRole("link", { name: "办理" })
    .click();
  const row = page.getByTestId("permit-items").locator('[data-item="EIA_APPROVAL"]');
  await row.getByRole("radio", { name: "不予许可" }).check();
  await row.locator('textarea[name="reason"]').fill("选址位于生态保护红线内");
  await row.getByRole("button", { name: "确认办理" }).click();
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("不予许可「环境影响评价批复」？");
  await expect(dialog).toContainText("驳回整个七证合一申请（中硼科技碳化硼材料项目）");
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toHaveCount(0);
  await expect(page.getByTestId("case-state")).toHaveText("并联审批中");
  await page.reload();
  await expect(page.getByTestId("permit-items").locator('[data-item="EIA_APPROVAL"]')).toContainText("待审");
  await expect(page.getByTestId("case-state")).toHaveText("并联审批中");
  await expect(page.getByTestId("case-timeline")).not.toContainText("不予许可");
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
  await expect(staff.getByTestId("toast").last()).toHaveText("材料已上传");
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
    // Nothing open until the approver picks an item (more than one is theirs, or the one left).
    await expect(page.locator('form[data-testid^="decide-"]')).toHaveCount(items.length > 1 ? 0 : 1);
    for (const code of items) {
      const row = page.getByTestId("permit-items").locator(`[data-item="${code}"]`);
      if (items.length > 1) await row.getByTestId("decide-link").click();
      await expect(row).toHaveAttribute("data-focus", "true");
      await expect(page.locator('form[data-testid^="decide-"]')).toHaveCount(1);
      await row.getByRole("radio", { name: "准予许可" }).check();
      await row.locator('input[name="certificateNo"]').fill(`${code}-001`);
      await row.getByRole("button", { name: "确认办理" }).click();
      await expect(page.getByTestId("toast").last()).toContainText("已准予许可");
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

test("an admin pastes the holiday notice, reviews what was read on the year's grid, and saves it at once", async ({
  page,
}) => {
  await loginAs(page, "admin");
  await page.goto("/admin/calendar?year=2027");
  await page.getByRole("tab", { name: "粘贴放假通知" }).click();
  await page
    .locator("#holiday-notice")
    .fill(
      [
        "一、元旦：1月1日（周五）至3日（周日）放假，共3天。",
        "七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。",
      ].join("\n"),
    );
  await page.getByRole("button", { name: "识别" }).click();
  await expect(page.getByTestId("notice-reading")).toContainText("识别出 2 个节日");
  const periods = page.getByTestId("holiday-periods");
  await expect(periods.locator("#period-1-name")).toHaveValue("国庆节");
  await expect(periods.locator("#period-1-workdays")).toHaveValue("2027-09-26, 2027-10-09");
  await expect(periods.getByTestId("period-summary").nth(1)).toHaveText("7 天，含周末 2 天");
  // Nothing is saved yet: the grid shows the result, the changed days outlined.
  const grid = page.getByTestId("year-grid");
  await expect(grid.locator('[data-date="2027-10-02"]')).toHaveAttribute("data-changed", "true");
  await expect(grid.locator('[data-date="2027-10-09"]')).toHaveAttribute("data-kind", "WORKDAY");
  await page.getByRole("button", { name: "核对无误，保存" }).click();
  await expect(page.getByTestId("toast").last()).toContainText("已保存 2 个节日（12 天）");
  await expect(grid.locator('[data-date="2027-10-02"]')).toHaveAttribute("data-kind", "HOLIDAY");
  await expect(grid.locator('[data-date="2027-10-02"]')).not.toHaveAttribute("data-changed", "true");
  await expect(grid.locator('[data-date="2027-09-26"]')).toHaveAttribute("data-kind", "WORKDAY");
});

test("the permit report draws each department's cycle time as a chart beside its table", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/permits/report");
  const table = page.getByTestId("report-departments");
  await expect(table).toContainText("自然资源和规划局");
  // ECharts (SVG renderer): the departments of the table are the chart's axis labels.
  const chart = page.getByTestId("cycle-chart");
  await expect(chart.locator("svg")).toBeVisible();
  await expect(chart).toContainText("自然资源和规划局");
  await expect(chart).toContainText("平均用时");
});

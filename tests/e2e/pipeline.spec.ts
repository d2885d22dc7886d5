import { expect, test, type Page } from "@playwright/test";
import { creditCodeCheckChar } from "../../lib/enterprises/credit-code";
import { loginAs } from "./fixtures";

async function move(page: Page, to: string, fields: Record<string, string> = {}, note = "") {
  await page.locator("#move-to").selectOption(to);
  for (const [name, value] of Object.entries(fields)) await page.locator(`#move-${name}`).fill(value);
  if (note) await page.locator("#move-note").fill(note);
  await page.getByRole("button", { name: "确认变更" }).click();
}

test("one project from lead to production in the browser: every rule enforced, every change in the history", async ({
  browser,
}) => {
  const staff = await browser.newPage();
  await loginAs(staff, "staff");
  await staff.goto("/projects/new");
  await staff.locator("#f-name").fill("全流程验证精密轴承项目");
  await staff.locator("#f-enterpriseName").fill("全流程验证轴承制造有限公司");
  await staff.locator("#f-industryId").selectOption({ label: "高端装备" });
  await staff.locator("#f-totalInvestment").fill("36000");
  await staff.getByRole("button", { name: "保存" }).click();
  const stage = staff.getByTestId("project-stage");
  await expect(stage).toHaveText("线索");
  const url = staff.url();

  await move(staff, "NEGOTIATING");
  await expect(stage).toHaveText("洽谈");
  await move(staff, "SIGNED", { signingDate: "2026-06-01", contractInvestment: "35000" });
  await expect(stage).toHaveText("签约");

  // 落地注册 needs a valid credit code: a wrong check character is refused beside the field.
  await move(staff, "REGISTERED", { creditCode: "913702007180409371" });
  await expect(staff.locator('[data-field-error="move-creditCode"]')).toHaveText("统一社会信用代码校验位不正确");
  await expect(stage).toHaveText("签约");
  const code17 = "91370211MA3RX2B4P";
  await move(staff, "REGISTERED", { creditCode: code17 + creditCodeCheckChar(code17) });
  await expect(stage).toHaveText("落地注册");
  await move(staff, "APPROVING");
  await expect(stage).toHaveText("手续办理");

  // No construction permit yet: staff may not start construction.
  await move(staff, "CONSTRUCTION");
  await expect(staff.getByTestId("move-error")).toContainText("建筑工程施工许可证尚未核发");
  await expect(stage).toHaveText("手续办理");

  // The manager's 容缺开工, with a reason.
  const manager = await browser.newPage();
  await loginAs(manager, "manager");
  await manager.goto(url);
  await move(manager, "CONSTRUCTION", {}, "容缺开工：土地已摘牌，施工许可并联办理中");
  await expect(manager.getByTestId("project-stage")).toHaveText("开工在建");

  await staff.reload();
  await move(staff, "COMPLETED");
  await expect(staff.locator('[data-field-error="move-completionDate"]')).toHaveText("请填写竣工验收日期");
  await move(staff, "COMPLETED", { completionDate: "2026-10-20" });
  await expect(stage).toHaveText("竣工");
  await move(staff, "PRODUCTION", { productionDate: "2026-11-18" });
  await expect(stage).toHaveText("投产");
  // 投产 is the last stage: staff have no further move.
  await expect(staff.locator("#move-to")).toHaveCount(0);

  await staff.getByRole("tab", { name: "阶段变更" }).click();
  const history = staff.getByTestId("stage-history");
  for (const s of ["线索", "洽谈", "签约", "落地注册", "手续办理", "开工在建", "竣工", "投产"])
    await expect(history).toContainText(s);
  await expect(history).toContainText("容缺开工：土地已摘牌，施工许可并联办理中");
  await staff.getByRole("tab", { name: "修改历史" }).click();
  const audit = staff.getByTestId("audit-history");
  // The change history in words (lib/audit/describe.ts), never the codes it is stored with.
  for (const a of [
    "创建",
    "阶段变更 · 线索 → 洽谈",
    "阶段变更 · 签约 → 落地注册",
    "阶段变更 · 手续办理 → 开工在建",
    "阶段变更 · 竣工 → 投产",
  ])
    await expect(audit).toContainText(a);
  await expect(audit).not.toContainText("stage:");
  await expect(audit).not.toContainText("CONSTRUCTION");
});

import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures";

// The year's plan in the browser: the owner drafts it in the 督办 tab, the leader signs it
// (签字认领), the letter prints to PDF with the project's and the leader's names, and the
// owner's progress entry (with a photo) shows in the list.
test("owner drafts the plan, the leader signs it, the letter prints, progress is reported", async ({ browser }) => {
  // Two users, a build of the letter as PDF and an upload: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const year = Number(
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()),
  );
  const name = `调度验证精密模具项目${Date.now().toString(36)}`;

  const staff = await browser.newPage();
  await loginAs(staff, "staff");
  await staff.goto("/projects/new");
  await staff.locator("#f-name").fill(name);
  await staff.locator("#f-enterpriseName").fill(`${name}有限公司`);
  await staff.locator("#f-industryId").selectOption({ label: "高端装备" });
  await staff.locator("#f-totalInvestment").fill("20000");
  await staff.getByRole("button", { name: "保存" }).click();
  await expect(staff.getByTestId("project-name")).toHaveText(name);
  const projectUrl = new URL(staff.url()).pathname;

  // No plan yet: 未纳入调度, and the owner draws one up.
  await staff.goto(`${projectUrl}?tab=supervision`);
  await expect(staff.getByTestId("plan-none")).toContainText("未纳入调度");
  await staff.getByTestId("plan-open-form").click();
  await staff.locator("#plan-goalStage").selectOption("SIGNED");
  await staff.locator("#plan-goalInvestment").fill("5000");
  await staff.locator("#plan-leaderId").selectOption({ label: "李明" });
  const rows = [
    ["NEGOTIATING", "0", "完成项目考察"],
    ["NEGOTIATING", "0", "敲定投资协议条款"],
    ["SIGNED", "1000", "正式签约"],
    ["SIGNED", "5000", "首期资金到位"],
  ];
  for (const [i, [stage, investment, task]] of rows.entries()) {
    await staff.locator(`#plan-m${i}-stage`).selectOption(stage);
    await staff.locator(`#plan-m${i}-investment`).fill(investment);
    await staff.locator(`#plan-m${i}-task`).fill(task);
  }
  // A Q4 above the year's goal is refused beside its field, and nothing is saved.
  await staff.locator("#plan-m3-investment").fill("6000");
  await staff.getByTestId("plan-save").click();
  await expect(staff.locator('[data-field-error="plan-m3-investment"]')).toHaveText(
    "第四季度累计投资不能超过年度投资目标",
  );
  await staff.locator("#plan-m3-investment").fill("5000");
  await staff.getByTestId("plan-save").click();
  await expect(staff.getByTestId("plan-state")).toContainText("待签字");
  await expect(staff.getByTestId("plan-leader")).toHaveText("李明");
  await expect(staff.getByTestId("plan-milestones")).toContainText("首期资金到位");
  // Only the leader named on the plan has the button.
  await expect(staff.getByTestId("plan-sign")).toHaveCount(0);

  // The leader signs it in the app.
  const leader = await browser.newPage();
  await loginAs(leader, "leader");
  await leader.goto(`${projectUrl}?tab=supervision`);
  await leader.getByTestId("plan-sign").click();
  await expect(leader.getByTestId("confirm-dialog")).toContainText(name);
  await leader.getByTestId("confirm-yes").click();
  await expect(leader.getByTestId("plan-state")).toHaveAttribute("data-state", "SIGNED");
  await expect(leader.getByTestId("plan-state")).toContainText("李明");
  await expect(leader.getByTestId("plan-sign")).toHaveCount(0);

  // The letter, printed to PDF by Chromium: the project and the leader who signed.
  await leader.getByTestId("plan-print-link").click();
  await expect(leader.getByTestId("letter-title")).toHaveText(`〔${year}〕年度重点项目推进责任书`);
  await expect(leader.getByTestId("letter-project")).toHaveText(name);
  await expect(leader.getByTestId("letter-leader")).toHaveText("李明");
  await expect(leader.getByTestId("letter-signed-at")).not.toContainText("待签字");
  await expect(leader.getByTestId("audit-history")).toContainText("签字认领");
  await leader.emulateMedia({ media: "print" });
  await expect(leader.locator("aside")).toBeHidden();
  const letterText = await leader.getByTestId("plan-letter").innerText();
  expect(letterText).toContain(name);
  expect(letterText).toContain("李明");
  expect(letterText).toContain("首期资金到位");
  const pdf = await leader.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(5_000);

  // The owner reports progress with a photo; it shows in the list.
  await staff.reload();
  await expect(staff.getByTestId("plan-state")).toHaveAttribute("data-state", "SIGNED");
  await staff.locator("#progress-investmentCompleted").fill("1200");
  await staff.locator("#progress-note").fill("投资协议已签署，首期资金到账");
  await staff.locator("#progress-problems").fill("需协调用地指标");
  await staff.locator("#progress-files").setInputFiles({
    name: "现场照片.png",
    mimeType: "image/png",
    buffer: Buffer.from("89504e470d0a1a0a", "hex"),
  });
  await staff.getByTestId("progress-save").click();
  const list = staff.getByTestId("progress-list");
  await expect(list).toContainText("投资协议已签署，首期资金到账");
  await expect(list).toContainText("需协调用地指标");
  await expect(list).toContainText("现场照片.png");
  await expect(list).toContainText("24.00%");
});

test("the dispatch overview lists the projects under dispatch that have not reported today", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/supervision/dispatch");
  await expect(page.getByRole("heading", { name: "日调度" })).toBeVisible();
  // The demo's 润辉 reported until yesterday: not today, but this week (unless today is Monday).
  const notToday = page.getByTestId("dispatch-not-today");
  await expect(notToday).toContainText("润辉生物泰美太海洋多肽药物项目");
  await page.getByRole("link", { name: "按责任领导" }).click();
  await expect(notToday.getByTestId("dispatch-group").first()).toContainText("李明");
  await notToday.getByRole("link", { name: "润辉生物泰美太海洋多肽药物项目" }).click();
  await expect(page.getByTestId("plan-state")).toHaveAttribute("data-state", "SIGNED");
  await expect(page.getByTestId("progress-list")).toContainText("双回路供电接入待电力部门排期");
  // A year of weekly reports: the latest ten show, the earlier ones fold below.
  await expect(page.getByTestId("progress-list").locator("tbody tr")).toHaveCount(10);
  await expect(page.getByTestId("progress-list-earlier")).toBeHidden();
  await page
    .getByTestId("progress-earlier")
    .getByText(/更早的 \d+ 条日调度/)
    .click();
  await expect(page.getByTestId("progress-list-earlier")).toBeVisible();
});

import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { BASE_URL, loginAs } from "./fixtures";

test("staff creates a lead, moves it to NEGOTIATING, finds it with a filter and exports the view", async ({ page }) => {
  await loginAs(page, "staff");
  await page.goto("/projects");
  await page.getByTestId("new-project").click();
  await expect(page).toHaveURL(/\/projects\/new$/);

  // Bad input is answered beside the fields, in Chinese, before anything is saved.
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator('[data-field-error="f-name"]')).toHaveText("请填写项目名称");
  await page.locator("#f-creditCode").fill("123");
  await page.locator("#f-totalInvestment").fill("12.345");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator('[data-field-error="f-creditCode"]')).toHaveText("统一社会信用代码应为 18 位");
  await expect(page.locator('[data-field-error="f-totalInvestment"]')).toHaveText(
    "总投资（万元）请填写不超过两位小数的非负数",
  );

  await page.locator("#f-name").fill("碳化硼陶瓷防弹材料项目");
  await page.locator("#f-enterpriseName").fill("鲁硼先进陶瓷有限公司");
  await page.locator("#f-creditCode").fill("");
  await page.locator("#f-industryId").selectOption({ label: "新能源新材料" });
  await page.locator("#f-parkId").selectOption({ label: "新材料产业园" });
  await page.locator("#f-totalInvestment").fill("45000");
  await page.getByRole("button", { name: "保存" }).click();

  await expect(page.getByTestId("project-name")).toHaveText("碳化硼陶瓷防弹材料项目");
  await expect(page.getByTestId("project-stage")).toHaveText("线索");

  // A signing without its fields is refused with the rule's message; negotiation is allowed.
  await page.locator("#move-to").selectOption("NEGOTIATING");
  await page.getByRole("button", { name: "确认变更" }).click();
  await expect(page.getByTestId("project-stage")).toHaveText("洽谈");
  await page.locator("#move-to").selectOption("SIGNED");
  await page.getByRole("button", { name: "确认变更" }).click();
  // Told once, at the fields the move needs.
  await expect(page.locator('[data-field-error="move-signingDate"]')).toHaveText("请填写签约日期");
  await expect(page.locator('[data-field-error="move-contractInvestment"]')).toHaveText("请输入大于 0 的金额");
  await expect(page.getByTestId("move-error")).toHaveCount(0);
  await expect(page.getByTestId("project-stage")).toHaveText("洽谈");

  await page.getByRole("tab", { name: "阶段变更" }).click();
  await expect(page.getByTestId("stage-history")).toContainText("洽谈");
  await page.getByRole("tab", { name: "跟进记录" }).click();
  await page.locator("#a-type").selectOption("SITE_SURVEY");
  await page.locator("#a-notes").fill("陪同企业考察新材料产业园地块");
  await page.getByRole("button", { name: "添加记录" }).click();
  await expect(page.getByTestId("timeline")).toContainText("陪同企业考察新材料产业园地块");

  // The grid finds it by stage and text; the URL holds the view.
  await page.goto("/projects");
  const filters = page.getByTestId("project-filters");
  await filters.locator('select[name="stage"]').selectOption("NEGOTIATING");
  await filters.locator('input[name="q"]').fill("碳化硼");
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/stage=NEGOTIATING/);
  const grid = page.getByTestId("projects-grid");
  await expect(grid.locator("tbody tr")).toHaveCount(1);
  await expect(grid).toContainText("碳化硼陶瓷防弹材料项目");
  await expect(page.getByTestId("grid-total")).toContainText("共 1 条");

  const download = page.waitForEvent("download");
  await page.getByTestId("export-xlsx").click();
  const saved = await download;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  // STAFF's default view is 只看我的, and the file says so.
  expect(saved.suggestedFilename()).toBe(`招商项目_洽谈_只看我的_碳化硼_${today}.xlsx`);
  await expect(page.getByTestId("toast")).toContainText("已导出");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await saved.path())!);
  const sheet = workbook.worksheets[0];
  // Title, the filters in words, the header, the project, 合计.
  expect(sheet.rowCount).toBe(5);
  expect(sheet.getRow(2).getCell(1).value).toBe("筛选条件：阶段: 洽谈; 项目范围: 只看我的; 关键词: 碳化硼");
  expect(sheet.getRow(4).getCell(2).value).toBe("碳化硼陶瓷防弹材料项目");
  expect(sheet.getRow(4).getCell(9).value).toBe("洽谈");
  expect(sheet.getRow(5).getCell(1).value).toBe("合计");
  expect(sheet.getRow(5).getCell(6).value).toBe(45000);
});

test("the grid sorts on the server, hides columns and saves views", async ({ page }) => {
  await loginAs(page, "manager");
  await page.goto("/projects");
  await page.locator('button[data-sort="totalInvestment"]').click();
  await expect(page).toHaveURL(/sort=totalInvestment/);
  const firstName = page.getByTestId("projects-grid").locator("tbody tr").first();
  const order = new URL(page.url()).searchParams.get("order") ?? "asc";
  // The first row is the one the API puts first for this sort (the data set grows as other tests run).
  const api = await (await page.request.get(`/api/v1/projects?sort=totalInvestment&order=${order}&pageSize=1`)).json();
  await expect(firstName).toContainText(api.items[0].name);
  await page.locator('button[data-sort="totalInvestment"]').click();
  await expect(page).toHaveURL(new RegExp(`order=${order === "asc" ? "desc" : "asc"}`));
  const reversed = await (
    await page.request.get(`/api/v1/projects?sort=totalInvestment&order=${order === "asc" ? "desc" : "asc"}&pageSize=1`)
  ).json();
  expect(reversed.items[0].name).not.toBe(api.items[0].name);
  await expect(firstName).toContainText(reversed.items[0].name);

  await page.getByRole("button", { name: "显示列" }).click();
  await page.getByTestId("column-chooser").getByLabel("投资企业").click();
  // Hidden beside the columns hidden by default (so that the grid fits 1440 px).
  await expect(page).toHaveURL(/hide=[^&]*enterpriseName/);
  await expect(page.getByTestId("projects-grid").locator("thead")).not.toContainText("投资企业");

  await page.getByLabel("视图名称").fill("按投资排序");
  await page.getByRole("button", { name: "保存视图" }).click();
  const saved = page.getByTestId("saved-views").getByRole("link", { name: "按投资排序" });
  await expect(saved).toBeVisible();
  await page.goto("/projects");
  await page.getByTestId("saved-views").getByRole("link", { name: "按投资排序" }).click();
  await expect(page).toHaveURL(/hide=[^&]*enterpriseName/);
});

test("a use-case's refusal in a server action is answered FORBIDDEN, saves nothing and is logged", async ({
  browser,
}) => {
  // The owner adds an activity once, so that we learn the action's id and a project id.
  const staffCtx = await browser.newContext();
  const staff = await staffCtx.newPage();
  await loginAs(staff, "staff");
  await staff.goto("/projects?q=NH-2026-0005");
  await staff.getByTestId("projects-grid").getByRole("link").first().click();
  await expect(staff.getByTestId("project-name")).toHaveText("中硼科技碳化硼材料项目");
  const projectUrl = staff.url();
  await staff.getByRole("tab", { name: "跟进记录" }).click();
  let actionId: string | undefined;
  staff.on("request", (req) => {
    if (req.method() === "POST" && req.headers()["next-action"]) actionId = req.headers()["next-action"];
  });
  await staff.locator("#a-notes").fill("签约后回访");
  await staff.getByRole("button", { name: "添加记录" }).click();
  await expect(staff.getByTestId("timeline")).toContainText("签约后回访");
  expect(actionId).toBeTruthy();
  const projectId = new URL(projectUrl).pathname.split("/").pop()!;

  // An approver may read the project but not log on it: the same action is refused.
  const approverCtx = await browser.newContext();
  const approver = await approverCtx.newPage();
  await loginAs(approver, "approver");
  const res = await approver.request.post(`/projects/${projectId}`, {
    headers: {
      "next-action": actionId!,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      // From the app's own origin, as the user's browser would send it (another origin is refused earlier).
      origin: new URL(BASE_URL).origin,
    },
    data: JSON.stringify([projectId, { type: "CALL", date: "2026-11-20", participants: "", notes: "越权记录" }]),
  });
  expect(await res.text()).toContain("FORBIDDEN");
  await staff.reload();
  await expect(staff.getByTestId("timeline")).not.toContainText("越权记录");

  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await loginAs(admin, "admin");
  await admin.goto("/admin/security?type=ACCESS_DENIED&username=approver");
  await expect(admin.getByTestId("security-table")).toContainText("POST project.activity");
  for (const ctx of [staffCtx, approverCtx, adminCtx]) await ctx.close();
});

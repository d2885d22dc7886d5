import { expect, test } from "@playwright/test";
import { BASE_URL, loginAs } from "./fixtures";

test("staff gets 403 from the user-management page and its server actions", async ({ browser }) => {
  // The admin creates a user once, so that we learn the server action's id.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await loginAs(admin, "admin");
  await admin.goto("/admin/users");
  let actionId: string | undefined;
  admin.on("request", (req) => {
    const id = req.headers()["next-action"];
    if (id && req.method() === "POST") actionId = id;
  });
  await admin.locator("#new-username").fill("e2e.probe");
  await admin.locator("#new-displayName").fill("探针用户");
  await admin.locator("#new-password").fill("Probe2026");
  await admin.getByRole("button", { name: "新建用户" }).click();
  await expect(admin.getByRole("status")).toContainText("已创建用户 e2e.probe");
  expect(actionId).toBeTruthy();

  const staffCtx = await browser.newContext();
  const staff = await staffCtx.newPage();
  await loginAs(staff, "staff");
  const res = await staff.goto("/admin/users");
  expect(res?.status()).toBe(403);
  await expect(staff.getByTestId("forbidden")).toBeVisible();

  const forged = await staff.request.post("/admin/users", {
    headers: {
      "next-action": actionId!,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      // From the app's own origin, as the user's browser would send it (another origin is refused earlier).
      origin: new URL(BASE_URL).origin,
    },
    data: JSON.stringify([
      { username: "e2e.sneaky", displayName: "越权", password: "Sneaky2026", role: "ADMIN", departmentId: "" },
    ]),
  });
  expect(forged.status()).toBe(403);

  // Nothing was created, and the refusals are in the admin's security log.
  await admin.goto("/admin/users?q=e2e");
  await expect(admin.getByTestId("users-table")).toContainText("e2e.probe");
  await expect(admin.getByTestId("users-table")).not.toContainText("e2e.sneaky");
  await admin.goto("/admin/security?type=ACCESS_DENIED&username=staff");
  const rows = admin.getByTestId("security-table").locator("tbody tr");
  await expect(rows.filter({ hasText: "GET user.manage" })).toHaveCount(1);
  // The refused action, and the page render Next.js does for its 403 answer.
  expect(await rows.filter({ hasText: "POST user.manage" }).count()).toBeGreaterThanOrEqual(1);
  await adminCtx.close();
  await staffCtx.close();
});

test("a user the admin creates can log in; deactivation ends their session at once", async ({ browser }) => {
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await loginAs(admin, "admin");
  await admin.goto("/admin/users");
  await admin.locator("#new-username").fill("e2e.new");
  await admin.locator("#new-displayName").fill("新同事");
  await admin.locator("#new-password").fill("short");
  await admin.getByRole("button", { name: "新建用户" }).click();
  await expect(admin.locator('[data-field-error="new-password"]')).toHaveText("密码长度为 8–128 个字符");
  await admin.locator("#new-password").fill("Welcome2026");
  await admin.locator("#new-role").selectOption("LEADER");
  await admin.getByRole("button", { name: "新建用户" }).click();
  await expect(admin.getByRole("status")).toContainText("已创建用户 e2e.new");

  const userCtx = await browser.newContext();
  const user = await userCtx.newPage();
  await loginAs(user, "e2e.new", { password: "Welcome2026" });
  await expect(user.getByTestId("current-role")).toHaveText("分包领导");

  await admin.reload();
  await admin.getByTestId("user-actions-e2e.new").getByRole("button", { name: "停用" }).click();
  // Asked first, naming the person; Cancel would change nothing.
  await expect(admin.getByTestId("confirm-dialog")).toContainText("停用新同事？");
  await admin.getByTestId("confirm-yes").click();
  await expect(admin.locator('tr[data-username="e2e.new"]')).toHaveAttribute("data-active", "false");

  await user.goto("/projects");
  await expect(user).toHaveURL(/\/login/);
  await adminCtx.close();
  await userCtx.close();
});

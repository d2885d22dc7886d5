import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2026";
/** The app under test (scripts/e2e.ts sets it). */
export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3000";

/**
 * Signs in as `username` with a session of its own, the way the login form does (next-auth's
 * CSRF token, then the credentials callback from the app's origin) but without rendering the
 * form, and opens `at`: the profile page unless asked (a light page with the shell; the home page
 * of managers and leaders is the whole dashboard, so a test that reads it asks for "/").
 * tests/e2e/auth.spec.ts signs in through the form itself (`loginThroughForm`).
 */
export async function loginAs(
  page: Page,
  username: string,
  { password = DEMO_PASSWORD, at = "/profile" }: { password?: string; at?: string } = {},
) {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
    headers: { origin: new URL(BASE_URL).origin },
  });
  expect(res.ok()).toBe(true);
  await page.goto(at);
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Signs in through the login page, as a person does. */
export async function loginThroughForm(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: /登录|Sign in/ }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

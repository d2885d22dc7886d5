import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2026";
/** The app under test (scripts/e2e.ts sets it). */
export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3000";

export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: /登录|Sign in/ }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

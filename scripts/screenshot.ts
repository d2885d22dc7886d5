// npm run screenshot: logs in to a running app (BASE, default http://localhost:3000) as
// U (default staff) and saves a full-page PNG of each path in PAGES (comma-separated) to
// OUT (default /tmp), to look at the app as a user would.
import { chromium } from "@playwright/test";
(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const base = process.env.BASE ?? "http://localhost:3000";
  await page.goto(base + "/login");
  await page.fill("#username", process.env.U ?? "staff");
  await page.fill("#password", "Demo@2026");
  await page.click("button[type=submit]");
  await page.waitForURL(base + "/");
  for (const p of (process.env.PAGES ?? "").split(",").filter(Boolean)) {
    await page.goto(base + p);
    await page.screenshot({ path: `${process.env.OUT ?? "/tmp"}/p${p.replace(/\W/g, "_")}.png`, fullPage: true });
  }
  await browser.close();
})();

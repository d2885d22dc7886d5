import fs from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's chromium-headless-shell (the old headless mode: no browser UI process to drive) when
// installed — .ci/run installs it — else the full chromium in headless mode. On CI's two cores the
// shell took a fifth less CPU for the same tests (browser process 16 → 7 CPU-s, permits suite).
const chromium = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => fs.existsSync(p));

// Run through `npm run test:e2e` (scripts/e2e.ts), which starts the database and the
// production server and sets BASE_URL. Debian's chromium, never a downloaded browser.
//
// One worker: on this 2-core machine the server and Chromium already use both cores; with two
// workers each test took twice as long and the run was no shorter (measured 2026-11-27). One
// worker also keeps the tests that read district-wide figures (this week's bulletin draft, the
// bell's unread count, the home page's sums) free of other tests' writes.
export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});

import { defineConfig } from "@playwright/test";

// Run through `npm run test:e2e` (scripts/e2e.ts), which starts the database and the
// production server and sets BASE_URL. Debian's chromium, never a downloaded browser.
//
// Two projects over one server and one seeded database. "independent" files create their
// own records (or only read) and run on two workers. "shared-state" files read district-wide
// figures (this week's bulletin draft, the bell's unread count, the home page's sums, the
// security log) or change district-wide settings, so they run one at a time, after the rest.
const sharedState = [
  "bulletin",
  "dashboard",
  "navigation",
  "notifications",
  "problem-loop",
  "security",
  "supervision-colour",
  "supervision-meeting",
  "supervision-notice",
  "supervision-settings",
  "war-room",
].map((f) => `**/${f}.spec.ts`);

export default defineConfig({
  testDir: "tests/e2e",
  workers: 2,
  projects: [
    { name: "independent", testIgnore: sharedState, workers: 2 },
    { name: "shared-state", testMatch: sharedState, workers: 1, dependencies: ["independent"] },
  ],
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
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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

import { defineConfig } from "@playwright/test";

// E2E_PORT and NEXT_DIST_DIR let several checkouts or developers run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// The SMSC the SMS journey starts (e2e/sms-journey.spec.ts): the app binds to it through SMPP_URL, so its
// port is settled before the server starts; set E2E_SMSC_PORT where PORT + 20000 is taken.
const SMSC_PORT = Number(process.env.E2E_SMSC_PORT ?? PORT + 20_000);
process.env.E2E_SMSC_PORT = String(SMSC_PORT);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser on this network.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // The database is the test run's own (scripts/with-test-database.ts); the build is done before.
    command: `tsx scripts/start.ts --no-build --port ${PORT} --demo-appeals 0`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Warnings and errors only: a line per request would bury the failures in the test report.
    // This runner is the server's reverse proxy: it may say, in X-Forwarded-For, which address a test
    // request comes from, so that tests of the per-address limits do not lock out every other test.
    env: {
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      TRUSTED_PROXIES: "127.0.0.1,::1",
      // test/smsc.ts accepts this system_id and password.
      SMPP_URL: `smpp://tyndau:secret12@127.0.0.1:${SMSC_PORT}`,
      SMPP_SOURCE_ADDR: "1414",
    },
  },
});

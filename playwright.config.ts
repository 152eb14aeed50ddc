import { defineConfig } from '@playwright/test';

// Chromium comes from Debian; Playwright never downloads a browser here.
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const launchOptions = {
  executablePath: chromium,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  // Every spec drives the one real engine (and fixed demo ports): one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser', use: { browserName: 'chromium', launchOptions } },
    // The same specs in the desktop window; skipped where no Electron binary exists.
    { name: 'electron', use: { browserName: 'chromium', launchOptions } },
  ],
});

import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions as launchOptions } from './scripts/chromium.mjs';

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
    {
      name: 'browser',
      testIgnore: /console-port-handoff/,
      use: { browserName: 'chromium', launchOptions },
    },
    // The same specs in the desktop window; skipped where no Electron binary exists.
    {
      name: 'electron',
      testIgnore: /console-port-handoff/,
      use: { browserName: 'chromium', launchOptions },
    },
    // The desktop window's preload hand-off and Electron transport, in Chromium without Electron.
    {
      name: 'handoff',
      testMatch: /console-port-handoff/,
      use: { browserName: 'chromium', launchOptions },
    },
  ],
});

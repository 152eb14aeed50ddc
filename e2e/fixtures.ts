// Fixtures that give each spec the app, in browser mode (the built web server,
// started exactly as `npm run web` starts it, in Chromium) or in Electron.
import { test as base, _electron as electron, type Page } from '@playwright/test';
import { electronBinary } from '../scripts/electron-binary.mjs';
import { removeOwned } from './engine';
import { startWebMode } from './web-mode';

interface WorkerFixtures {
  webUrl: string;
}
interface TestFixtures {
  app: Page;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  webUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name === 'electron') return use('');
      const { url, child } = await startWebMode();
      await use(url);
      child.kill('SIGTERM');
    },
    { scope: 'worker' },
  ],
  app: async ({ page, webUrl }, use, testInfo) => {
    await removeOwned();
    if (testInfo.project.name === 'electron') {
      const binary = electronBinary();
      test.skip(
        !binary,
        'No Electron binary on this machine (it cannot be downloaded offline); the browser project runs the same spec.',
      );
      const app = await electron.launch({ executablePath: binary!, args: ['out/main/index.js'] });
      const window = await app.firstWindow();
      await use(window);
      await app.close();
    } else {
      await page.goto(webUrl);
      await use(page);
    }
    await removeOwned();
  },
});

export { expect } from '@playwright/test';

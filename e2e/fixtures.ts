// Fixtures that give each spec the app, in browser mode (the built web server,
// started exactly as `npm run web` starts it, in Chromium) or in Electron.
import { spawn, type ChildProcess } from 'node:child_process';
import { test as base, _electron as electron, type Page } from '@playwright/test';
import { electronBinary } from '../scripts/electron-binary.mjs';
import { removeOwned } from './engine';

interface WorkerFixtures {
  webUrl: string;
}
interface TestFixtures {
  app: Page;
}

function startWebMode(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/web.js', '--no-open', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (m) resolve({ url: m[1]!, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // The server's own complaints belong in the test log.
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)));
  });
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

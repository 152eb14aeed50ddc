// With no engine at the endpoint, the app says what it tried instead of showing an empty screen.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';

test('no engine: a banner names the endpoint tried and what to do', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Browser mode is enough to show the banner.');
  const socket = '/tmp/crosstalk-no-engine-here.sock';
  const child = spawn(process.execPath, ['out/main/web.js', '--no-open'], {
    env: {
      ...process.env,
      DOCKER_HOST: `unix://${socket}`,
      // Its kept token and settings in a folder of its own, never the person's.
      CROSSTALK_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'crosstalk-config-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        const m = /(http:\/\/\S+)/.exec(d.toString());
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    await page.goto(url);
    const banner = page.getByRole('alert').filter({ hasText: 'No Docker engine' });
    await expect(banner).toContainText(`No Docker engine at unix://${socket}`);
    await expect(banner).toContainText('from DOCKER_HOST');
    // The reason in words, as the CLI would say it (no bare ENOENT).
    await expect(banner).toContainText(
      'the socket file does not exist, so the engine is not running',
    );
    await expect(page.getByRole('button', { name: 'Retry now' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New container' })).toBeDisabled();
  } finally {
    child.kill('SIGTERM');
  }
});

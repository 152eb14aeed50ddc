// Lesson setup: the network lesson from the click on "Set up" until both consoles show a
// prompt, against the same steps done with the docker CLI one after another.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Figure } from './lib/figures';
import { IMAGE, LABELS, cleanup } from './lib/engine';
import { openApp, withApp } from './lib/app';
import { waitForConsoles } from './lib/probes';

const run$ = promisify(execFile);
const LABEL_ARGS = Object.entries(LABELS).flatMap(([k, v]) => ['--label', `${k}=${v}`]);

declare global {
  interface Window {
    __setupAt: number;
  }
}

async function cliOnce(): Promise<number> {
  const t0 = performance.now();
  await run$('docker', ['network', 'create', ...LABEL_ARGS, 'example']);
  for (const name of ['server', 'client'])
    await run$('docker', [
      'run',
      '-dit',
      '--name',
      name,
      '--network',
      'example',
      ...LABEL_ARGS,
      IMAGE,
    ]);
  return performance.now() - t0;
}

export async function run(): Promise<Figure[]> {
  await cleanup();
  try {
    const cli = await cliOnce();
    await cleanup();
    const crosstalk = await withApp(async ({ web, browser }) => {
      const page = await openApp(browser, web.url);
      await page.getByRole('button', { name: 'Lessons', exact: true }).click();
      await page.getByRole('tab', { name: '3 · User-defined networks' }).click();
      const lesson = page.getByRole('article', { name: '3 · User-defined networks' });
      await lesson.getByLabel('Lesson image').fill(IMAGE);
      const button = lesson.getByRole('button', { name: /^Set up( again)?$/ });
      await button.evaluate((b) =>
        b.addEventListener('click', (e) => (window.__setupAt = e.timeStamp), { once: true }),
      );
      await button.click();
      const ready = await waitForConsoles(page, ['server', 'client'], '#');
      return ready - (await page.evaluate(() => window.__setupAt));
    });
    return [
      {
        id: 'lesson.setup',
        metric: 'network lesson: click → both consoles ready',
        unit: 'ms',
        value: crosstalk,
        baseline: cli,
        target: { maxRatio: 1 },
      },
    ];
  } finally {
    await cleanup();
  }
}

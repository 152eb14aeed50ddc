// 3. Lesson setup: the network lesson from the click on "Set up" until both
// consoles show a prompt, against the same steps done with the docker CLI one
// after another (network create, run server, run client).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  IMAGE,
  LAB,
  cleanup,
  median,
  openApp,
  report,
  waitForConsoles,
  withApp,
  writeResult,
} from './harness.mjs';

const REPS = Number(process.env['BENCH_LESSON_REPS'] ?? 3);
const run$ = promisify(execFile);
const LABEL = ['--label', 'io.crosstalk.owned=true', '--label', `io.crosstalk.lab=${LAB}`];

async function cliOnce() {
  const t0 = performance.now();
  await run$('docker', ['network', 'create', ...LABEL, 'example']);
  for (const name of ['server', 'client'])
    await run$('docker', ['run', '-dit', '--name', name, '--network', 'example', ...LABEL, IMAGE]);
  return performance.now() - t0;
}

export async function run() {
  await cleanup();
  try {
    const cli = [];
    for (let i = 0; i < REPS; i++) {
      cli.push(await cliOnce());
      await cleanup();
    }
    const crosstalk = await withApp(async ({ web, browser }) => {
      const out = [];
      const page = await openApp(browser, web.url);
      for (let i = 0; i < REPS; i++) {
        await cleanup();
        await page.reload();
        await page.getByRole('button', { name: 'Lessons', exact: true }).click();
        await page.getByRole('tab', { name: '3 · User-defined networks' }).click();
        const lesson = page.getByRole('article', { name: '3 · User-defined networks' });
        await lesson.getByLabel('Lesson image').fill(IMAGE);
        const button = lesson.getByRole('button', { name: /^Set up( again)?$/ });
        await button.evaluate((b) =>
          b.addEventListener('click', (e) => (window.__setupAt = e.timeStamp), { once: true }),
        );
        await button.click();
        await waitForConsoles(page, ['server', 'client'], '#');
        out.push(await page.evaluate(() => performance.now() - window.__setupAt));
      }
      return out;
    });
    const b = median(cli);
    const c = median(crosstalk);
    report(`3 · Lesson setup (network lesson, median of ${REPS}), ms`, [
      { metric: 'click → both consoles ready', baseline: b, crosstalk: c, target: 'ratio ≤ 1.0' },
    ]);
    return writeResult('lesson', { reps: REPS, cli, crosstalk, ratio: c / b });
  } finally {
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

// 5. Start-up: browser-mode process start until the container list is shown,
// against `docker ps` listing the same containers. (Electron: where a binary
// exists; it cannot be downloaded on this project's machines.)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  cleanup,
  launchBrowser,
  median,
  report,
  runContainer,
  startWeb,
  stopWeb,
  writeResult,
} from './harness.mjs';

const REPS = Number(process.env['BENCH_STARTUP_REPS'] ?? 3);
const run$ = promisify(execFile);

export async function run() {
  await cleanup();
  const browser = await launchBrowser();
  try {
    await Promise.all(['start-a', 'start-b'].map((name) => runContainer({ name, cmd: ['bash'] })));
    const cli = [];
    const web = [];
    for (let i = 0; i < REPS; i++) {
      const t0 = performance.now();
      await run$('docker', ['ps']);
      cli.push(performance.now() - t0);
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const app = await startWeb();
      await page.goto(app.url);
      await page.getByRole('region', { name: 'start-b', exact: true }).waitFor();
      await page.getByRole('region', { name: 'start-a', exact: true }).waitFor();
      web.push(performance.now() - app.startedAt);
      await page.close();
      await stopWeb(app);
    }
    report(`5 · Start-up to the container list (median of ${REPS}), ms`, [
      {
        metric: 'browser mode: process start → list shown',
        baseline: median(cli),
        crosstalk: median(web),
      },
      { metric: 'Electron', crosstalk: 'skipped (no binary)' },
    ]);
    return writeResult('startup', { reps: REPS, cli, web });
  } finally {
    await browser.close();
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

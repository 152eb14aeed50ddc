// Start-up: browser-mode process start until the container list is shown, against
// `docker ps` listing the same containers, with where the time goes: the server printing
// its URL, the page's script parsed (DOMContentLoaded), the list shown. "Shown" is the page's
// own mark (the animation frame that paints both panes, bench/lib/list-probe.ts), put on the
// bench's clock through both clocks' epoch origins; what Playwright's polling saw is beside it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Figure } from './lib/figures';
import { cleanup, createNetwork, runContainer } from './lib/engine';
import { launchBrowser, startWeb, stopWeb } from './lib/app';
import { listMarks, listProbe } from './lib/list-probe';

const run$ = promisify(execFile);

export async function run(): Promise<Figure[]> {
  await cleanup();
  const browser = await launchBrowser();
  try {
    await createNetwork();
    await Promise.all(['start-a', 'start-b'].map((name) => runContainer({ name, cmd: ['bash'] })));
    const t0 = performance.now();
    await run$('docker', ['ps']);
    const cli = performance.now() - t0;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript({ content: listProbe(['start-a', 'start-b']) });
    const app = await startWeb();
    try {
      const gotoAt = performance.now();
      await page.goto(app.url);
      await page.getByRole('region', { name: 'start-b', exact: true }).waitFor();
      await page.getByRole('region', { name: 'start-a', exact: true }).waitFor();
      const seen = performance.now() - app.startedAt;
      const marks = await listMarks(page);
      const shown = marks.timeOrigin + marks.frame - (performance.timeOrigin + app.startedAt);
      const inPage = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const scripts = performance
          .getEntriesByType('resource')
          .filter((r) => r.name.endsWith('.js')) as PerformanceResourceTiming[];
        return {
          dcl: nav.domContentLoadedEventEnd,
          scriptKB: scripts.reduce((s, r) => s + r.encodedBodySize, 0) / 1024,
        };
      });
      return [
        {
          id: 'startup.listShown',
          metric: 'process start → list shown',
          unit: 'ms',
          value: shown,
          baseline: cli,
          target: { max: 800 },
        },
        {
          id: 'startup.listSeenByPlaywright',
          metric: 'process start → list seen by Playwright (its polling included)',
          unit: 'ms',
          value: seen,
        },
        {
          id: 'startup.serverUp',
          metric: 'process start → URL printed (main process ready)',
          unit: 'ms',
          value: app.listeningAt - app.startedAt,
        },
        {
          id: 'startup.pageDcl',
          metric: 'page navigation → script run (DOMContentLoaded)',
          unit: 'ms',
          value: inPage.dcl,
        },
        {
          id: 'startup.pageList',
          metric: "page navigation → list shown (the page's mark)",
          unit: 'ms',
          value: marks.frame,
        },
        {
          id: 'startup.gotoToNavigation',
          metric: "Playwright's goto → the page's navigation start",
          unit: 'ms',
          value: marks.timeOrigin - (performance.timeOrigin + gotoAt),
        },
        {
          id: 'startup.scriptKB',
          metric: 'JavaScript loaded by the first screen',
          unit: 'kB',
          value: inPage.scriptKB,
        },
      ];
    } finally {
      await page.close();
      await stopWeb(app);
    }
  } finally {
    await browser.close();
    await cleanup();
  }
}

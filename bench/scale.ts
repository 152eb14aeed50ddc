// Scale: 24 containers with their consoles open. Time to open all 24 after a page reload
// (until every console shows its prompt) against attaching to all 24 in Node; memory per
// added console; idle CPU of main and renderer.
import type { Page } from '@playwright/test';
import type { Figure } from './lib/figures';
import { attach, cleanup, createNetwork, runContainer, sleep, waitFor } from './lib/engine';
import { openApp, withApp, type BenchWeb } from './lib/app';
import { waitForConsoles } from './lib/probes';
import { chromiumCpuSeconds, chromiumRssMB, cpuSeconds, rssMB } from './lib/procs';

const COUNT = Number(process.env['BENCH_SCALE_COUNT'] ?? 24);
const IDLE_S = 5;
const names = Array.from({ length: COUNT }, (_, i) => `scale-${String(i + 1).padStart(2, '0')}`);

async function memory(web: BenchWeb) {
  await sleep(1000);
  return {
    main: rssMB(web.child.pid!),
    renderer: chromiumRssMB('renderer'),
    gpu: chromiumRssMB('gpu-process'),
  };
}

async function openAllAfterReload(page: Page): Promise<number> {
  const t0 = performance.now();
  await page.reload();
  return waitForConsoles(page, names, '#', 30_000)
    .then(() => performance.now() - t0)
    .catch(() => NaN);
}

export async function run(): Promise<Figure[]> {
  await cleanup();
  try {
    await createNetwork();
    const r = await withApp(async ({ web, browser }) => {
      const page = await openApp(browser, web.url);
      await page.getByRole('button', { name: 'New container' }).first().waitFor();
      const before = await memory(web);
      await Promise.all(names.map((name) => runContainer({ name, cmd: ['bash'] })));
      await waitForConsoles(page, names, '#', 120_000);
      const after = await memory(web);
      const perConsole =
        (after.main + after.renderer + after.gpu - before.main - before.renderer - before.gpu) /
        COUNT;
      await sleep(1000);
      const pid = web.child.pid!;
      const c0 = { main: cpuSeconds(pid), renderer: chromiumCpuSeconds('renderer') };
      await sleep(IDLE_S * 1000);
      const idleMain = ((cpuSeconds(pid) - c0.main) / IDLE_S) * 100;
      const idleRenderer = ((chromiumCpuSeconds('renderer') - c0.renderer) / IDLE_S) * 100;
      return { perConsole, idleMain, idleRenderer, openAll: await openAllAfterReload(page) };
    });

    // Baseline: attach to all of them at once in Node and see each prompt.
    const t0 = performance.now();
    const streams = await Promise.all(names.map((n) => attach(n)));
    await Promise.all(
      streams.map((s) => {
        const seen = waitFor(s, '#');
        s.write('\r');
        return seen;
      }),
    );
    const baselineOpen = performance.now() - t0;
    for (const s of streams) s.destroy();
    return [
      {
        id: 'scale.openAfterReload',
        metric: `open ${COUNT} consoles after a reload, all with a prompt`,
        unit: 'ms',
        value: r.openAll,
        baseline: baselineOpen,
        target: { max: 2000 },
      },
      {
        id: 'scale.idleCpuMain',
        metric: `idle CPU, main, ${COUNT} consoles`,
        unit: '% of a core',
        value: r.idleMain,
        target: { max: 3 },
      },
      {
        id: 'scale.idleCpuRenderer',
        metric: `idle CPU, renderer, ${COUNT} consoles`,
        unit: '% of a core',
        value: r.idleRenderer,
        target: { max: 3 },
      },
      {
        id: 'scale.perConsoleMB',
        metric: 'per console: main + renderer + GPU RSS',
        unit: 'MB',
        value: r.perConsole,
        target: { max: 10 },
      },
    ];
  } finally {
    await cleanup();
  }
}

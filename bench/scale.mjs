// 4. Scale: 24 containers with their consoles open. Time to open all 24 (page
// load until every console shows its prompt) against attaching to all 24 in
// Node; memory per added console; idle CPU of main and renderer over 10 s.
import {
  attach,
  chromiumCpuSeconds,
  chromiumRssMB,
  cleanup,
  cpuSeconds,
  openApp,
  report,
  rendererHeapMB,
  rssMB,
  runContainer,
  sleep,
  waitFor,
  waitForConsoles,
  withApp,
  writeResult,
} from './harness.mjs';

const COUNT = Number(process.env['BENCH_SCALE_COUNT'] ?? 24);
const IDLE_S = 10;
const names = Array.from({ length: COUNT }, (_, i) => `scale-${String(i + 1).padStart(2, '0')}`);

async function memory(page, web) {
  await sleep(1000);
  return {
    heap: await rendererHeapMB(page, { gc: true }),
    main: rssMB(web.child.pid),
    renderer: chromiumRssMB('renderer'),
    gpu: chromiumRssMB('gpu-process'),
  };
}

export async function run() {
  await cleanup();
  try {
    const result = await withApp(async ({ web, browser }) => {
      const page = await openApp(browser, web.url);
      await page.getByRole('button', { name: 'New container' }).first().waitFor();
      const before = await memory(page, web);
      await Promise.all(names.map((name) => runContainer({ name, cmd: ['bash'] })));
      await waitForConsoles(page, names, '#', 120_000);
      const after = await memory(page, web);
      const perConsole = Object.fromEntries(
        Object.keys(after).map((k) => [k, (after[k] - before[k]) / COUNT]),
      );

      await sleep(2000);
      const cpu = () => ({
        main: cpuSeconds(web.child.pid),
        renderer: chromiumCpuSeconds('renderer'),
        gpu: chromiumCpuSeconds('gpu-process'),
      });
      const c0 = cpu();
      await sleep(IDLE_S * 1000);
      const c1 = cpu();
      const idle = Object.fromEntries(
        Object.keys(c1).map((k) => [k, ((c1[k] - c0[k]) / IDLE_S) * 100]),
      );

      const t0 = performance.now();
      await page.reload();
      // After a reload, how many consoles show their prompt (replayed from the engine's log).
      const openAll = await waitForConsoles(page, names, '#', 60_000)
        .then(() => performance.now() - t0)
        .catch(() => NaN);
      return { before, after, perConsole, idle, openAll };
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

    const p = result.perConsole;
    report(`4 · Scale: ${COUNT} consoles`, [
      {
        metric: `time to open all ${COUNT}`,
        unit: 'ms',
        baseline: baselineOpen,
        crosstalk: result.openAll,
      },
      { metric: 'idle CPU, main', unit: '% of a core', crosstalk: result.idle.main, target: '< 3' },
      {
        metric: 'idle CPU, renderer',
        unit: '% of a core',
        crosstalk: result.idle.renderer,
        target: '< 3',
      },
      { metric: 'idle CPU, GPU process', unit: '% of a core', crosstalk: result.idle.gpu },
      { metric: 'per console: main RSS', unit: 'MB', crosstalk: p.main },
      { metric: 'per console: renderer JS heap', unit: 'MB', crosstalk: p.heap },
      { metric: 'per console: renderer RSS', unit: 'MB', crosstalk: p.renderer },
      { metric: 'per console: GPU process RSS', unit: 'MB', crosstalk: p.gpu },
      {
        metric: 'per console: main + renderer + GPU RSS',
        unit: 'MB',
        crosstalk: p.main + p.renderer + p.gpu,
        target: '< 10',
      },
    ]);
    return writeResult('scale', { count: COUNT, baselineOpen, ...result });
  } finally {
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

// The live picture: how long after a TCP connection opens (and closes) its edge appears in
// (and vanishes from) the diagram, and what watching the sockets of 10 shown containers
// costs the main process. Times come from the containers' own clock (the host's) and the
// page's Date.now(): both read the same kernel clock.
// Baseline for CPU: the same main process with the diagram closed (nothing watched).
import type { Page } from '@playwright/test';
import type { Figure } from './lib/figures';
import { cleanup, createNetwork, docker, runContainer, sleep } from './lib/engine';
import { openApp, withApp } from './lib/app';
import { cpuSeconds } from './lib/procs';
import { summary } from './lib/stats';

const NETWORK = 'lp-bench-net';
const SERVER = 'lp-bench-server';
const CLIENT = 'lp-bench-client';
const SHOWN = 10;
const ROUNDS = Number(process.env['BENCH_EDGE_ROUNDS'] ?? 6);
const CPU_SECONDS = Number(process.env['BENCH_CPU_SECONDS'] ?? 10);

declare global {
  interface Window {
    __edges: { event: 'appear' | 'vanish'; at: number }[];
  }
}

/** Ten containers: a server that listens again after each client, a client, eight idlers. */
async function startContainers() {
  await createNetwork(NETWORK);
  const idle = ['sleep', '100000'];
  await runContainer({
    name: SERVER,
    network: NETWORK,
    cmd: ['bash', '-c', 'while true; do nc -lp 1234 >/dev/null; done'],
  });
  await runContainer({ name: CLIENT, network: NETWORK, cmd: idle });
  for (let i = 2; i < SHOWN; i++)
    await runContainer({ name: `lp-bench-idle-${i}`, network: NETWORK, cmd: idle });
}

/** Records when the client → server connection edge appears and vanishes, by Date.now(). */
async function installEdgeWatch(page: Page) {
  await page.evaluate(
    ([client, server]) => {
      const selector = `[aria-label^="Connection ${client} → ${server}"]`;
      const log: Window['__edges'] = [];
      let present = false;
      new MutationObserver(() => {
        const now = document.querySelector(selector) !== null;
        if (now !== present) log.push({ event: now ? 'appear' : 'vanish', at: Date.now() });
        present = now;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
      window.__edges = log;
    },
    [CLIENT, SERVER] as const,
  );
}

/** One connection held for 1.5 s; returns when it opened and closed (ms since the epoch). */
async function connectOnce(): Promise<{ opened: number; closed: number }> {
  const exec = await docker.getContainer(CLIENT).exec({
    Cmd: [
      'bash',
      '-c',
      // bash's own clock (busybox date has no %N); stdin stays open, timeout ends nc.
      `echo $EPOCHREALTIME; timeout 1.5 nc ${SERVER} 1234 < <(sleep 5); echo $EPOCHREALTIME`,
    ],
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  let out = '';
  stream.on('data', (chunk: Buffer) => (out += chunk.toString('latin1')));
  await new Promise((resolve) => stream.on('end', resolve));
  const [opened, closed] = (out.match(/\d{10}\.\d{6}/g) ?? []).map((s) => Number(s) * 1000);
  if (!opened || !closed) throw new Error(`unexpected output: ${out}`);
  return { opened, closed };
}

async function measureEdges(page: Page) {
  const appear: number[] = [];
  const vanish: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const { opened, closed } = await connectOnce();
    await sleep(1500);
    const log = await page.evaluate(() => window.__edges.splice(0));
    const shown = log.find((e) => e.event === 'appear');
    const gone = log.find((e) => e.event === 'vanish');
    if (shown) appear.push(shown.at - opened);
    if (gone) vanish.push(gone.at - closed);
  }
  return { appear: summary(appear), vanish: summary(vanish) };
}

async function cpuPercent(pid: number, seconds: number): Promise<number> {
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  return ((cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000)) * 100;
}

export async function run(): Promise<Figure[]> {
  await cleanup();
  try {
    await startContainers();
    const r = await withApp(async ({ web, browser }) => {
      const page = await openApp(browser, web.url);
      await page.getByRole('region', { name: CLIENT, exact: true }).waitFor();
      const idleCpu = await cpuPercent(web.child.pid!, CPU_SECONDS / 2);
      await page.getByRole('button', { name: 'Diagram' }).click();
      await page
        .locator(`[aria-label="Container lp-bench-idle-${SHOWN - 1}"]`)
        .waitFor({ timeout: 30_000 });
      const watchCpu = await cpuPercent(web.child.pid!, CPU_SECONDS);
      await installEdgeWatch(page);
      return { idleCpu, watchCpu, ...(await measureEdges(page)) };
    });
    return [
      {
        id: 'live.edgeAppear.p50',
        metric: 'edge appears after the connection opened, p50',
        unit: 'ms',
        value: r.appear.p50,
        target: { max: 1000 },
      },
      {
        id: 'live.edgeVanish.p50',
        metric: 'edge vanishes after the connection closed, p50',
        unit: 'ms',
        value: r.vanish.p50,
        target: { max: 1000 },
      },
      {
        id: 'live.mainCpu',
        metric: 'main CPU with the socket watch on (baseline: off)',
        unit: '% of a core',
        value: r.watchCpu,
        baseline: r.idleCpu,
      },
    ];
  } finally {
    await cleanup();
  }
}

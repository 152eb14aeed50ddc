// Echo latency: a keystroke typed into the client's console until it is painted in the
// server's console, through `nc server 1234` on a user-defined network. Baseline: the same
// bytes through raw dockerode TTY attaches in Node.
import type { Duplex } from 'node:stream';
import type { Figure } from './lib/figures';
import { attach, cleanup, createNetwork, runContainer, sleep } from './lib/engine';
import { openApp, withApp } from './lib/app';
import {
  arrivedSince,
  installEchoMeter,
  parsedSince,
  sampleEcho,
  waitForConsoles,
  watchSmallMessages,
} from './lib/probes';
import { summary } from './lib/stats';

const SAMPLES = Number(process.env['BENCH_ECHO_SAMPLES'] ?? 200);
export const NETWORK = 'bench-example';

/** `server` listens with nc; `client` connects in a raw TTY, so each key is sent at once. */
export async function startEchoPair(): Promise<{ client: Duplex; server: Duplex }> {
  await createNetwork(NETWORK);
  await runContainer({ name: 'server', network: NETWORK, cmd: ['nc', '-lp', '1234'] });
  await runContainer({
    name: 'client',
    network: NETWORK,
    cmd: ['bash', '-c', 'stty raw -echo; until nc server 1234; do sleep 0.1; done'],
  });
  const [client, server] = await Promise.all([attach('client'), attach('server')]);
  // Until the client's nc is connected, what it is sent goes nowhere: retry.
  for (let i = 0; ; i++) {
    const got = new Promise((r) => server.once('data', r));
    client.write('.');
    if (await Promise.race([got.then(() => true), sleep(500).then(() => false)])) break;
    if (i > 40) throw new Error('the echo pair did not connect');
  }
  return { client, server };
}

/** One byte written to the client's stream until it is read from the server's. */
export async function baselineEcho(
  { client, server }: { client: Duplex; server: Duplex },
  n: number,
  keepGoing = () => true,
) {
  const out: number[] = [];
  for (let i = 0; i < n && keepGoing(); i++) {
    const got = new Promise((r) => server.once('data', r));
    const t0 = performance.now();
    client.write(String.fromCharCode(97 + (i % 26)));
    await got;
    out.push(performance.now() - t0);
    await sleep(5 + Math.random() * 20);
  }
  return out;
}

export async function run(): Promise<Figure[]> {
  await cleanup();
  try {
    const streams = await startEchoPair();
    await baselineEcho(streams, 20); // warm-up
    const raw = summary(await baselineEcho(streams, SAMPLES));
    streams.client.destroy();
    streams.server.destroy();

    const { painted, parsed, arrived } = await withApp(async ({ web, browser }) => {
      const page = await openApp(browser, web.url, async (p) => {
        await p.addInitScript({ content: watchSmallMessages });
      });
      await waitForConsoles(page, ['server', 'client'], '');
      await installEchoMeter(page, 'client', 'server');
      await sampleEcho(page, 'client', { count: 20 }); // warm-up
      const painted = summary(await sampleEcho(page, 'client', { count: SAMPLES }));
      const parsed = summary(await parsedSince(page, 20));
      const arrived = summary(await arrivedSince(page, 20));
      return { painted, parsed, arrived };
    });
    const ms = 'ms';
    return [
      {
        id: 'echo.painted.p50',
        metric: 'echo keydown → painted, p50',
        unit: ms,
        value: painted.p50,
        baseline: raw.p50,
        target: { max: 17 },
      },
      {
        id: 'echo.painted.p95',
        metric: 'echo keydown → painted, p95',
        unit: ms,
        value: painted.p95,
        baseline: raw.p95,
      },
      {
        id: 'echo.painted.p99',
        metric: 'echo keydown → painted, p99',
        unit: ms,
        value: painted.p99,
        baseline: raw.p99,
        target: { max: 25 },
      },
      {
        id: 'echo.arrived.p50',
        metric: "echo keydown → the server console's message in the page, p50",
        unit: ms,
        value: arrived.p50,
        baseline: raw.p50,
      },
      {
        id: 'echo.arrived.p99',
        metric: "echo keydown → the server console's message in the page, p99",
        unit: ms,
        value: arrived.p99,
        baseline: raw.p99,
      },
      {
        id: 'echo.parsed.p50',
        metric: "echo keydown → in xterm's buffer, p50",
        unit: ms,
        value: parsed.p50,
        baseline: raw.p50,
        target: { maxOverBaseline: 3 },
      },
      {
        id: 'echo.parsed.p99',
        metric: "echo keydown → in xterm's buffer, p99",
        unit: ms,
        value: parsed.p99,
        baseline: raw.p99,
      },
    ];
  } finally {
    await cleanup();
  }
}

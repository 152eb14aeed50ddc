// 1. Echo latency: a keystroke typed into the client's console until it is
// painted in the server's console, through `nc server 1234` on a user-defined
// network. Baseline: the same bytes through raw dockerode TTY attaches in Node.
import {
  attach,
  cleanup,
  createNetwork,
  installEchoMeter,
  openApp,
  report,
  runContainer,
  sampleEcho,
  sleep,
  summary,
  waitForConsoles,
  withApp,
  writeResult,
} from './harness.mjs';

const SAMPLES = Number(process.env['BENCH_ECHO_SAMPLES'] ?? 300);
export const NETWORK = 'bench-example';

/** `server` listens with nc; `client` connects in a raw TTY, so each key is sent at once. */
export async function startEchoPair() {
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
export async function baselineEcho({ client, server }, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const got = new Promise((r) => server.once('data', r));
    const t0 = performance.now();
    client.write(String.fromCharCode(97 + (i % 26)));
    await got;
    out.push(performance.now() - t0);
    await sleep(5 + Math.random() * 20);
  }
  return out;
}

export async function run() {
  await cleanup();
  try {
    const streams = await startEchoPair();
    await baselineEcho(streams, 20); // warm-up
    const baseline = summary(await baselineEcho(streams, SAMPLES));
    streams.client.destroy();
    streams.server.destroy();

    const crosstalk = await withApp(async ({ web, browser }) => {
      const page = await openApp(browser, web.url);
      await waitForConsoles(page, ['server', 'client'], '');
      await installEchoMeter(page, 'client', 'server');
      await sampleEcho(page, 'client', { count: 20 }); // warm-up
      const painted = summary(await sampleEcho(page, 'client', { count: SAMPLES }));
      const parsed = summary((await page.evaluate(() => window.__echo.parsed)).slice(20));
      return { painted, parsed };
    });

    report('1 · Echo latency (client console → nc → server console), ms', [
      {
        metric: 'p50',
        baseline: baseline.p50,
        crosstalk: crosstalk.painted.p50,
        target: `≤ ${(baseline.p50 + 3).toFixed(2)} (baseline + 3)`,
      },
      { metric: 'p95', baseline: baseline.p95, crosstalk: crosstalk.painted.p95 },
      { metric: 'p99', baseline: baseline.p99, crosstalk: crosstalk.painted.p99, target: '< 25' },
      { metric: 'max', baseline: baseline.max, crosstalk: crosstalk.painted.max },
      // Where the time goes: in xterm's buffer (transport + parse) before the next paint.
      { metric: 'p50 to parsed', baseline: baseline.p50, crosstalk: crosstalk.parsed.p50 },
      { metric: 'p99 to parsed', baseline: baseline.p99, crosstalk: crosstalk.parsed.p99 },
    ]);
    return writeResult('echo', { samples: SAMPLES, baseline, crosstalk });
  } finally {
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

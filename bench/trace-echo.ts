// `npx tsx bench/trace-echo.ts [keys]`: a Chromium trace (CDP Tracing: scheduler, input,
// devtools.timeline, toplevel) of a few echoes, written to bench/results/echo-trace.json
// (open it in Perfetto or chrome://tracing), and per key what the page's main thread did
// between the keydown and the echo's WebSocket message: how long it waited, and whether a
// frame (BeginMainFrame) ran in between, which is what Chromium's input-task deferral waits
// for. Run under the engine lock, after a build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { cleanup } from './lib/engine';
import { openApp, withApp } from './lib/app';
import { ROOT } from './lib/paths';
import { startTracing, type TraceEvent as CdpTraceEvent } from './lib/cdp-trace';
import { installEchoMeter, sampleEcho, waitForConsoles } from './lib/probes';
import { startEchoPair } from './echo';

const KEYS = Number(process.argv[2] ?? 15);
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'input',
  'latencyInfo',
  'scheduler',
  'disabled-by-default-renderer.scheduler',
  'sequence_manager',
  'disabled-by-default-sequence_manager',
  'mojom',
  'cc',
  'blink',
  'netlog',
];

type TraceEvent = CdpTraceEvent<{ name?: string; data?: { type?: string } }>;

async function record(page: Page): Promise<TraceEvent[]> {
  const stop = await startTracing<TraceEvent>(await page.context().newCDPSession(page), CATEGORIES);
  await sampleEcho(page, 'client', { count: KEYS });
  return stop();
}

/** Per key: keydown → WebSocket message, frames in between, message → next frame. */
function explain(events: TraceEvent[]): string[] {
  const renderer = events.find(
    (e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === 'Renderer',
  )?.pid;
  const main = events
    .filter((e) => e.pid === renderer && e.tid === renderer && e.ts)
    .sort((a, b) => a.ts - b.ts);
  const keydowns = main.filter(
    (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown',
  );
  const messages = main.filter((e) => e.name === 'WebSocketReceive');
  const frames = main.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ph === 'X');
  return keydowns.flatMap((k, i) => {
    const msg = messages.find((m) => m.ts > k.ts);
    if (!msg) return [];
    const between = frames.filter((f) => f.ts > k.ts && f.ts < msg.ts).length;
    const next = frames.find((f) => f.ts > msg.ts);
    const ms = (us: number) => (us / 1000).toFixed(1).padStart(5);
    return [
      `key ${String(i).padStart(2)}: keydown → message ${ms(msg.ts - k.ts)} ms, frames in between ${between}, message → next frame ${next ? ms(next.ts - msg.ts) : '  —'} ms`,
    ];
  });
}

await cleanup();
try {
  const pair = await startEchoPair();
  pair.client.destroy();
  pair.server.destroy();
  await withApp(async ({ web, browser }) => {
    const page = await openApp(browser, web.url);
    await waitForConsoles(page, ['server', 'client'], '');
    await installEchoMeter(page, 'client', 'server');
    await sampleEcho(page, 'client', { count: 10 }); // warm-up
    const events = await record(page);
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'echo-trace.json'), JSON.stringify({ traceEvents: events }));
    console.log(explain(events).join('\n'));
    console.log(`trace: ${join(dir, 'echo-trace.json')}`);
  });
} finally {
  await cleanup();
}

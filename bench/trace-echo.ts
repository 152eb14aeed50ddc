// `npx tsx bench/trace-echo.ts [keys]`: a Chromium trace (CDP Tracing: scheduler, input,
// devtools.timeline, toplevel, user timing) of a few echoes, written to
// bench/results/echo-trace.json (open it in Perfetto or chrome://tracing), and per key where
// the page's time went, step by step (see explain). Tracing slows the page's own steps (the
// JavaScript and the frame); the wire's share is what it is. Run under the engine lock, after a
// build.
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
  'blink.user_timing',
];

type TraceEvent = CdpTraceEvent<{ name?: string; data?: { type?: string } }>;

async function record(page: Page): Promise<TraceEvent[]> {
  const stop = await startTracing<TraceEvent>(await page.context().newCDPSession(page), CATEGORIES);
  await sampleEcho(page, 'client', { count: KEYS });
  return stop();
}

/** The steps of one echo, in ms from the previous one (see explain). */
const STEPS = [
  'event → keydown',
  'keydown → send',
  'send → echo message',
  'message → parsed',
  'parsed → frame',
  'frame → painted',
] as const;

/**
 * Per key, on the page's main thread: the key event's creation (EventLatency) → its keydown
 * dispatch → the input's WebSocketSend → the echo's WebSocketReceive (the last message before
 * the echo meter's `echo:parsed` mark: the console's inputAck comes first) → parsed → the next
 * BeginMainFrame → `echo:painted`; and how many frames ran between keydown and the message,
 * which is what Chromium's input-task deferral waits for.
 */
function explain(events: TraceEvent[]): string[] {
  const renderer = events.find(
    (e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === 'Renderer',
  )?.pid;
  const main = events
    .filter((e) => e.pid === renderer && e.tid === renderer && e.ts)
    .sort((a, b) => a.ts - b.ts);
  const named = (name: string) => main.filter((e) => e.name === name && e.ph !== 'e');
  const keydowns = main.filter(
    (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown',
  );
  const created = main.filter(
    (e) =>
      e.name === 'EventLatency' && e.ph === 'b' && JSON.stringify(e.args).includes('KEY_PRESSED'),
  );
  const sends = named('WebSocketSend');
  const messages = named('WebSocketReceive');
  const parsedMarks = named('echo:parsed');
  const paintedMarks = named('echo:painted');
  const frames = main.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ph === 'X');
  const after = (list: TraceEvent[], ts: number) => list.find((e) => e.ts > ts);
  const rows: number[][] = [];
  const lines = keydowns.flatMap((k, i) => {
    const origin = created.filter((e) => e.ts <= k.ts).at(-1);
    const send = after(sends, k.ts);
    const parsed = after(parsedMarks, k.ts);
    const msg = parsed && messages.filter((m) => m.ts > k.ts && m.ts < parsed.ts).at(-1);
    const frame = parsed && after(frames, parsed.ts);
    const painted = parsed && after(paintedMarks, parsed.ts);
    if (!origin || !send || !parsed || !msg || !frame || !painted) return [];
    const at = [origin, k, send, msg, parsed, frame, painted].map((e) => e.ts / 1000);
    const steps = at.slice(1).map((t, j) => t - at[j]!);
    rows.push(steps);
    const between = frames.filter((f) => f.ts > k.ts && f.ts < msg.ts).length;
    const cells = steps.map((ms, j) => `${STEPS[j]} ${ms.toFixed(1)}`).join(', ');
    return [`key ${String(i).padStart(2)}: ${cells}; frames before the message ${between}`];
  });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const medians = STEPS.map((name, j) => `${name} ${median(rows.map((r) => r[j]!)).toFixed(2)}`);
  return [...lines, `median (ms): ${medians.join(', ')}`];
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

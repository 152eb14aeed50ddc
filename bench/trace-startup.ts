// `npx tsx bench/trace-startup.ts`: where browser mode's start-up goes, phase by phase, on one
// clock. A Chromium trace (CDP Tracing) of the page's load, and the main process's own lines
// (URL printed, engine ready) stamped on the same monotonic clock (Linux: Node's hrtime and
// Chromium's trace timestamps are both CLOCK_MONOTONIC). Prints the timeline from process
// start, the page's main-thread time by kind (compile, evaluate, style/layout, idle) and the
// scripts with their sizes; writes the trace to bench/results/startup-trace.json (Perfetto).
// BENCH_MAIN_CPU_PROF=<dir> also records the main process's CPU profile there.
// Run under the engine lock, after a build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, createNetwork, runContainer } from './lib/engine';
import { APP_DIR, launchBrowser } from './lib/app';
import { ROOT } from './lib/paths';
import { startTracing, type TraceEvent as CdpTraceEvent } from './lib/cdp-trace';
import { startWebMode, stopWebMode } from '../e2e/web-mode';
import { listProbe } from './lib/list-probe';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'toplevel',
  'v8',
  'v8.execute',
];

type TraceEvent = CdpTraceEvent<{
  name?: string;
  data?: {
    url?: string;
    requestId?: string;
    encodedDataLength?: number;
    frame?: string;
    finishTime?: number;
  };
}>;

/** Microseconds on the trace's clock. */
const now = () => Number(process.hrtime.bigint() / 1000n);

function explain(events: TraceEvent[], marks: [number, string][], t0: number): string[] {
  const ms = (us: number) => ((us - t0) / 1000).toFixed(0).padStart(6);
  const dur = (us: number) => (us / 1000).toFixed(0).padStart(5);
  // The app's renderer (not about:blank's, nor a WebUI's): the one that opened the WebSocket.
  const renderer = events.find((e) => e.name === 'WebSocketCreate')?.pid;
  const main = events.filter((e) => e.pid === renderer && e.tid === renderer);
  const first = (name: string, after = 0) =>
    main.filter((e) => e.name === name && e.ts >= after).sort((a, b) => a.ts - b.ts)[0];
  const dcl = first('MarkDOMContent');
  const nav = main
    .filter((e) => e.name === 'navigationStart' && e.ts < (dcl?.ts ?? Infinity))
    .sort((a, b) => b.ts - a.ts)[0];
  const line = [...marks];
  if (nav) line.push([nav.ts, 'page: navigation start']);
  // Resources: request sent, response, finished (all on the renderer's main thread).
  const sends = main.filter((e) => e.name === 'ResourceSendRequest');
  for (const s of sends) {
    const id = s.args?.data?.requestId;
    const url = (s.args?.data?.url ?? '').replace(/\?.*/, '').replace(/^.*\//, '') || 'index';
    const fin = events.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === id);
    const resp = events.find(
      (e) => e.name === 'ResourceReceiveResponse' && e.args?.data?.requestId === id,
    );
    const kb = ((fin?.args?.data?.encodedDataLength ?? 0) / 1024).toFixed(0);
    line.push([s.ts, `page: request ${url}`]);
    if (resp) line.push([resp.ts, `page:   response ${url}`]);
    if (fin) line.push([fin.ts, `page:   finished ${url} (${kb} kB)`]);
  }
  for (const name of [
    'MarkDOMContent',
    'WebSocketCreate',
    'WebSocketSendHandshakeRequest',
    'WebSocketReceiveHandshakeResponse',
    'MarkLoad',
  ]) {
    const e = first(name);
    if (e) line.push([e.ts, `page: ${name}`]);
  }
  const list = main.find((e) => e.name === 'list-shown');
  if (list) line.push([list.ts, 'page: list shown (both panes in the DOM)']);
  const paint = list && first('Paint', list.ts);
  if (paint) line.push([paint.ts, 'page: first paint after the list']);
  const out = line.sort((a, b) => a[0] - b[0]).map(([ts, what]) => `${ms(ts)} ms  ${what}`);

  // The page's main thread from navigation to the list: what it spent its time on.
  const end = list?.ts ?? Infinity;
  const inWindow = (e: TraceEvent) => e.ph === 'X' && e.ts >= (nav?.ts ?? 0) && e.ts < end;
  const tasks = main.filter((e) => e.name === 'RunTask' && inWindow(e));
  const busy = tasks.reduce((s, e) => s + (e.dur ?? 0), 0);
  const sum = (names: string[]) =>
    main.filter((e) => names.includes(e.name) && inWindow(e)).reduce((s, e) => s + (e.dur ?? 0), 0);
  const span = (list?.ts ?? 0) - (nav?.ts ?? 0);
  out.push(
    '',
    `page main thread, navigation → list (${dur(span)} ms): busy ${dur(busy)} ms in ${tasks.length} tasks, idle ${dur(span - busy)} ms`,
    `  compile (module/script/lazy functions): ${dur(sum(['v8.compileModule', 'v8.compile', 'V8.CompileCode', 'v8.produceModuleCache']))} ms`,
    `  module evaluate (top level):             ${dur(sum(['v8.evaluateModule']))} ms`,
    `  function calls/timers/events:            ${dur(sum(['FunctionCall', 'TimerFire', 'EventDispatch', 'FireAnimationFrame']))} ms`,
    `  parse HTML:                              ${dur(sum(['ParseHTML']))} ms`,
    `  style + layout:                          ${dur(sum(['UpdateLayoutTree', 'Layout']))} ms`,
    `  paint + commit:                          ${dur(sum(['Paint', 'Commit', 'PrePaint', 'Layerize']))} ms`,
    `  GC:                                      ${dur(sum(['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase']))} ms`,
  );
  const longest = tasks.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 6);
  out.push(
    '  longest tasks: ' +
      longest.map((t) => `${dur(t.dur ?? 0).trim()} ms at ${ms(t.ts).trim()}`).join(', '),
  );
  return out;
}

await cleanup();
const browser = await launchBrowser();
try {
  await createNetwork();
  await Promise.all(['start-a', 'start-b'].map((name) => runContainer({ name, cmd: ['bash'] })));
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({ content: listProbe(['start-a', 'start-b']) });
  const cdp = await page.context().newCDPSession(page);
  const stop = await startTracing<TraceEvent>(cdp, CATEGORIES);
  const profDir = process.env['BENCH_MAIN_CPU_PROF'];
  // The main process's own steps (src/main/web/startup-marks.ts), on the same clock: startWebMode
  // copies its stderr to ours from the first byte, so that is where they are read.
  let log = '';
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    log += chunk.toString();
    return /crosstalk-mark/.test(chunk.toString()) || write(chunk, ...rest);
  }) as typeof process.stderr.write;
  const t0 = now();
  const marks: [number, string][] = [[t0, 'main: process spawned']];
  const web = await startWebMode(APP_DIR, {
    CROSSTALK_STARTUP_MARKS: '1',
    ...(profDir
      ? {
          NODE_OPTIONS: `--import ${join(ROOT, 'bench/lib/main-cpu-profile.mjs')}`,
          BENCH_MAIN_CPU_PROF: profDir,
        }
      : {}),
  });
  marks.push([now(), 'main: URL printed (seen by the bench)']);
  try {
    await page.goto(web.url);
    await page.getByRole('region', { name: 'start-b', exact: true }).waitFor();
    await page.getByRole('region', { name: 'start-a', exact: true }).waitFor();
    marks.push([now(), 'bench: list seen by Playwright']);
    await page.waitForTimeout(300); // the paint after the list
    const events = await stop();
    for (const m of log.matchAll(/^crosstalk-mark (\d+) (.*)$/gm))
      marks.push([Number(m[1]), `main: ${m[2]}`]);
    const dir = join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'startup-trace.json'), JSON.stringify({ traceEvents: events }));
    console.log(explain(events, marks, t0).join('\n'));
    console.log(`trace: ${join(dir, 'startup-trace.json')}`);
  } finally {
    await page.close();
    await stopWebMode(web);
  }
} finally {
  await browser.close();
  await cleanup();
}

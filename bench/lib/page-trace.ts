// A Chromium trace of the page for a few seconds (CDP Tracing, devtools.timeline), summed by
// what the renderer's threads did: the main thread's script, style, layout and paint, and the
// busy time of its other threads (compositor, raster). Written to a file for Perfetto.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startTracing, type TraceEvent } from './cdp-trace';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8'];
/** Main-thread work worth naming; nested inside a task, they do not nest in each other. */
const PHASES = [
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FunctionCall',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'V8.GC_MARK_COMPACTOR',
];

/** Traces the page for `ms`; writes `file` and returns a summary table. */
export async function tracePage(page: Page, ms: number, file: string): Promise<string> {
  const stop = await startTracing<TraceEvent>(await page.context().newCDPSession(page), CATEGORIES);
  await new Promise((r) => setTimeout(r, ms));
  const events = await stop();
  writeFileSync(file, JSON.stringify({ traceEvents: events }));
  return summarise(events, ms);
}

function summarise(events: TraceEvent[], ms: number): string {
  const threads = new Map<string, string>();
  let renderer = -1;
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name' && e.args?.name === 'Renderer') renderer = e.pid;
    if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  }
  const busy = new Map<string, number>();
  /** Per thread, where its last outermost task ends: tasks nest (RunTask in RunTask). */
  const taskEnd = new Map<string, number>();
  const phases = new Map<string, { ms: number; n: number }>();
  const complete = events
    .filter((e) => e.pid === renderer && e.ph === 'X' && e.dur)
    .sort((a, b) => a.ts - b.ts);
  for (const e of complete) {
    const thread = threads.get(`${e.pid}:${e.tid}`) ?? '?';
    const isTask = e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
    if (isTask && e.ts >= (taskEnd.get(thread) ?? 0)) {
      taskEnd.set(thread, e.ts + e.dur!);
      busy.set(thread, (busy.get(thread) ?? 0) + e.dur! / 1000);
    }
    if (thread === 'CrRendererMain' && PHASES.includes(e.name)) {
      const p = phases.get(e.name) ?? { ms: 0, n: 0 };
      phases.set(e.name, { ms: p.ms + e.dur! / 1000, n: p.n + 1 });
    }
  }
  const pct = (v: number) => `${((v / ms) * 100).toFixed(1).padStart(5)} %`;
  return [
    `renderer threads, busy share of ${ms} ms (tasks):`,
    ...[...busy.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([t, v]) => `  ${pct(v)}  ${v.toFixed(0).padStart(6)} ms  ${t}`),
    'main thread by event (inclusive; script events contain the renderer work they force):',
    ...[...phases.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([k, v]) => `  ${pct(v.ms)}  ${v.ms.toFixed(0).padStart(6)} ms  ×${v.n}  ${k}`),
  ].join('\n');
}

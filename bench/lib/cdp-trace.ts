// Recording a Chromium trace over CDP (Tracing domain, events reported as they are collected),
// shared by the trace tools: the echo's, the start-up's and the flood's page trace.
import type { CDPSession } from '@playwright/test';

/** One trace event as Chromium reports it; `Args` is what a tool reads of its `args`. */
export interface TraceEvent<Args = { name?: string }> {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Args;
}

/** Starts tracing `categories`; the function returned ends it and gives every event. */
export async function startTracing<E extends TraceEvent<unknown>>(
  cdp: CDPSession,
  categories: string[],
): Promise<() => Promise<E[]>> {
  const events: E[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as E[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: categories },
  });
  return async () => {
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

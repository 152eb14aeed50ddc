// In-page probes on the consoles' xterm terminals (exposed by ?probe, see Console.svelte).
import type { Page } from '@playwright/test';
import type { Terminal } from '@xterm/xterm';
import { sleep } from './engine';
import { consoleSelector } from './app';

/** What the echo meter keeps in the page. */
export interface EchoMeter {
  /** keydown → first paint of the server's console after new bytes were parsed (ms). */
  samples: number[];
  /** keydown → the bytes in xterm's buffer (ms). */
  parsed: number[];
  /** keydown → the page's last small WebSocket message before the parse (ms): the echo's arrival. */
  arrived: number[];
  until(n: number, ms: number): Promise<number>;
}

declare global {
  interface Window {
    __echo: EchoMeter;
    /** When the page last received a small binary WebSocket message (see watchSmallMessages). */
    __wsSmallAt?: number;
  }
}

/**
 * An init script: notes when each small binary WebSocket message (an echo, not a flood's
 * 64 kB frames) is dispatched to the page, so the echo meter can split the wire from the page.
 */
export const watchSmallMessages = `(() => {
  const add = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (type, fn, opts) {
    if (type !== 'message') return add.call(this, type, fn, opts);
    return add.call(this, type, (e) => {
      if (e.data instanceof ArrayBuffer && e.data.byteLength < 256) window.__wsSmallAt = performance.now();
      return fn.call(this, e);
    }, opts);
  };
})();`;

/** The probe's handle: a console's host element carries its Terminal. */
export type ProbedHost = HTMLElement & { xterm: Terminal };

/** Waits until each named console is attached and its buffer shows `text`; answers when (page clock). */
export async function waitForConsoles(
  page: Page,
  names: string[],
  text = '#',
  timeout = 60_000,
): Promise<number> {
  // Checked every animation frame, and answered with the page's clock at the frame where it
  // first held: a figure ending here does not carry the bench's polling interval.
  const held = await page.waitForFunction(
    ([names, text]) =>
      names.every((n) => {
        const sel = `[role=group][aria-label="${n} console"] .xterm-host`;
        const t = document.querySelector<ProbedHost>(sel)?.xterm;
        if (!t) return false;
        const b = t.buffer.active;
        for (let i = 0; i < b.length; i++)
          if (b.getLine(i)?.translateToString().includes(text)) return true;
        return false;
      }) && performance.now(),
    [names, text] as const,
    { polling: 'raf', timeout },
  );
  return (await held.jsonValue()) as number;
}

/**
 * Installs an echo meter: from a keydown in `client`'s console (the event's own timestamp)
 * to the first paint of `server`'s console after new bytes were parsed.
 */
export async function installEchoMeter(page: Page, client: string, server: string) {
  await page.evaluate(
    ([clientSel, serverSel]) => {
      const st = { t0: 0, armed: false, parsed: false, waiters: [] as (() => void)[] };
      const samples: number[] = [];
      const parsed: number[] = [];
      const arrived: number[] = [];
      document.querySelector(clientSel)!.addEventListener(
        'keydown',
        (e) => {
          st.t0 = e.timeStamp;
          st.armed = true;
          st.parsed = false;
        },
        true,
      );
      const t = document.querySelector<ProbedHost>(`${serverSel} .xterm-host`)!.xterm;
      t.onWriteParsed(() => {
        if (!st.armed || st.parsed) return;
        st.parsed = true;
        parsed.push(performance.now() - st.t0);
        performance.mark('echo:parsed'); // for bench/trace-echo.ts
        const at = window.__wsSmallAt ?? 0;
        if (at > st.t0) arrived.push(at - st.t0);
      });
      t.onRender(() => {
        if (!st.armed || !st.parsed) return;
        st.armed = false;
        samples.push(performance.now() - st.t0);
        performance.mark('echo:painted');
        for (const w of st.waiters.splice(0)) w();
      });
      window.__echo = {
        samples,
        parsed,
        arrived,
        until: (n, ms) =>
          new Promise((resolve, reject) => {
            if (samples.length >= n) return resolve(samples[n - 1]!);
            const timer = setTimeout(() => reject(new Error('echo timed out')), ms);
            st.waiters.push(() => {
              if (samples.length < n) return;
              clearTimeout(timer);
              resolve(samples[n - 1]!);
            });
          }),
      };
    },
    [consoleSelector(client), consoleSelector(server)] as const,
  );
}

/** Types one key at a time into `client`'s console, as a person would; in-page latencies. */
export async function sampleEcho(
  page: Page,
  client: string,
  { count, keepGoing = () => true }: { count: number; keepGoing?: () => boolean },
): Promise<number[]> {
  await page.locator(consoleSelector(client)).click();
  const start = await page.evaluate(() => window.__echo.samples.length);
  const out: number[] = [];
  for (let i = 0; i < count && keepGoing(); i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    out.push(await page.evaluate((n) => window.__echo.until(n, 10_000), start + i + 1));
    await sleep(5 + Math.random() * 20);
  }
  return out;
}

/** keydown → echo message latencies recorded since sample `from` (with watchSmallMessages). */
export function arrivedSince(page: Page, from: number): Promise<number[]> {
  return page.evaluate((from) => window.__echo.arrived.slice(from), from);
}

/** The parse latencies recorded since sample `from`. */
export function parsedSince(page: Page, from: number): Promise<number[]> {
  return page.evaluate((from) => window.__echo.parsed.slice(from), from);
}

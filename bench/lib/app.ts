// Browser mode in Chromium, as the e2e tests start it, with the terminal probe on.
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { startWebMode, stopWebMode, type WebMode } from '../../e2e/web-mode';
import { ROOT } from './paths';

export interface BenchWeb extends WebMode {
  /** performance.now() when the process was spawned, and when it printed its URL. */
  startedAt: number;
  listeningAt: number;
}

/**
 * The built app the benches start: this checkout's, or (BENCH_APP_DIR) another built checkout's,
 * so that two builds can be compared in one run on a machine whose load changes.
 */
export const APP_DIR = process.env['BENCH_APP_DIR'] ?? ROOT;

export async function startWeb(): Promise<BenchWeb> {
  const startedAt = performance.now();
  const web = await startWebMode(APP_DIR);
  return { ...web, startedAt, listeningAt: performance.now() };
}

export const stopWeb = stopWebMode;

/**
 * BENCH_CHROMIUM_ARGS adds switches to every bench's Chromium, e.g.
 * `--disable-features=DeferRendererTasksAfterInput` to measure what the desktop app's own
 * Chromium does (it turns that deferral off, src/main/index.ts).
 */
const EXTRA_ARGS = (process.env['BENCH_CHROMIUM_ARGS'] ?? '').split(/\s+/).filter(Boolean);

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, ...EXTRA_ARGS, ...extraArgs],
  });
}

/** A page on browser mode, with the terminal probe on (see Console.svelte). */
export async function openApp(
  browser: Browser,
  url: string,
  before: (page: Page) => Promise<void> = async () => undefined,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // tsx (esbuild, keepNames) wraps named functions in __name(): the page needs it too.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await before(page);
  await page.goto(`${url}&probe${process.env['BENCH_URL_EXTRA'] ?? ''}`);
  return page;
}

/** Runs a benchmark body with browser mode and Chromium started, both stopped after. */
export async function withApp<T>(body: (ctx: { web: BenchWeb; browser: Browser }) => Promise<T>) {
  const web = await startWeb();
  const browser = await launchBrowser();
  try {
    return await body({ web, browser });
  } finally {
    await browser.close().catch(() => undefined);
    await stopWeb(web);
  }
}

export function consoleSelector(name: string): string {
  return `[role=group][aria-label="${name} console"]`;
}

export async function consoleIdOf(page: Page, name: string): Promise<string> {
  const id = await page.locator(consoleSelector(name)).getAttribute('data-console-id');
  if (!id) throw new Error(`${name} has no console id`);
  return id;
}

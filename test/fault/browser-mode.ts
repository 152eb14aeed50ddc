// Browser mode as a person runs it, against the fault suite's private engine: the real
// `node out/main/web.js`, stopped by pid, and Debian's Chromium reading each console's
// real xterm buffer (exposed by `?probe`, see Console.svelte).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type Dockerode from 'dockerode';
import { afterAll, beforeAll } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import {
  PRIVATE_ENGINE,
  PRIVATE_HOST,
  privateDocker,
  removeAll,
  sleep,
  TEST_IMAGE,
} from './private-engine';

export interface WebProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything it printed, stdout and stderr. */
  output(): string;
}

/** A config directory of its own, so a kept token never leaks between runs (in the run's folder). */
export function freshConfigDir(): string {
  return mkdtempSync(join(PRIVATE_ENGINE.root, 'config-'));
}

export function startWeb(args: string[] = [], configDir = freshConfigDir()): Promise<WebProcess> {
  const child = spawn(process.execPath, ['out/main/web.js', '--no-open', ...args], {
    env: { ...process.env, DOCKER_HOST: PRIVATE_HOST, XDG_CONFIG_HOME: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start: ${output}`)),
      30_000,
    );
    const poll = setInterval(() => {
      const m = /(http:\/\/\S+:(\d+)\/\?token=[\w-]+)/.exec(output);
      if (!m) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ child, url: m[1]!, port: Number(m[2]), output: () => output });
    }, 20);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`browser mode exited (${code}): ${output}`));
    });
  });
}

/** Stops browser mode by its pid and waits for it to exit. */
export async function stopWeb(web: WebProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (web.child.exitCode !== null || web.child.signalCode !== null) return;
  const exited = new Promise((r) => web.child.once('exit', r));
  process.kill(web.child.pid!, signal);
  await Promise.race([exited, sleep(10_000)]);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/**
 * Starts `bash --norc -i` with its prompt set in a new container: an attached console whose
 * prompt a test can wait for. `more` adds to (or overrides) the container's settings.
 */
export async function startPromptShell(
  docker: Dockerode,
  name: string,
  prompt: string,
  more: Partial<Dockerode.ContainerCreateOptions> = {},
): Promise<void> {
  const container = await docker.createContainer({
    name,
    Image: TEST_IMAGE,
    Cmd: ['bash', '--norc', '-i'],
    Env: [`PS1=${prompt} `],
    Tty: true,
    OpenStdin: true,
    ...more,
  });
  await container.start();
}

export interface BrowserModeSuite {
  readonly docker: Dockerode;
  /** Browser mode, started before all tests (unless the suite starts its own). */
  readonly web: WebProcess;
  readonly browser: Browser;
}

/**
 * A browser-mode fault test's frame. Before all: a clean private engine, the test's own
 * containers (`prepare`), browser mode (unless `web: false`) and Chromium. After all: both
 * stopped by pid, `beforeRemove` (say, starting a killed engine again), everything removed.
 */
export function browserModeSuite(
  prepare: (docker: Dockerode) => Promise<unknown>,
  options: { web?: boolean; beforeRemove?: () => Promise<unknown> } = {},
): BrowserModeSuite {
  const docker = privateDocker();
  let web: WebProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await removeAll(docker);
    await prepare(docker);
    if (options.web !== false) web = await startWeb();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (web) await stopWeb(web);
    await options.beforeRemove?.();
    await removeAll(docker);
  });
  const started = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`${what} is not started (used before beforeAll?)`);
    return value;
  };
  return {
    docker,
    get web() {
      return started('browser mode', web);
    },
    get browser() {
      return started('Chromium', browser);
    },
  };
}

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${url}&probe`);
  return page;
}

/** Clicks into one container's console, types `text` and presses Enter, as a person does. */
export async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await page.getByRole('group', { name: `${name} console`, exact: true }).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The visible text of one container's console (its whole xterm buffer). */
export function consoleText(page: Page, name: string): Promise<string> {
  return page.evaluate((name) => {
    const sel = `[role=group][aria-label="${name} console"] .xterm-host`;
    const host = document.querySelector(sel) as (Element & { xterm?: XtermLike }) | null;
    const buffer = host?.xterm?.buffer.active;
    if (!buffer) return '';
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++)
      lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }, name);
}

interface XtermLike {
  buffer: {
    active: {
      length: number;
      getLine(i: number): { translateToString(trim?: boolean): string } | undefined;
    };
  };
}

/** Waits until every named console shows `text`; resolves with the time it took. */
export async function waitForConsoles(
  page: Page,
  names: string[],
  text: string,
  timeout = 30_000,
): Promise<number> {
  const t0 = performance.now();
  await page.waitForFunction(
    ([names, text]) =>
      names.every((name) => {
        const sel = `[role=group][aria-label="${name} console"] .xterm-host`;
        const host = document.querySelector(sel) as (Element & { xterm?: XtermLike }) | null;
        const buffer = host?.xterm?.buffer.active;
        if (!buffer) return false;
        for (let i = 0; i < buffer.length; i++)
          if (buffer.getLine(i)?.translateToString(true).includes(text)) return true;
        return false;
      }),
    [names, text] as const,
    { polling: 20, timeout },
  );
  return performance.now() - t0;
}

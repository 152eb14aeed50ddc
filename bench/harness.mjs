// Shared pieces of the benchmarks: the engine (dockerode, labelled resources),
// browser mode in Chromium, in-page probes, process figures from /proc, and
// the table and JSON every benchmark reports.
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import Dockerode from 'dockerode';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const IMAGE = process.env['BENCH_IMAGE'] ?? 'crosstalk-test:latest';
export const LAB = 'bench-console';
export const LABELS = { 'io.crosstalk.owned': 'true', 'io.crosstalk.lab': LAB };
export const docker = new Dockerode();

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ── engine ──────────────────────────────────────────────────────────────────

/** Removes what the benchmarks made (lab "bench") and the lesson they set up. */
export async function cleanup() {
  for (const lab of [LAB, 'lesson-user-networks']) {
    const filters = { label: [`io.crosstalk.owned=true`, `io.crosstalk.lab=${lab}`] };
    const containers = await docker.listContainers({ all: true, filters });
    await Promise.all(
      containers.map((c) =>
        docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
    const networks = await docker.listNetworks({ filters });
    await Promise.all(
      networks.map((n) =>
        docker
          .getNetwork(n.Id)
          .remove()
          .catch(() => undefined),
      ),
    );
  }
}

/** `docker run -dit` with the bench labels: a TTY and open stdin, so consoles attach. */
export async function runContainer({ name, cmd, network }) {
  const container = await docker.createContainer({
    name,
    Image: IMAGE,
    Cmd: cmd,
    Tty: true,
    OpenStdin: true,
    Labels: LABELS,
    HostConfig: network ? { NetworkMode: network } : {},
  });
  await container.start();
  return container;
}

export async function createNetwork(name) {
  return docker.createNetwork({ Name: name, Labels: LABELS });
}

/** A raw TTY attach: the floor any tool on this engine pays. */
export async function attach(name) {
  return docker.getContainer(name).attach({
    stream: true,
    stdin: true,
    stdout: true,
    stderr: true,
    hijack: true,
  });
}

/** Resolves when `text` has arrived on `stream` (checking across chunk borders). */
export function waitFor(stream, text, timeoutMs = 15_000) {
  return new Promise((resolve, reject) => {
    let tail = '';
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${text}`)), timeoutMs);
    const onData = (chunk) => {
      tail = (tail + chunk.toString('latin1')).slice(-4096);
      if (tail.includes(text)) done(null);
    };
    const done = (error) => {
      clearTimeout(timer);
      stream.off('data', onData);
      if (error) reject(error);
      else resolve();
    };
    stream.on('data', onData);
  });
}

// ── browser mode ────────────────────────────────────────────────────────────

/** Starts `node out/main/web.js` as `npm run web` does; resolves with its URL. */
export function startWeb() {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['out/main/web.js', '--no-open', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ url: m[1], child, startedAt, listeningAt: performance.now() });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)));
  });
}

export async function stopWeb(web) {
  if (web.child.exitCode !== null) return;
  const exited = new Promise((r) => web.child.once('exit', r));
  web.child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
}

/** Chromium as playwright.config.ts launches it. */
export async function launchBrowser() {
  return chromium.launch(chromiumLaunchOptions);
}

/** A page on browser mode, with the terminal probe on (see Console.svelte). */
export async function openApp(browser, url, before = async () => undefined) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await before(page);
  await page.goto(`${url}&probe${process.env['BENCH_URL_EXTRA'] ?? ''}`);
  return page;
}

/** Waits until each named console is attached and its buffer shows `text`. */
export async function waitForConsoles(page, names, text = '#', timeout = 60_000) {
  await page.waitForFunction(
    ([names, text]) => {
      return names.every((n) => {
        // The xterm Terminal of a console, exposed by ?probe.
        const sel = `[role=group][aria-label="${n} console"] .xterm-host`;
        const t = document.querySelector(sel)?.xterm;
        if (!t) return false;
        const b = t.buffer.active;
        for (let i = 0; i < b.length; i++)
          if (b.getLine(i)?.translateToString().includes(text)) return true;
        return false;
      });
    },
    [names, text],
    { polling: 50, timeout },
  );
}

export async function consoleIdOf(page, name) {
  return page.locator(`[role=group][aria-label="${name} console"]`).getAttribute('data-console-id');
}

// ── in-page echo probe ──────────────────────────────────────────────────────

/**
 * Installs an echo meter: from a keydown in `client`'s console (the event's own
 * timestamp) to the first paint of `server`'s console after new bytes were parsed.
 */
export async function installEchoMeter(page, client, server) {
  await page.evaluate(
    ([client, server]) => {
      const host = document.querySelector(`[role=group][aria-label="${client} console"]`);
      // samples: keydown → painted; parsed: keydown → in xterm's buffer (before the paint).
      const st = {
        t0: 0,
        armed: false,
        parsed: false,
        samples: [],
        parsedSamples: [],
        waiters: [],
      };
      host.addEventListener(
        'keydown',
        (e) => {
          st.t0 = e.timeStamp;
          st.armed = true;
          st.parsed = false;
        },
        true,
      );
      const t = document.querySelector(
        `[role=group][aria-label="${server} console"] .xterm-host`,
      ).xterm;
      t.onWriteParsed(() => {
        if (!st.armed || st.parsed) return;
        st.parsed = true;
        st.parsedSamples.push(performance.now() - st.t0);
      });
      t.onRender(() => {
        if (!st.armed || !st.parsed) return;
        st.armed = false;
        st.samples.push(performance.now() - st.t0);
        for (const w of st.waiters.splice(0)) w();
      });
      window.__echo = {
        samples: st.samples,
        parsed: st.parsedSamples,
        until: (n, ms) =>
          new Promise((resolve, reject) => {
            if (st.samples.length >= n) return resolve(st.samples[n - 1]);
            const timer = setTimeout(() => reject(new Error('echo timed out')), ms);
            st.waiters.push(() => {
              if (st.samples.length < n) return;
              clearTimeout(timer);
              resolve(st.samples[n - 1]);
            });
          }),
      };
    },
    [client, server],
  );
}

/** Types one key at a time into `client`'s console, as a person would; in-page latencies. */
export async function sampleEcho(page, client, { count, keepGoing = () => true }) {
  await page.locator(`[role=group][aria-label="${client} console"]`).click();
  const start = await page.evaluate(() => window.__echo.samples.length);
  const out = [];
  for (let i = 0; i < count && keepGoing(); i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    out.push(await page.evaluate(([n]) => window.__echo.until(n, 10_000), [start + i + 1]));
    await sleep(5 + Math.random() * 20);
  }
  return out;
}

// ── process figures ─────────────────────────────────────────────────────────

const CLK_TCK = 100;

export function rssMB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU seconds (user + system) a process has used. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Chromium's processes under this one, by kind (browser, renderer, gpu-process, …). */
export function chromiumProcesses() {
  const parent = new Map();
  const cmd = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      cmd.set(Number(d), readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0'));
    } catch {
      // gone meanwhile
    }
  }
  const mine = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === process.pid) return true;
    return false;
  };
  const out = [];
  for (const [pid, argv] of cmd) {
    if (!argv.join(' ').includes('chrom') || !mine(pid)) continue;
    const type = /--type=([\w-]+)/.exec(argv.join(' '))?.[1] ?? 'browser';
    out.push({ pid, type });
  }
  return out;
}

export async function rendererHeapMB(page, { gc = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  if (gc) await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** Resident memory of Chromium's processes of one kind, summed. */
export function chromiumRssMB(type) {
  return chromiumProcesses()
    .filter((p) => p.type === type)
    .reduce((sum, p) => sum + (rssMB(p.pid) || 0), 0);
}

/** CPU seconds of Chromium's processes of one kind, summed. */
export function chromiumCpuSeconds(type) {
  return chromiumProcesses()
    .filter((p) => p.type === type)
    .reduce((sum, p) => sum + cpuSeconds(p.pid), 0);
}

// ── statistics and reports ──────────────────────────────────────────────────

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export function summary(values) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: Math.max(...values),
  };
}

export const median = (values) => percentile(values, 50);

const fmt = (v) =>
  typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(v >= 100 ? 0 : 2) : '—') : (v ?? '—');

/**
 * Prints one benchmark's table: metric, baseline, Crosstalk, ratio, target.
 * Rows: { metric, baseline?, crosstalk, unit?, target? }.
 */
export function report(title, rows) {
  const lines = rows.map((r) => [
    r.metric + (r.unit ? ` (${r.unit})` : ''),
    fmt(r.baseline),
    fmt(r.crosstalk),
    typeof r.baseline === 'number' && typeof r.crosstalk === 'number' && r.baseline
      ? (r.crosstalk / r.baseline).toFixed(2)
      : '—',
    r.target ?? '',
  ]);
  const head = ['metric', 'baseline', 'Crosstalk', 'ratio', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const row = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(`\n### ${title}\n`);
  console.log(row(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const l of lines) console.log(row(l));
}

export function writeResult(name, data) {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...data }, null, 2) + '\n');
  return file;
}

/** Runs a benchmark body with the app started and everything cleaned up after. */
export async function withApp(body) {
  const web = await startWeb();
  const browser = await launchBrowser();
  try {
    return await body({ web, browser });
  } finally {
    await browser.close().catch(() => undefined);
    await stopWeb(web);
  }
}

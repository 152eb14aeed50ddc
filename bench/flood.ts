// Flood throughput: 64 MiB of base64 text (48 MiB of random bytes, made and hashed by the
// container) through one console until xterm has parsed and painted it, with echo latency
// measured in a second console meanwhile. Baseline: the same engine stream drained in Node
// without rendering. Frames are read with the app's own console protocol.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { decodeFrame } from '../src/shared/console-protocol';
import type { Figure } from './lib/figures';
import { attach, cleanup, docker, runContainer, sleep } from './lib/engine';
import { consoleIdOf, consoleSelector, openApp, withApp } from './lib/app';
import {
  arrivedSince,
  installEchoMeter,
  parsedSince,
  sampleEcho,
  waitForConsoles,
  watchSmallMessages,
  type ProbedHost,
} from './lib/probes';
import { chromiumCpuSeconds, cpuSeconds, rendererHeapMB, rssMB } from './lib/procs';
import { summary } from './lib/stats';
import { profilePage } from './lib/cpu-profile';
import { tracePage } from './lib/page-trace';
import { baselineEcho, NETWORK, startEchoPair } from './echo';

const RANDOM_BYTES = 48 * 2 ** 20;
/** BENCH_FLOOD_PROFILE=file.cpuprofile: a CPU profile of the page during the flood. */
const PROFILE = process.env['BENCH_FLOOD_PROFILE'];
/**
 * BENCH_FLOOD_NO_CAPTURE=1: no copy of the frames for the checksum (CDP sends each one,
 * base64, to this process), to see what the measurement itself costs; the integrity figure is
 * then left out and the byte count is the file's size plus the TTY's added \r per line.
 */
const NO_CAPTURE = process.env['BENCH_FLOOD_NO_CAPTURE'] === '1';
/** BENCH_FLOOD_TRACE=file.json: a Chromium trace of the flood's seconds 2–5, summed by phase. */
const TRACE = process.env['BENCH_FLOOD_TRACE'];
const SCRIPT = [
  `head -c ${RANDOM_BYTES} /dev/urandom | base64 > /tmp/flood.txt`,
  'md5sum /tmp/flood.txt > /tmp/flood.md5',
  // Each line typed (a run number) floods once, between two markers.
  'while read run; do echo FLOOD-BEGIN; cat /tmp/flood.txt; echo "FLOOD-END-$run"; done',
].join('; ');

declare global {
  interface Window {
    __flood: { t0: number; end: number; seen: boolean; renders: number };
  }
}

async function execOut(container: string, cmd: string[]): Promise<string> {
  const exec = await docker.getContainer(container).exec({ Cmd: cmd, AttachStdout: true });
  const stream = await exec.start({ hijack: true, stdin: false, Tty: true });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

async function startFlood(): Promise<string> {
  await runContainer({ name: 'flood', network: NETWORK, cmd: ['bash', '-c', SCRIPT] });
  for (let i = 0; i < 300; i++) {
    const md5 = (await execOut('flood', ['cat', '/tmp/flood.md5']).catch(() => '')).split(' ')[0];
    if (md5 && /^[0-9a-f]{32}$/.test(md5)) return md5;
    await sleep(200);
  }
  throw new Error('the flood container did not prepare its text');
}

/** What the console receives of the flood: the file, each \n sent as \r\n. */
async function floodBytes(): Promise<number> {
  const out = await execOut('flood', [
    'sh',
    '-c',
    'wc -c < /tmp/flood.txt; wc -l < /tmp/flood.txt',
  ]);
  const [size, lines] = out.trim().split(/\s+/).map(Number);
  return size! + lines!;
}

/** md5 of what arrived between FLOOD-BEGIN and FLOOD-END-<run>, TTY line ends undone. */
function checksum(received: Uint8Array[], run: number): { md5: string | null; bytes: number } {
  const all = Buffer.concat(received);
  const end = all.lastIndexOf(`FLOOD-END-${run}`);
  const beginMarker = 'FLOOD-BEGIN\r\n';
  const begin = all.lastIndexOf(beginMarker, end);
  if (end < 0 || begin < 0) return { md5: null, bytes: all.length };
  const body = all.subarray(begin + beginMarker.length, end);
  // The TTY turned every \n into \r\n; base64 text has no \r of its own.
  const hash = createHash('md5');
  let from = 0;
  for (let i = body.indexOf(13); i >= 0; i = body.indexOf(13, from)) {
    hash.update(body.subarray(from, i));
    from = i + 1;
  }
  hash.update(body.subarray(from));
  return { md5: hash.digest('hex'), bytes: all.length };
}

/** The raw flood, with echoes through the raw attaches of the echo pair meanwhile. */
async function baselineFlood(pair: Parameters<typeof baselineEcho>[0]) {
  const stream = await attach('flood');
  const received: Buffer[] = [];
  let bytes = 0;
  const done = new Promise<number>((resolve) => {
    let tail = '';
    stream.on('data', (c: Buffer) => {
      received.push(c);
      bytes += c.length;
      tail = (tail + c.toString('latin1')).slice(-64);
      if (tail.includes('FLOOD-END-1')) resolve(performance.now());
    });
  });
  const t0 = performance.now();
  stream.write('1\r');
  let finished = false;
  const echo = baselineEcho(pair, 100_000, () => !finished);
  const t1 = await done;
  finished = true;
  const echoes = summary(await echo);
  stream.destroy();
  const seconds = (t1 - t0) / 1000;
  return { mbps: bytes / 1e6 / seconds, md5: checksum(received, 1).md5, echo: echoes };
}

/** Marks the flood's start (the Enter key) and end (FLOOD-END-2 painted) in the page. */
async function installFloodMeter(page: Page) {
  await page.evaluate((sel) => {
    const term = document.querySelector<ProbedHost>(`${sel} .xterm-host`)!.xterm;
    const st = { t0: 0, end: 0, seen: false, renders: 0 };
    window.__flood = st;
    document.querySelector(sel)!.addEventListener(
      'keydown',
      (e) => {
        if ((e as KeyboardEvent).key === 'Enter' && !st.t0) st.t0 = e.timeStamp;
      },
      true,
    );
    term.onWriteParsed(() => {
      if (!st.t0 || st.seen) return;
      const b = term.buffer.active;
      for (let y = Math.max(0, b.baseY + b.cursorY - 2); y <= b.baseY + b.cursorY; y++)
        if (b.getLine(y)?.translateToString().includes('FLOOD-END-2')) st.seen = true;
    });
    term.onRender(() => {
      if (st.t0 && !st.end) st.renders++;
      if (st.seen && !st.end) st.end = performance.now();
    });
  }, consoleSelector('flood'));
}

export async function run(): Promise<Figure[]> {
  await cleanup();
  try {
    const echoStreams = await startEchoPair();
    const expectedMd5 = await startFlood();
    const expectedBytes = NO_CAPTURE ? await floodBytes() : 0;
    const raw = await baselineFlood(echoStreams);
    echoStreams.client.destroy();
    echoStreams.server.destroy();

    const crosstalk = await withApp(async ({ web, browser }) => {
      // Every console frame Chromium received, and every ack it sent back.
      const frames: { consoleId: string; data: Uint8Array }[] = [];
      const acks = new Map<string, number>();
      const page = await openApp(browser, web.url, async (p) => {
        await p.addInitScript({ content: watchSmallMessages });
        if (NO_CAPTURE) return;
        p.on('websocket', (ws) => {
          ws.on('framereceived', ({ payload }) => {
            if (typeof payload === 'string') return;
            const f = decodeFrame(payload);
            if (f?.msg.op === 'output') frames.push({ consoleId: f.consoleId, data: f.msg.data });
          });
          ws.on('framesent', ({ payload }) => {
            if (typeof payload === 'string') return;
            const f = decodeFrame(payload);
            if (f?.msg.op === 'ack')
              acks.set(f.consoleId, (acks.get(f.consoleId) ?? 0) + f.msg.bytes);
          });
        });
      });
      await waitForConsoles(page, ['server', 'client', 'flood'], '');
      const floodId = await consoleIdOf(page, 'flood');
      await installEchoMeter(page, 'client', 'server');
      await sampleEcho(page, 'client', { count: 10 }); // warm-up, and proof the pair talks
      await installFloodMeter(page);
      const echoFrom = await page.evaluate(() => window.__echo.samples.length);
      const framesBefore = frames.length;
      const pid = web.child.pid!;
      const cpu = () => ({
        main: cpuSeconds(pid),
        renderer: chromiumCpuSeconds('renderer'),
        browser: chromiumCpuSeconds('browser'),
        network: chromiumCpuSeconds('utility'),
        bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
      });
      const stopProfile = PROFILE ? await profilePage(page, PROFILE) : null;
      const cpuBefore = cpu();
      await page.locator(consoleSelector('flood')).click();
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      let finished = false;
      const end = page
        .waitForFunction(() => window.__flood.end > 0, null, { timeout: 600_000, polling: 100 })
        .then(() => (finished = true));
      const traced = TRACE
        ? sleep(2000).then(() => tracePage(page, 3000, TRACE))
        : Promise.resolve(null);
      const echo = summary(
        await sampleEcho(page, 'client', { count: 100_000, keepGoing: () => !finished }),
      );
      await end;
      const { t0, end: t1, renders } = await page.evaluate(() => window.__flood);
      const echoParsed = summary(await parsedSince(page, echoFrom));
      const echoArrived = summary(await arrivedSince(page, echoFrom));
      const cpuAfter = cpu();
      const traceSummary = await traced;
      if (traceSummary) console.log(`the page during the flood:\n${traceSummary}`);
      if (stopProfile) console.log(`renderer self time during the flood:\n${await stopProfile()}`);
      await sleep(500); // the last acks
      const heapMB = await rendererHeapMB(page);
      const mine = frames
        .slice(framesBefore)
        .filter((f) => f.consoleId === floodId)
        .map((f) => f.data);
      const { md5, bytes } = NO_CAPTURE ? { md5: null, bytes: expectedBytes } : checksum(mine, 2);
      const seconds = (t1 - t0) / 1000;
      return {
        mbps: bytes / 1e6 / seconds,
        seconds,
        intact: md5 === expectedMd5 && (acks.get(floodId) ?? 0) >= bytes,
        perMB: (k: keyof typeof cpuAfter) => ((cpuAfter[k] - cpuBefore[k]) / (bytes / 1e6)) * 1000,
        echo,
        echoParsed,
        echoArrived,
        rendersPerMB: renders / (bytes / 1e6),
        heapMB,
        mainRssMB: rssMB(pid),
        rendererCpuPerMB: (cpuAfter.renderer - cpuBefore.renderer) / (bytes / 1e6),
        mainCpuPerMB: (cpuAfter.main - cpuBefore.main) / (bytes / 1e6),
      };
    });
    return [
      {
        id: 'flood.mbps',
        metric: 'flood 64 MiB throughput',
        unit: 'MB/s',
        value: crosstalk.mbps,
        baseline: raw.mbps,
        target: { minRatio: 0.5 },
      },
      {
        id: 'flood.otherEcho.p95',
        metric: "other console's echo during the flood, p95",
        unit: 'ms',
        value: crosstalk.echo.p95,
        baseline: raw.echo.p95,
        target: { max: 50 },
      },
      {
        id: 'flood.otherEcho.arrived.p95',
        metric: "other console's echo during the flood: keydown → its message in the page, p95",
        unit: 'ms',
        value: crosstalk.echoArrived.p95,
      },
      {
        id: 'flood.otherEcho.parsed.p95',
        metric: "other console's echo during the flood: keydown → in xterm's buffer, p95",
        unit: 'ms',
        value: crosstalk.echoParsed.p95,
      },
      {
        id: 'flood.rendersPerMB',
        metric: "the flooding console's renders (frames drawn) per MB",
        unit: '',
        value: crosstalk.rendersPerMB,
      },
      {
        id: 'flood.otherEcho.n',
        metric: 'echo samples during the flood',
        unit: '',
        value: crosstalk.echo.n,
        baseline: raw.echo.n,
      },
      {
        id: 'flood.rendererCpuPerMB',
        metric: 'renderer CPU per MB',
        unit: 'ms/MB',
        value: crosstalk.rendererCpuPerMB * 1000,
      },
      {
        id: 'flood.mainCpuPerMB',
        metric: 'main-process CPU per MB',
        unit: 'ms/MB',
        value: crosstalk.mainCpuPerMB * 1000,
      },
      ...(['browser', 'network', 'bench'] as const).map((k) => ({
        id: `flood.${k}CpuPerMB`,
        metric: `${{ browser: "Chromium's browser process", network: "Chromium's network service", bench: 'the bench process (Playwright, frame capture)' }[k]} CPU per MB`,
        unit: 'ms/MB',
        value: crosstalk.perMB(k),
      })),
      {
        id: 'flood.heapMB',
        metric: 'renderer JS heap at end',
        unit: 'MB',
        value: crosstalk.heapMB,
        target: { max: 200 },
      },
      { id: 'flood.mainRssMB', metric: 'main RSS at end', unit: 'MB', value: crosstalk.mainRssMB },
      ...(NO_CAPTURE
        ? []
        : [
            {
              id: 'flood.intact',
              metric: 'md5 matches the container and every byte acked (1 = yes)',
              unit: '',
              value: crosstalk.intact ? 1 : 0,
              baseline: raw.md5 === expectedMd5 ? 1 : 0,
              target: { min: 1 },
            },
          ]),
    ];
  } finally {
    await cleanup();
  }
}

// 2. Flood throughput: 64 MiB of base64 text (48 MiB of random bytes, made and
// hashed by the container) through one console until xterm has parsed and
// painted it, with echo latency measured in a second console meanwhile.
// Baseline: the same engine stream drained in Node without rendering.
import { createHash } from 'node:crypto';
import {
  attach,
  cleanup,
  chromiumCpuSeconds,
  consoleIdOf,
  cpuSeconds,
  docker,
  installEchoMeter,
  openApp,
  report,
  rendererHeapMB,
  rssMB,
  runContainer,
  sampleEcho,
  sleep,
  summary,
  waitForConsoles,
  withApp,
  writeResult,
} from './harness.mjs';
import { startEchoPair } from './echo.mjs';

const RANDOM_BYTES = 48 * 2 ** 20;
const SCRIPT = [
  `head -c ${RANDOM_BYTES} /dev/urandom | base64 > /tmp/flood.txt`,
  'md5sum /tmp/flood.txt > /tmp/flood.md5',
  // Each line typed (a run number) floods once, between two markers.
  'while read run; do echo FLOOD-BEGIN; cat /tmp/flood.txt; echo "FLOOD-END-$run"; done',
].join('; ');

async function execOut(container, cmd) {
  const exec = await docker.getContainer(container).exec({ Cmd: cmd, AttachStdout: true });
  const stream = await exec.start({ hijack: true, stdin: false, Tty: true });
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString();
}

async function startFlood() {
  await runContainer({ name: 'flood', cmd: ['bash', '-c', SCRIPT] });
  for (let i = 0; i < 300; i++) {
    const md5 = (await execOut('flood', ['cat', '/tmp/flood.md5']).catch(() => '')).split(' ')[0];
    if (md5 && /^[0-9a-f]{32}$/.test(md5)) return md5;
    await sleep(200);
  }
  throw new Error('the flood container did not prepare its text');
}

/** md5 of what arrived between FLOOD-BEGIN and FLOOD-END-<run>, TTY line ends undone. */
function checksum(received, run) {
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

async function baselineFlood() {
  const stream = await attach('flood');
  const received = [];
  let bytes = 0;
  const done = new Promise((resolve) => {
    let tail = '';
    stream.on('data', (c) => {
      received.push(c);
      bytes += c.length;
      tail = (tail + c.toString('latin1')).slice(-64);
      if (tail.includes('FLOOD-END-1')) resolve(performance.now());
    });
  });
  const t0 = performance.now();
  stream.write('1\r');
  const t1 = await done;
  stream.destroy();
  return { seconds: (t1 - t0) / 1000, bytes, md5: checksum(received, 1).md5 };
}

export async function run() {
  await cleanup();
  try {
    const echoStreams = await startEchoPair();
    echoStreams.client.destroy();
    echoStreams.server.destroy();
    const expectedMd5 = await startFlood();
    const baseline = await baselineFlood();
    baseline.mbps = baseline.bytes / 1e6 / baseline.seconds;

    const crosstalk = await withApp(async ({ web, browser }) => {
      // Every console frame, as Chromium received it, and every ack it sent back.
      const frames = [];
      const acks = new Map();
      const page = await openApp(browser, web.url, async (p) => {
        p.on('websocket', (ws) => {
          ws.on('framereceived', ({ payload }) => {
            if (typeof payload !== 'string' && payload[0] === 1) frames.push(payload);
          });
          ws.on('framesent', ({ payload }) => {
            if (typeof payload === 'string' || payload[0] !== 4) return;
            const id = payload.subarray(2, 2 + payload[1]).toString();
            acks.set(id, (acks.get(id) ?? 0) + payload.readUInt32BE(2 + payload[1]));
          });
        });
      });
      await waitForConsoles(page, ['server', 'client', 'flood'], '');
      const floodId = await consoleIdOf(page, 'flood');
      await installEchoMeter(page, 'client', 'server');
      await sampleEcho(page, 'client', { count: 10 }); // warm-up, and proof the pair talks
      await page.evaluate(() => {
        const sel = '[role=group][aria-label="flood console"]';
        const term = document.querySelector(`${sel} .xterm-host`).xterm;
        const st = { t0: 0, end: 0, seen: false };
        window.__flood = st;
        document.querySelector(sel).addEventListener(
          'keydown',
          (e) => {
            if (e.key === 'Enter' && !st.t0) st.t0 = e.timeStamp;
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
          if (st.seen && !st.end) st.end = performance.now();
        });
      });
      const framesBefore = frames.length;
      const cpu = () => ({
        main: cpuSeconds(web.child.pid),
        renderer: chromiumCpuSeconds('renderer'),
        gpu: chromiumCpuSeconds('gpu-process'),
        browser: chromiumCpuSeconds('browser') + chromiumCpuSeconds('utility'),
      });
      const cpuBefore = cpu();
      await page.locator('[role=group][aria-label="flood console"]').click();
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      let finished = false;
      const end = page
        .waitForFunction(() => window.__flood.end > 0, null, { timeout: 600_000, polling: 100 })
        .then(() => (finished = true));
      const echo = summary(
        await sampleEcho(page, 'client', { count: 100_000, keepGoing: () => !finished }),
      );
      await end;
      const { t0, end: t1 } = await page.evaluate(() => window.__flood);
      const cpuAfter = cpu();
      // Where the time went: CPU seconds per process over the flood.
      const cpuSpent = Object.fromEntries(
        Object.keys(cpuAfter).map((k) => [k, +(cpuAfter[k] - cpuBefore[k]).toFixed(2)]),
      );
      await sleep(500); // the last acks
      const heapMB = await rendererHeapMB(page);
      const mainRssMB = rssMB(web.child.pid);
      const mine = frames
        .slice(framesBefore)
        .filter((f) => f.subarray(2, 2 + f[1]).toString() === floodId)
        .map((f) => f.subarray(2 + f[1]));
      const { md5, bytes } = checksum(mine, 2);
      const acked = acks.get(floodId) ?? 0;
      const ackedAll = acked >= bytes; // acks also cover what came before the flood
      return {
        seconds: (t1 - t0) / 1000,
        bytes,
        mbps: bytes / 1e6 / ((t1 - t0) / 1000),
        md5,
        acked,
        ackedAll,
        echo,
        heapMB,
        mainRssMB,
        cpuSpent,
      };
    });

    const intact = crosstalk.md5 === expectedMd5 && crosstalk.ackedAll;
    report('2 · Flood: 64 MiB of base64 through one console', [
      {
        metric: 'throughput',
        unit: 'MB/s',
        baseline: baseline.mbps,
        crosstalk: crosstalk.mbps,
        target: `≥ ${Math.min(baseline.mbps / 2, 20).toFixed(1)} (min(50% baseline, 20))`,
      },
      { metric: 'time', unit: 's', baseline: baseline.seconds, crosstalk: crosstalk.seconds },
      {
        metric: 'second console echo p95 during flood',
        unit: 'ms',
        crosstalk: crosstalk.echo.p95,
        target: '< 50',
      },
      { metric: 'echo samples during flood', crosstalk: crosstalk.echo.n },
      {
        metric: 'renderer JS heap at end',
        unit: 'MB',
        crosstalk: crosstalk.heapMB,
        target: '< 200',
      },
      { metric: 'main process RSS at end', unit: 'MB', crosstalk: crosstalk.mainRssMB },
      ...Object.entries(crosstalk.cpuSpent).map(([k, v]) => ({
        metric: `CPU during flood: ${k}`,
        unit: 's',
        crosstalk: v,
      })),
      {
        metric: 'checksum (md5 vs container)',
        baseline: baseline.md5 === expectedMd5 ? 'match' : 'MISMATCH',
        crosstalk: crosstalk.md5 === expectedMd5 ? 'match' : 'MISMATCH',
        target: 'match',
      },
      {
        metric: 'all bytes parsed by xterm (acks)',
        crosstalk: crosstalk.ackedAll ? 'yes' : `no (${crosstalk.acked}/${crosstalk.bytes})`,
        target: 'yes',
      },
    ]);
    return writeResult('flood', { expectedMd5, intact, baseline, crosstalk });
  } finally {
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

// `npx tsx bench/split-echo.ts [keys]`: where one echo's time goes, untraced. The echo bench's
// setup (client console → nc → server console), with the page noting each small WebSocket send
// and message and browser mode's Node process each small socket read and write
// (lib/socket-stamps.mjs), so each key splits into: the key event to the page, the page to its
// send, Node, the engine (attach write → the other attach's read, beside the raw attach's echo),
// Chromium's two WebSocket hops, and the message to xterm's buffer and to the paint. p50 / p90 of
// each step. Run under the engine lock, after a build (BENCH_APP_DIR: another build).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from './lib/engine';
import { APP_DIR, launchBrowser, openApp } from './lib/app';
import { ROOT } from './lib/paths';
import { installEchoMeter, sampleEcho, waitForConsoles } from './lib/probes';
import { percentile } from './lib/stats';
import { baselineEcho, startEchoPair } from './echo';
import { startWebMode, stopWebMode } from '../e2e/web-mode';

const KEYS = Number(process.argv[2] ?? 200);
/** A console frame for one byte: op, id length, a 36-character console id, the byte. */
const INPUT_FRAME = 39;
/** On the wire: the page's frames are masked (2 + 4 bytes of header), Node's are not (2). */
const FROM_PAGE = INPUT_FRAME + 6;
const TO_PAGE = INPUT_FRAME + 2;

type PageStamp = [at: number, what: 'k' | 's' | 'm', bytes: number, listenerAt: number];
type SocketStamp = [at: number, dir: 'r' | 'w', kind: 'tcp' | 'unix', bytes: number];

const pageStamps = `(() => {
  window.__stamps = [];
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (d) {
    window.__stamps.push([performance.now(), 's', d.byteLength ?? d.length, 0]);
    return send.call(this, d);
  };
  const add = WebSocket.prototype.addEventListener;
  WebSocket.prototype.addEventListener = function (type, fn, opts) {
    if (type !== 'message') return add.call(this, type, fn, opts);
    return add.call(this, type, (e) => {
      if (e.data instanceof ArrayBuffer) window.__stamps.push([performance.now(), 'm', e.data.byteLength, 0]);
      return fn.call(this, e);
    }, opts);
  };
  document.addEventListener('keydown', (e) => window.__stamps.push([e.timeStamp, 'k', 0, performance.now()]), true);
})();`;

function steps(page: PageStamp[], node: SocketStamp[], parsed: number[], painted: number[]) {
  const keys = page.filter((s) => s[1] === 'k');
  const inputs = node
    .filter(([, d, k, n]) => d === 'r' && k === 'tcp' && n === FROM_PAGE)
    .slice(-keys.length);
  const rows: Record<string, number>[] = [];
  keys.forEach(([t0, , , listenerAt], i) => {
    const end = keys[i + 1]?.[0] ?? Infinity;
    const mine = page.filter(([t]) => t > t0 && t < end);
    const send = mine.find(([, w, n]) => w === 's' && n === INPUT_FRAME)?.[0];
    const msg = mine.find(([, w, n]) => w === 'm' && n === INPUT_FRAME)?.[0];
    const nodeIn = inputs[i]?.[0];
    const after = node.filter(([t]) => nodeIn !== undefined && t > nodeIn);
    const attachWrite = after.find(([, d, k]) => d === 'w' && k === 'unix')?.[0];
    const attachRead = after.find(([, d, k]) => d === 'r' && k === 'unix')?.[0];
    const out = after.find(([, d, k, n]) => d === 'w' && k === 'tcp' && n === TO_PAGE)?.[0];
    const all = [send, msg, nodeIn, attachWrite, attachRead, out, parsed[i], painted[i]];
    if (all.some((x) => x === undefined)) return;
    rows.push({
      'key event → first keydown listener': listenerAt - t0,
      'key event → WebSocket.send': send! - t0,
      'Node: frame read → attach write': attachWrite! - nodeIn!,
      'engine: attach write → attach read': attachRead! - attachWrite!,
      'Node: attach read → frame written': out! - attachRead!,
      'Chromium: both WebSocket hops': msg! - send! - (out! - nodeIn!),
      'key event → echo message': msg! - t0,
      'message → in xterm’s buffer': parsed[i]! - (msg! - t0),
      'key event → painted': painted[i]!,
    });
  });
  return rows;
}

await cleanup();
try {
  const pair = await startEchoPair();
  await baselineEcho(pair, 20);
  const raw = await baselineEcho(pair, KEYS);
  pair.client.destroy();
  pair.server.destroy();
  const stampsFile = join(mkdtempSync(join(tmpdir(), 'crosstalk-stamps-')), 'socket.json');
  const web = await startWebMode(APP_DIR, {
    NODE_OPTIONS: `--import ${join(ROOT, 'bench/lib/socket-stamps.mjs')}`,
    BENCH_SOCKET_STAMPS: stampsFile,
  });
  const browser = await launchBrowser();
  let page: PageStamp[] = [];
  let meter = { parsed: [] as number[], painted: [] as number[] };
  try {
    const tab = await openApp(browser, web.url, async (p) => {
      await p.addInitScript({ content: pageStamps });
    });
    await waitForConsoles(tab, ['server', 'client'], '');
    await installEchoMeter(tab, 'client', 'server');
    await sampleEcho(tab, 'client', { count: 20 }); // warm-up
    const from = await tab.evaluate(() => {
      (window as unknown as { __stamps: PageStamp[] }).__stamps.length = 0;
      return window.__echo.samples.length;
    });
    await sampleEcho(tab, 'client', { count: KEYS });
    page = await tab.evaluate(() => (window as unknown as { __stamps: PageStamp[] }).__stamps);
    meter = await tab.evaluate(
      (from) => ({
        parsed: window.__echo.parsed.slice(from),
        painted: window.__echo.samples.slice(from),
      }),
      from,
    );
  } finally {
    await browser.close();
    await stopWebMode(web);
  }
  const node = JSON.parse(readFileSync(stampsFile, 'utf8')) as SocketStamp[];
  const rows = steps(page, node, meter.parsed, meter.painted);
  const ms = (xs: number[], p: number) => percentile(xs, p).toFixed(2).padStart(6);
  console.log(`${rows.length} keys · raw attach echo p50 ${ms(raw, 50)} · p90 ${ms(raw, 90)} ms`);
  for (const name of Object.keys(rows[0] ?? {})) {
    const xs = rows.map((r) => r[name]!);
    console.log(`${name.padEnd(40)} p50 ${ms(xs, 50)} · p90 ${ms(xs, 90)} ms`);
  }
} finally {
  await cleanup();
}

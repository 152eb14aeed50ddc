// A seeded fuzz of browser mode's WebSocket, against the private engine (fuzzed calls may
// create and remove things): random and mutated calls, binary console frames, `null`,
// oversize and invalid UTF-8 frames. Every connection either answers every call it sent
// or is closed with a close code; nothing is thrown uncaught; memory stays flat.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { encodeFrame } from '../../src/shared/console-protocol';
import { Crosstalk } from '../../src/main/engine/runtime';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { record } from './figures';
import { PRIVATE_HOST, privateDocker, removeAll, sleep, TEST_IMAGE } from './private-engine';

const SEED = 9;
const MESSAGES = 10_000;
const CONNECTIONS = 25;
const BUDGET_MS = 45_000;

/** mulberry32: the same run for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

const rand = prng(SEED);
const calls = [
  'snapshot',
  'createContainer',
  'startContainer',
  'stopContainer',
  'removeContainer',
  'createNetwork',
  'removeNetwork',
  'openConsole',
  'closeConsole',
  'watchSockets',
  'inspectContainer',
  'engineMap',
  'lessons',
  'checkLessonStep',
  'nope',
  '__proto__',
  'constructor',
];
const values: unknown[] = [
  null,
  0,
  -1,
  Infinity,
  'x',
  '',
  'fuzz-box',
  TEST_IMAGE,
  'A'.repeat(300),
  [],
  {},
  true,
  { id: 'fuzz-box' },
  '\u0000',
  '../..',
  65536,
  1.5,
];

function mutate(value: unknown, depth = 0): unknown {
  if (depth > 3 || rand.next() < 0.3) return rand.pick(values);
  if (Array.isArray(value)) return value.map((v) => mutate(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      if (rand.next() > 0.1) out[k] = mutate(v, depth + 1);
    if (rand.next() < 0.2)
      out[rand.pick(['id', 'name', 'image', 'consoleId', 'mode', 'ports'])] = rand.pick(values);
    return out;
  }
  return rand.next() < 0.5 ? value : rand.pick(values);
}

const templates: Record<string, unknown> = {
  createContainer: {
    image: TEST_IMAGE,
    name: 'fuzz-box',
    command: 'sleep 1',
    ports: [{ hostPort: 1, containerPort: 2 }],
  },
  openConsole: {
    consoleId: 'fuzzconsole1',
    container: 'fuzz-box',
    mode: 'exec',
    cols: 80,
    rows: 24,
  },
  removeContainer: { id: 'fuzz-box' },
  createNetwork: { name: 'fuzz-net' },
  watchSockets: { ids: ['fuzz-box'] },
};

interface Conn {
  ws: WebSocket;
  sent: Set<number>;
  answered: Set<number>;
  closeCode: number | null;
}

let app: Crosstalk;
let server: WebServer;
let rendererDir: string;
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  rendererDir = await mkdtemp(join(tmpdir(), 'fault-fuzz-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
  app = new Crosstalk({ docker: privateDocker(), endpoint: PRIVATE_HOST, source: 'fault suite' });
  await app.start();
  server = await startWebServer({ app, rendererDir });
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  await server?.close();
  app?.stop();
  await removeAll();
  await rm(rendererDir, { recursive: true, force: true });
});

function connect(): Promise<Conn> {
  const origin = `http://127.0.0.1:${server.port}`;
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${server.token}`, {
    headers: { Origin: origin },
  });
  const conn: Conn = { ws, sent: new Set(), answered: new Set(), closeCode: null };
  ws.on('message', (raw, isBinary) => {
    if (isBinary) return;
    const msg = JSON.parse(String(raw)) as { t: string; id?: number };
    if (msg.t === 'result' && msg.id !== undefined) conn.answered.add(msg.id);
  });
  ws.on('close', (code) => (conn.closeCode = code));
  ws.on('error', () => undefined); // the close code is what is checked
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(conn));
    ws.once('unexpected-response', () => reject(new Error('refused')));
  });
}

/** One fuzzed message on `conn`. */
function fuzz(conn: Conn, id: number): void {
  const kind = rand.int(100);
  const { ws } = conn;
  if (kind < 55) {
    const name = rand.pick(calls);
    const args = mutate(templates[name] ?? rand.pick(values));
    conn.sent.add(id);
    ws.send(JSON.stringify({ t: 'call', id, name, args }));
  } else if (kind < 63) ws.send('null');
  else if (kind < 68)
    ws.send(rand.pick(['[]', '42', '"call"', '{"t":"call"}', '{"t":"call","id":"1"}', '{', '']));
  else if (kind < 85) {
    const op = rand.pick(['input', 'resize', 'ack'] as const);
    const consoleId = rand.pick(['fuzzconsole1', 'nobody', '']);
    const msg =
      op === 'input'
        ? { op, data: Uint8Array.from({ length: rand.int(64) }, () => rand.int(256)) }
        : op === 'resize'
          ? { op, cols: rand.int(70000), rows: rand.int(70000) }
          : { op, bytes: rand.int(2 ** 32) };
    ws.send(encodeFrame(consoleId, msg));
  } else if (kind < 95) ws.send(Uint8Array.from({ length: rand.int(40) }, () => rand.int(256)));
  else if (kind < 98) ws.send(Buffer.from([0xc3, 0x28, 0xff, 0xfe]), { binary: false });
  else ws.send(Buffer.alloc(3 << 20, 0x61), { binary: rand.next() < 0.5 });
}

it(`seed ${SEED}: ${MESSAGES} fuzzed messages, every connection answers or closes with a code`, async () => {
  const t0 = performance.now();
  let conns: Conn[] = await Promise.all(Array.from({ length: CONNECTIONS }, connect));
  const all: Conn[] = [...conns];
  let rssAfterWarmup = 0;
  let id = 1;
  for (let i = 0; i < MESSAGES && performance.now() - t0 < BUDGET_MS; i++) {
    // A closed connection is replaced, as a reloading tab would be.
    conns = await Promise.all(
      conns.map(async (c) => {
        if (c.ws.readyState === WebSocket.OPEN) return c;
        const fresh = await connect();
        all.push(fresh);
        return fresh;
      }),
    );
    fuzz(rand.pick(conns), id++);
    if (i % 50 === 0) await sleep(1);
    if (i === 1000) rssAfterWarmup = process.memoryUsage().rss;
  }
  // Let the last calls finish (creates and consoles take the engine a moment).
  const settled = () =>
    all.every((c) => c.closeCode !== null || [...c.sent].every((s) => c.answered.has(s)));
  for (let waited = 0; !settled() && waited < 15_000; waited += 100) await sleep(100);
  const silent = all.filter(
    (c) => c.closeCode === null && [...c.sent].some((s) => !c.answered.has(s)),
  );
  const closedCodes = [...new Set(all.map((c) => c.closeCode).filter((c) => c !== null))].sort();
  (globalThis as { gc?: () => void }).gc?.();
  const rssEnd = process.memoryUsage().rss;
  record('ws-fuzz', {
    seed: SEED,
    messages: id - 1,
    connections: all.length,
    closeCodes: closedCodes,
    silentConnections: silent.length,
    uncaught: uncaught.length,
    rssAfterWarmupMB: Math.round(rssAfterWarmup / 2 ** 20),
    rssEndMB: Math.round(rssEnd / 2 ** 20),
    ms: Math.round(performance.now() - t0),
  });
  for (const c of all) c.ws.terminate();
  expect(silent).toHaveLength(0);
  expect(uncaught).toEqual([]);
  expect(closedCodes.every((c) => [1007, 1008, 1009].includes(c!))).toBe(true);
  expect(rssEnd - rssAfterWarmup).toBeLessThan(64 * 2 ** 20);
});

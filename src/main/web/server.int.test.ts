// Browser mode against the real engine: the HTTP gate (token, Host, CSP), the
// WebSocket gate (token, Origin), and the contract and console streams over it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, type RawData } from 'ws';
import { decodeFrame, encodeFrame, type ConsoleToMain } from '../../shared/console-protocol';
import type { AppErrorShape } from '../../shared/errors';
import type { Snapshot } from '../../shared/model';
import { Crosstalk } from '../engine/runtime';
import {
  ENDPOINT,
  TEST_IMAGE,
  TestClient,
  consoleProcesses,
  newApp,
  removeTestResources,
  uniqueName,
  waitUntil,
} from '../../../test/support';
import { COOKIE } from './auth';
import { CONTENT_SECURITY_POLICY } from './csp';
import { startWebServer, type WebServer } from './server';

const LAB = uniqueName('web');
const INDEX = '<!doctype html><title>crosstalk-it</title>';
/** A build's hashed asset (Vite names it after its content). */
const ASSET = 'index-Ab_d12-4.js';
let app: Crosstalk;
let server: WebServer;
let rendererDir: string;
let origin: string;

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'it-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), INDEX);
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'assets', ASSET), 'export {};');
  app = newApp();
  await app.start();
  server = await startWebServer({ app, rendererDir });
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  app?.stop();
  await removeTestResources(LAB);
  await rm(rendererDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket; resolves when open, rejects with the HTTP status when refused. */
function openSocket(query: string, headers: Record<string, string> = { Origin: origin }) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`refused with ${res.statusCode}`));
      res.resume();
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: AppErrorShape };

/** The renderer's side of the socket: calls by id, events, and console frames (acknowledged). */
class SocketClient {
  private nextId = 1;
  private readonly pending = new Map<number, (o: Outcome) => void>();
  readonly events: { name: string; payload: unknown }[] = [];
  readonly output = new Map<string, Buffer>();

  constructor(readonly ws: WebSocket) {
    ws.on('message', (raw: RawData, isBinary: boolean) => {
      const bytes = raw as Buffer;
      if (isBinary) {
        const frame = decodeFrame(new Uint8Array(bytes));
        if (frame?.msg.op !== 'output') return;
        const { consoleId, msg } = frame;
        this.output.set(consoleId, Buffer.concat([this.text(consoleId, true), msg.data]));
        this.send(consoleId, { op: 'ack', bytes: msg.data.length });
        return;
      }
      const msg = JSON.parse(bytes.toString()) as { t: string; id: number; name: string };
      if (msg.t === 'result') this.pending.get(msg.id)?.(msg as unknown as Outcome);
      if (msg.t === 'event') this.events.push(msg as unknown as { name: string; payload: unknown });
    });
  }

  call(name: string, args?: unknown): Promise<Outcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ t: 'call', id, name, args }));
    });
  }

  async ok<T>(name: string, args?: unknown): Promise<T> {
    const outcome = await this.call(name, args);
    if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value as T;
  }

  send(consoleId: string, msg: ConsoleToMain): void {
    this.ws.send(encodeFrame(consoleId, msg));
  }

  type(consoleId: string, text: string): void {
    this.send(consoleId, { op: 'input', data: new TextEncoder().encode(text) });
  }

  text(consoleId: string, raw: true): Buffer;
  text(consoleId: string): string;
  text(consoleId: string, raw?: true): string | Buffer {
    const bytes = this.output.get(consoleId) ?? Buffer.alloc(0);
    return raw ? bytes : bytes.toString('utf8');
  }

  waitForOutput(consoleId: string, needle: string): Promise<boolean> {
    return waitUntil(() => this.text(consoleId).includes(needle), `"${needle}" in ${consoleId}`);
  }
}

async function connected(): Promise<SocketClient> {
  return new SocketClient(await openSocket(`?token=${server.token}`));
}

describe('the HTTP gate', () => {
  it('refuses a request without the token', async () => {
    const res = await get('/');
    expect(res.status).toBe(403);
    expect(res.body).toContain('npm run web');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await get('/?token=not-the-token')).status).toBe(403);
  });

  it('serves the renderer with the token, a strict CSP and the session cookie', async () => {
    const res = await get(`/?token=${server.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(`${COOKIE}=${server.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    // The cookie alone lets later requests in.
    const again = await get('/index.html', { Cookie: `${COOKIE}=${server.token}` });
    expect(again.status).toBe(200);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('lets the browser keep hashed assets, never the page', async () => {
    const cookie = { Cookie: `${COOKIE}=${server.token}` };
    const page = await get(`/?token=${server.token}`);
    expect(page.headers['cache-control']).toBe('no-store');
    const asset = await get(`/assets/${ASSET}`, cookie);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(asset.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    // The page sets the cookie; a response the browser keeps does not carry it.
    expect(asset.headers['set-cookie']).toBeUndefined();
    // Still behind the token: a kept asset is only ever fetched by a page that had it.
    expect((await get(`/assets/${ASSET}`)).status).toBe(403);
  });

  it('refuses a Host header that is not this server (DNS rebinding)', async () => {
    const res = await get(`/?token=${server.token}`, { Host: `evil.example:${server.port}` });
    expect(res.status).toBe(421);
    expect(res.headers['set-cookie']).toBeUndefined();
    const local = await get(`/?token=${server.token}`, { Host: `localhost:${server.port}` });
    expect(local.status).toBe(200);
  });

  it('serves only files inside the renderer folder, only to GET', async () => {
    const cookie = { Cookie: `${COOKIE}=${server.token}` };
    expect((await get('/..%2f..%2f..%2fetc%2fpasswd', cookie)).status).toBe(404);
    expect((await get('/missing.js', cookie)).status).toBe(404);
    expect((await get('/', cookie, 'POST')).status).toBe(405);
  });
});

describe('the WebSocket gate', () => {
  it('refuses a socket without the token', async () => {
    await expect(openSocket('')).rejects.toThrow('refused with 403');
    await expect(openSocket('?token=wrong')).rejects.toThrow('refused with 403');
  });

  it('refuses a foreign Origin, or none, even with the token', async () => {
    const query = `?token=${server.token}`;
    await expect(openSocket(query, { Origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(
      openSocket(query, { Origin: `http://evil.example:${server.port}` }),
    ).rejects.toThrow('403');
    await expect(openSocket(query, {})).rejects.toThrow('refused with 403');
  });

  it('accepts the token from the cookie, with our own Origin', async () => {
    const ws = await openSocket('', { Origin: origin, Cookie: `${COOKIE}=${server.token}` });
    expect(server.clients()).toBeGreaterThanOrEqual(1);
    ws.close();
  });
});

describe('the contract over the WebSocket', () => {
  let client: SocketClient;
  beforeAll(async () => {
    client = await connected();
  });
  afterAll(() => client?.ws.close());

  it('answers a snapshot with the engine state', async () => {
    const snapshot = await client.ok<Snapshot>('snapshot');
    expect(snapshot.engine).toMatchObject({ connected: true, endpoint: ENDPOINT, error: null });
    expect(snapshot.images).toContain(TEST_IMAGE);
    expect(snapshot.networks.map((n) => n.name)).toContain('bridge');
  });

  it('refuses an unknown call and invalid arguments with invalid-input', async () => {
    const unknown = await client.call('dropEverything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!unknown.ok && unknown.error.message).toContain('dropEverything');

    const bad = await client.call('createContainer', { image: TEST_IMAGE, name: 'bad name!' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('invalid-input');
    expect(bad.error.message).toMatch(/^name: /);
    expect(bad.error.hint).not.toBe('');

    // Garbage closes only the socket that sent it, with a code that says why; others go on.
    for (const [garbage, code] of [
      ['{not json', 1007],
      ['null', 1008],
      [new Uint8Array([9, 200, 1]), 1008],
    ] as const) {
      const rogue = await connected();
      const closed = new Promise<number>((resolve) => rogue.ws.once('close', resolve));
      rogue.ws.send(garbage);
      expect(await closed).toBe(code);
    }
    expect((await client.call('snapshot')).ok).toBe(true);
  });

  it('creates a container and pushes the new state as a snapshot event', async () => {
    const name = uniqueName('web-box');
    const created = await client.ok<{ id: string }>('createContainer', {
      image: TEST_IMAGE,
      name,
      labId: LAB,
    });
    await waitUntil(
      () =>
        client.events.some(
          (e) =>
            e.name === 'snapshot' &&
            (e.payload as Snapshot).containers.some((c) => c.id === created.id),
        ),
      'a snapshot event with the new container',
    );
  });

  it('runs a console over binary frames: input, output, resize, close', async () => {
    const name = uniqueName('web-console');
    await client.ok('createContainer', { image: TEST_IMAGE, name, labId: LAB });
    const consoleId = TestClient.consoleId();
    const opened = await client.ok('openConsole', { consoleId, container: name, mode: 'exec' });
    expect(opened).toEqual({ consoleId, mode: 'exec', shell: 'bash or sh' });

    client.type(consoleId, 'echo hello-$((6*7))\r');
    await client.waitForOutput(consoleId, 'hello-42');

    client.send(consoleId, { op: 'resize', cols: 99, rows: 33 });
    await waitUntil(
      async () => {
        const before = client.text(consoleId).length;
        client.type(consoleId, 'stty size\r');
        await new Promise((resolve) => setTimeout(resolve, 200));
        return client.text(consoleId).slice(before).includes('33 99');
      },
      'the resized TTY',
      5000,
    );

    await client.ok('closeConsole', { consoleId });
    await waitUntil(
      async () => (await consoleProcesses(name, consoleId)).length === 0,
      'the console shell to end',
      2000,
      100,
    );
  });

  it("closes a tab's consoles when its socket goes away", async () => {
    const name = uniqueName('web-tab');
    await client.ok('createContainer', { image: TEST_IMAGE, name, labId: LAB });
    const tab = await connected();
    const consoleId = TestClient.consoleId();
    await tab.ok('openConsole', { consoleId, container: name, mode: 'exec' });
    tab.type(consoleId, 'echo tab-$((2*2))\r');
    await tab.waitForOutput(consoleId, 'tab-4');
    expect(await consoleProcesses(name, consoleId)).not.toEqual([]);

    tab.ws.close();
    await waitUntil(
      async () => (await consoleProcesses(name, consoleId)).length === 0,
      'the tab console shell to end',
      3000,
      100,
    );
  });
});

// Browser mode against hostile clients: 25 attacks on the HTTP and WebSocket gates, each
// refused with the status a person can read, and --host ::1 / --host 0.0.0.0 reachable as
// documented (by [::1]:PORT; by each of the machine's addresses). Creates nothing on the engine.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Crosstalk } from '../engine/runtime';
import { newApp } from '../../../test/support';
import { startWebServer, type WebServer } from './server';

let app: Crosstalk;
let rendererDir: string;
let server: WebServer;
let self: string;
const other = 'http://127.0.0.1:1'; // another local port: another app on this machine

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'it-access-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>it</title>');
  app = newApp();
  await app.start();
  server = await startWebServer({ app, rendererDir });
  self = `127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  app?.stop();
  await rm(rendererDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

function http(
  path: string,
  headers: Record<string, string>,
  { method = 'GET', address = '127.0.0.1', port = server.port } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: address, port, path, method, headers, setHost: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the HTTP status the upgrade got (101 when it opened). */
function upgrade(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode!);
      res.resume();
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

const token = () => server.token;
const cookie = () => `crosstalk_token=${server.token}`;

const httpAttacks: [
  string,
  () => [string, Record<string, string>, { method?: string }?],
  number,
][] = [
  ['no token', () => ['/', { Host: self }], 403],
  ['a wrong token', () => ['/?token=wrong', { Host: self }], 403],
  ['an empty token', () => ['/?token=', { Host: self }], 403],
  ['the token with one character more', () => [`/?token=${token()}x`, { Host: self }], 403],
  ['a wrong cookie', () => ['/', { Host: self, Cookie: 'crosstalk_token=nope' }], 403],
  [
    'a rebinding Host name',
    () => [`/?token=${token()}`, { Host: `rebind.example:${server.port}` }],
    421,
  ],
  ['an evil Host', () => ['/', { Host: 'evil.example', Cookie: cookie() }], 421],
  ['no Host at all (HTTP/1.1 requires one)', () => [`/?token=${token()}`, {}], 400],
  ['another port in Host', () => [`/?token=${token()}`, { Host: '127.0.0.1:1' }], 421],
  ['a POST', () => [`/?token=${token()}`, { Host: self }, { method: 'POST' }], 405],
  ['path traversal', () => [`/../../etc/passwd?token=${token()}`, { Host: self }], 404],
  ['encoded traversal', () => [`/%2e%2e/%2e%2e/etc/passwd?token=${token()}`, { Host: self }], 404],
];

const wsAttacks: [string, () => [string, Record<string, string>], number][] = [
  ['a socket without token', () => ['/ws', { Host: self, Origin: `http://${self}` }], 403],
  [
    'a socket with a wrong token',
    () => ['/ws?token=x', { Host: self, Origin: `http://${self}` }],
    403,
  ],
  [
    'a cross-site socket (evil Origin, our cookie)',
    () => ['/ws', { Host: self, Origin: 'http://evil.example', Cookie: cookie() }],
    403,
  ],
  [
    'a socket from Origin null (sandboxed iframe)',
    () => ['/ws', { Host: self, Origin: 'null', Cookie: cookie() }],
    403,
  ],
  ['a socket with no Origin', () => ['/ws', { Host: self, Cookie: cookie() }], 403],
  [
    'a socket from another local port',
    () => ['/ws', { Host: self, Origin: other, Cookie: cookie() }],
    403,
  ],
  [
    'a socket from localhost on another port',
    () => ['/ws', { Host: self, Origin: 'http://localhost:1', Cookie: cookie() }],
    403,
  ],
  [
    'a rebinding socket (Host and Origin of the attacker)',
    () => [`/ws?token=${token()}`, { Host: 'rebind.example', Origin: 'http://rebind.example' }],
    403,
  ],
  [
    'a socket on another path',
    () => [`/other?token=${token()}`, { Host: self, Origin: `http://${self}` }],
    403,
  ],
  [
    'an evil Origin with the token in the URL',
    () => [`/ws?token=${token()}`, { Host: self, Origin: 'http://evil.example' }],
    403,
  ],
  [
    'an Origin that is not a URL',
    () => ['/ws', { Host: self, Origin: '%%%', Cookie: cookie() }],
    403,
  ],
];

describe('access control: 25 attacks', () => {
  it.each(httpAttacks)('HTTP with %s is refused', async (_what, attack, status) => {
    const [path, headers, opts] = attack();
    expect((await http(path, headers, opts)).status).toBe(status);
  });

  it.each(wsAttacks)('%s is refused', async (_what, attack, status) => {
    const [path, headers] = attack();
    expect(await upgrade(path, headers)).toBe(status);
  });

  it('cannot be framed by another page (another local port included)', async () => {
    const reply = await http(`/?token=${token()}`, { Host: self });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('keeps its cookie from scripts and other sites', async () => {
    const reply = await http(`/?token=${token()}`, { Host: self });
    expect(String(reply.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('lets its own page in, as a control', async () => {
    expect((await http('/', { Host: self, Cookie: cookie() })).status).toBe(200);
    expect(await upgrade('/ws', { Host: self, Origin: `http://${self}`, Cookie: cookie() })).toBe(
      101,
    );
  });
});

describe('listening addresses', () => {
  it('--host ::1 answers [::1]:PORT, as clients send it', async () => {
    const v6 = await startWebServer({ app, rendererDir, host: '::1' });
    try {
      expect(v6.url).toMatch(/^http:\/\/\[::1\]:\d+\/\?token=/);
      const reply = await http(
        `/?token=${v6.token}`,
        { Host: `[::1]:${v6.port}` },
        {
          address: '::1',
          port: v6.port,
        },
      );
      expect(reply.status).toBe(200);
    } finally {
      await v6.close();
    }
  });

  it('--host 0.0.0.0 answers by each of the machine’s IPv4 addresses, and no other name', async () => {
    const any = await startWebServer({ app, rendererDir, host: '0.0.0.0' });
    try {
      expect(any.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      const addresses = Object.values(networkInterfaces())
        .flat()
        .filter((i) => i?.family === 'IPv4')
        .map((i) => i!.address);
      expect(addresses.length).toBeGreaterThan(0);
      for (const address of addresses) {
        const reply = await http(
          `/?token=${any.token}`,
          { Host: `${address}:${any.port}` },
          {
            address,
            port: any.port,
          },
        );
        expect(reply.status, address).toBe(200);
      }
      const evil = await http(
        `/?token=${any.token}`,
        { Host: `evil.example:${any.port}` },
        {
          port: any.port,
        },
      );
      expect(evil.status).toBe(421);
    } finally {
      await any.close();
    }
  });
});

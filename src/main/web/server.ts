// Browser mode: serves the built renderer at once, and binds the contract over one WebSocket
// per tab (ws-clients.ts) as soon as the core is ready. The page's script loads while the
// engine's modules do; its WebSocket upgrade waits for them (start-up, BENCHMARKS.md).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientSource } from '../engine/switching-client';
import { allowedHostsFor, COOKIE, Gate, hostHeader, newToken } from './auth';
import { CONTENT_SECURITY_POLICY } from './csp';
import { readStatic } from './static-files';
import { startupMark } from './startup-marks';
import type { WebSocketClients } from './ws-clients';

export interface WebServerOptions {
  /**
   * The engine registry (each tab can switch engines) or one core for every tab, or its start
   * under way: the page is served meanwhile.
   */
  app: ClientSource | Promise<ClientSource>;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  clients(): number;
  /** Stops serving; every console is closed first (shells hung up), for at most 2 s. */
  close(): Promise<void>;
}

/** How long closing the server waits for its consoles' shells to hang up. */
export const CLOSE_CONSOLES_MS = 2000;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
/** For a build's hashed assets, in this browser only (private): their content never changes. */
const KEEP_FOREVER = 'private, max-age=31536000, immutable';

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  let gate: Gate | null = null;
  /** Set once close() began: a tab's reconnect must not open consoles that nobody closes. */
  let closing = false;

  const http = createServer(serve);
  // Loaded after the core (it needs the same modules); an upgrade that comes first waits.
  let ready: WebSocketClients | null = null;
  const clients = Promise.resolve(options.app).then(async (app) => {
    ready = (await import('./ws-clients')).webSocketClients(app);
    return ready;
  });
  clients.catch(() => undefined); // whoever started the core reports its failure

  function serve(req: IncomingMessage, res: ServerResponse) {
    if (!gate!.hostAllowed(req)) return deny(res, 421, 'Unknown host.');
    if (!gate!.tokenValid(req))
      return deny(
        res,
        403,
        'Open the URL that `npm run web` printed (it carries the access token).',
      );
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed.');
    const file = readStatic(options.rendererDir, new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) return deny(res, 404, 'Not found.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      // A hashed asset is kept by the browser (a reload compiles from its code cache); the page
      // itself is never stored, and it sets the cookie.
      ...(file.immutable
        ? { 'Cache-Control': KEEP_FOREVER }
        : { 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` }),
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    startupMark(`served ${req.url?.replace(/\?.*/, '')}`);
  }

  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (
      url.pathname !== '/ws' ||
      !gate!.hostAllowed(req) ||
      !gate!.originAllowed(req) ||
      !gate!.tokenValid(req)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    // A tab closed while the core loads must not raise an unhandled socket error.
    socket.on('error', () => socket.destroy());
    const unavailable = () =>
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
    if (closing) return unavailable();
    clients.then((c) => (closing ? unavailable() : c.upgrade(req, socket, head)), unavailable);
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  gate = new Gate(token, allowedHostsFor(host, port));
  // A wildcard is no address to open: the URL names loopback (the others are allowed too).
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return {
    url: `http://${hostHeader(shown, port)}/?token=${token}`,
    port,
    token,
    clients: () => ready?.count() ?? 0,
    close: async () => {
      // No new page or socket first, then every console, then whatever connection is left.
      closing = true;
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      await ready?.closeAll(CLOSE_CONSOLES_MS);
      http.closeAllConnections();
      await stopped;
    },
  };
}

function deny(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

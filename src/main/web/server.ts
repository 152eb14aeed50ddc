// Browser mode: serves the built renderer and binds the contract over one
// WebSocket per tab. Text frames carry calls, results and events as JSON;
// binary frames carry console streams (see shared/console-protocol).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { decodeFrame, encodeFrame } from '../../shared/console-protocol';
import { connectAnyClient, type ClientSource } from '../engine/switching-client';
import { allowedHostsFor, COOKIE, Gate, hostHeader, newToken } from './auth';
import { CONTENT_SECURITY_POLICY } from './csp';
import { readStatic } from './static-files';
import { parseTextFrame } from './ws-message';

export interface WebServerOptions {
  /** The engine registry (each tab can switch engines), or one core for every tab. */
  app: ClientSource;
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
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const { app } = options;
  let gate: Gate | null = null;

  const http = createServer((req, res) => void serve(req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 << 20 });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    if (!gate!.hostAllowed(req)) return deny(res, 421, 'Unknown host.');
    if (!gate!.tokenValid(req))
      return deny(
        res,
        403,
        'Open the URL that `npm run web` printed (it carries the access token).',
      );
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed.');
    const file = await readStatic(
      options.rendererDir,
      new URL(req.url ?? '/', 'http://x').pathname,
    );
    if (!file) return deny(res, 404, 'Not found.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
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
    wss.handleUpgrade(req, socket, head, (ws) => bindClient(ws));
  });

  function bindClient(ws: WebSocket) {
    const client = connectAnyClient(app, {
      sendEvent: (name, payload) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'event', name, payload }));
      },
      consoleSink: (consoleId) => (msg) => {
        if (ws.readyState === ws.OPEN) ws.send(encodeFrame(consoleId, msg));
      },
    });

    ws.on('message', (raw: RawData, isBinary: boolean) => {
      if (isBinary) {
        const frame = decodeFrame(toBytes(raw));
        if (!frame || frame.msg.op === 'output' || frame.msg.op === 'inputAck') {
          ws.close(1008, 'Malformed console frame.');
          return;
        }
        client.deliver(frame.consoleId, frame.msg);
        return;
      }
      const frame = parseTextFrame(raw.toString());
      if (frame.kind === 'refuse') {
        ws.close(frame.code, frame.reason);
        return;
      }
      void client.call(frame.name, frame.args).then((outcome) => {
        if (ws.readyState === ws.OPEN)
          ws.send(JSON.stringify({ t: 'result', id: frame.id, ...outcome }));
      });
    });
    // An oversize or invalid UTF-8 frame: ws has already closed the socket with 1009 or
    // 1007; the error is that client's, not the server's.
    ws.on('error', () => undefined);
    ws.on('close', () => client.dispose());
  }

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
    clients: () => wss.clients.size,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function deny(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

function toBytes(raw: RawData): Uint8Array {
  if (Array.isArray(raw)) return Buffer.concat(raw);
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  return raw;
}

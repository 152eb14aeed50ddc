// Browser mode answers only the person who started it: a random token per run
// (in the printed URL, then kept in an HttpOnly cookie), a Host header naming
// this server (no DNS rebinding), and for the WebSocket, our own Origin.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'crosstalk_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function tokenFrom(req: IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://x');
  const q = url.searchParams.get('token');
  if (q) return q;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return null;
}

export class Gate {
  constructor(
    readonly token: string,
    private readonly allowedHosts: Set<string>,
  ) {}

  hostAllowed(req: IncomingMessage): boolean {
    return this.allowedHosts.has((req.headers.host ?? '').toLowerCase());
  }

  tokenValid(req: IncomingMessage): boolean {
    const t = tokenFrom(req);
    return t !== null && same(t, this.token);
  }

  /** The WebSocket must come from a page this server served. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (!origin) return false;
    try {
      return this.allowedHosts.has(new URL(origin).host.toLowerCase());
    } catch {
      return false;
    }
  }
}

export function allowedHostsFor(host: string, port: number): Set<string> {
  const names = new Set([`${host}:${port}`]);
  if (host === '127.0.0.1') names.add(`localhost:${port}`);
  return names;
}

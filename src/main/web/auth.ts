// Browser mode answers only the person who started it: a random token (kept across restarts,
// see kept-access.ts; in the printed URL, then in an HttpOnly cookie), a Host header naming
// this server (no DNS rebinding), and for the WebSocket, our own Origin.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

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

/** How a client names `address:port` in its Host header (IPv6 in brackets). */
export function hostHeader(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

/** Every address of this machine, as `os.networkInterfaces()` lists them. */
export function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined)
    .map((i) => i.address);
}

/**
 * The Host headers this server answers: the address it listens on (and `localhost` for
 * loopback); listening on a wildcard (0.0.0.0, ::), every address of this machine.
 * Never a name a stranger controls, which is what DNS rebinding needs.
 */
export function allowedHostsFor(
  host: string,
  port: number,
  addresses: string[] = machineAddresses(),
): Set<string> {
  const wildcard = host === '0.0.0.0' || host === '::';
  const listened = wildcard ? addresses.filter((a) => host === '::' || isIP(a) === 4) : [host];
  const names = new Set(listened.map((a) => hostHeader(a, port).toLowerCase()));
  if (wildcard) names.add(hostHeader(host, port));
  if (['127.0.0.1', '::1', 'localhost'].includes(host) || wildcard) names.add(`localhost:${port}`);
  return names;
}

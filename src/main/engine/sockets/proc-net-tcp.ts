// The kernel's table of TCP sockets (/proc/net/tcp and tcp6) as data.
import type { ContainerSockets } from '../../../shared/topology';
import { isLoopbackIp } from '../../../shared/topology';
import { decodeHexIp } from './hex-address';

/** Index = the kernel's state code (include/net/tcp_states.h). */
const tcpStates = [
  null,
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
] as const;
export type TcpState = NonNullable<(typeof tcpStates)[number]>;

export interface TcpSocket {
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
  state: TcpState;
  inode: number;
}

export interface ListeningSocket {
  ip: string;
  port: number;
  family: 4 | 6;
  /** Bound to 127.0.0.0/8 or ::1: nothing outside the container can connect. */
  loopbackOnly: boolean;
}

function decodeEndpoint(text: string | undefined, family: 4 | 6) {
  const [hexIp = '', hexPort = ''] = (text ?? '').split(':');
  const ip = decodeHexIp(hexIp, family);
  const port = parseInt(hexPort, 16);
  return ip === null || !(port >= 0 && port <= 0xffff) ? null : { ip, port };
}

/** Parses one /proc/net/tcp (family 4) or /proc/net/tcp6 (family 6) table; skips lines it cannot read. */
export function parseProcNetTcp(text: string, family: 4 | 6): TcpSocket[] {
  return text.split('\n').flatMap((line): TcpSocket[] => {
    // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ..."
    const fields = line.trim().split(/\s+/);
    const local = decodeEndpoint(fields[1], family);
    const remote = decodeEndpoint(fields[2], family);
    const state = tcpStates[parseInt(fields[3] ?? '', 16)];
    const inode = Number(fields[9]);
    if (!local || !remote || !state || !Number.isInteger(inode)) return [];
    const { ip: localIp, port: localPort } = local;
    const { ip: remoteIp, port: remotePort } = remote;
    return [{ localIp, localPort, remoteIp, remotePort, state, inode }];
  });
}

/**
 * Splits `cat /proc/net/tcp /proc/net/tcp6` back into its two tables by their header lines;
 * tcp6's header says "remote_address" where tcp's says "rem_address". A table whose header
 * never came is null; a header alone is an empty table (a namespace with no TCP sockets).
 */
export function splitProcNetTcp(text: string): { tcp: string | null; tcp6: string | null } {
  const tables: { tcp: string | null; tcp6: string | null } = { tcp: null, tcp6: null };
  let current: keyof typeof tables | null = null;
  for (const line of text.split('\n')) {
    if (/^\s*sl\s/.test(line)) {
      current = /\bremote_address\b/.test(line) ? 'tcp6' : 'tcp';
      tables[current] = '';
    } else if (current) tables[current] += `${line}\n`;
  }
  return tables;
}

/** One entry per address and port (SO_REUSEPORT servers own several sockets), by port. */
export function listeningSockets(sockets: TcpSocket[]): ListeningSocket[] {
  const unique = new Map<string, ListeningSocket>();
  for (const s of sockets) {
    if (s.state !== 'LISTEN') continue;
    const family = s.localIp.includes(':') ? 6 : 4;
    const entry = {
      ip: s.localIp,
      port: s.localPort,
      family,
      loopbackOnly: isLoopbackIp(s.localIp),
    } as const;
    unique.set(`${s.localIp}|${s.localPort}`, entry);
  }
  return [...unique.values()].sort(
    // Keys are unique, so two entries never compare equal.
    (a, b) => a.port - b.port || a.family - b.family || (a.ip < b.ip ? -1 : 1),
  );
}

export function establishedConnections(sockets: TcpSocket[]): TcpSocket[] {
  return sockets.filter((s) => s.state === 'ESTABLISHED');
}

/** What the topology needs to know about one container's sockets. */
export function summarizeSockets(sockets: TcpSocket[]): ContainerSockets {
  return { listening: listeningSockets(sockets), connections: establishedConnections(sockets) };
}

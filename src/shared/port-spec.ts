// Docker's `-p` syntax, as people type it: [hostIp:]hostPort:containerPort[/proto],
// or a bare port for the same number on both sides.
import { ipVersion } from './ip-address';
import type { PortBindingInput } from './schemas';

export class PortSpecError extends Error {}

function port(text: string, spec: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 65535) {
    throw new PortSpecError(`"${spec}": ports are numbers from 1 to 65535.`);
  }
  return n;
}

export function parsePortSpec(spec: string): PortBindingInput {
  const trimmed = spec.trim();
  const [main = '', proto = 'tcp', extra] = trimmed.split('/');
  if (extra !== undefined || !['tcp', 'udp', 'sctp'].includes(proto)) {
    throw new PortSpecError(`"${trimmed}": the protocol is tcp, udp or sctp.`);
  }
  const protocol = proto as 'tcp' | 'udp' | 'sctp';
  // IPv6 host addresses come in brackets: [::1]:8080:80
  const v6 = /^\[([^\]]*)\]:(\d+):(\d+)$/.exec(main);
  if (v6) {
    if (ipVersion(v6[1]!) !== 6) {
      throw new PortSpecError(`"${trimmed}": "${v6[1]}" is not an IPv6 address.`);
    }
    return {
      hostIp: v6[1]!,
      hostPort: port(v6[2]!, trimmed),
      containerPort: port(v6[3]!, trimmed),
      protocol,
    };
  }
  const parts = main.split(':');
  if (parts.length === 1) {
    const p = port(parts[0]!, trimmed);
    return { hostIp: '', hostPort: p, containerPort: p, protocol };
  }
  if (parts.length === 2) {
    return {
      hostIp: '',
      hostPort: port(parts[0]!, trimmed),
      containerPort: port(parts[1]!, trimmed),
      protocol,
    };
  }
  if (parts.length === 3) {
    const ip = parts[0]!;
    if (ipVersion(ip) !== 4) {
      throw new PortSpecError(
        `"${trimmed}": "${ip}" is not an IPv4 address (use [addr] for IPv6).`,
      );
    }
    return {
      hostIp: ip,
      hostPort: port(parts[1]!, trimmed),
      containerPort: port(parts[2]!, trimmed),
      protocol,
    };
  }
  throw new PortSpecError(
    `"${trimmed}": write [hostIp:]hostPort:containerPort[/tcp], e.g. 127.0.0.1:1234:1234.`,
  );
}

/** A comma- or space-separated list of specs. */
export function parsePortSpecs(text: string): PortBindingInput[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(parsePortSpec);
}

export { formatPort } from './port-format';

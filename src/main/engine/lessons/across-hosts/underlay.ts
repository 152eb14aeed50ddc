// The underlay: the addresses two engines' hosts reach each other on, which swarm advertises
// and VXLAN carries the overlay over. Found from facts: each host's interfaces as a container
// on its host network sees them, and the pair of addresses that share a subnet.
import type Dockerode from 'dockerode';
import { AppError } from '../../../../shared/errors';
import { ownershipLabels } from '../../labels';
import { runIn } from '../probes';

export interface HostAddress {
  device: string;
  ip: string;
  prefix: number;
}

// The engine's own bridges and container ends, and loopback: never how hosts reach each other.
const notUnderlay = /^(lo|docker\d*|docker_gwbridge|br-.*|veth.*|podman\d*|cni.*|vxlan.*)$/;

/** Parses `ip -o -4 addr show` (iproute2 or busybox): "2: eth0    inet 10.0.0.1/24 …". */
export function parseIpAddr(text: string): HostAddress[] {
  return text.split('\n').flatMap((line): HostAddress[] => {
    const m = /^\d+:\s+(\S+?)(?:@\S+)?\s+inet\s+(\d+\.\d+\.\d+\.\d+)\/(\d+)/.exec(line.trim());
    if (!m || notUnderlay.test(m[1]!)) return [];
    return [{ device: m[1]!, ip: m[2]!, prefix: Number(m[3]) }];
  });
}

const toNumber = (ip: string): number =>
  ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

function sameSubnet(a: HostAddress, b: HostAddress): boolean {
  const prefix = Math.min(a.prefix, b.prefix);
  const mask = prefix === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefix);
  const net = (ip: string) => Math.floor(toNumber(ip) / 2 ** (32 - prefix)) * 2 ** (32 - prefix);
  return mask === 0 || net(a.ip) === net(b.ip);
}

/** The first pair of addresses, one per host, on one subnet: the link between the hosts. */
export function underlayPair(
  a: HostAddress[],
  b: HostAddress[],
): { a: HostAddress; b: HostAddress } | null {
  for (const x of a) {
    const y = b.find((candidate) => candidate.ip !== x.ip && sameSubnet(x, candidate));
    if (y) return { a: x, b: y };
  }
  return null;
}

/** The host's interfaces, from a short-lived container on the host's network. */
export async function hostAddressesOf(
  docker: Dockerode,
  image: string,
  labId: string,
): Promise<HostAddress[]> {
  const container = await docker.createContainer({
    Image: image,
    Cmd: ['sleep', '30'],
    Labels: ownershipLabels(labId),
    HostConfig: { NetworkMode: 'host', AutoRemove: false },
  });
  try {
    await container.start();
    const out = await runIn(docker, container.id, ['ip', '-o', '-4', 'addr', 'show']);
    if (out.exitCode !== 0) {
      throw new AppError(
        'engine-error',
        `Could not list the host's addresses: ${out.stderr.trim() || `ip exited with ${out.exitCode}`}.`,
        'The lesson image needs the `ip` command (busybox has it).',
      );
    }
    return parseIpAddr(out.stdout);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

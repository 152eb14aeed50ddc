// What a client in a container dials to reach a port published on the host, for each network at
// hand, from the engine's facts: a bridge network's gateway is the host's address on that
// network's own bridge (docker0 only for the default one), and a port published on loopback
// cannot be reached that way at all.
import type { ContainerView, NetworkView, PortBinding } from './model';

export interface DialRoute {
  network: string;
  gateway: string;
  container: string;
  port: PortBinding;
  /** host:port the client dials, or null when no container can reach the port. */
  dials: string | null;
  says: string;
}

const everywhere = new Set(['', '0.0.0.0', '::']);
const loopback = (ip: string) => ip.startsWith('127.') || ip === '::1';

/** A network's bridge on the host, in words. */
const bridgeOf = (n: NetworkView) => `${n.name}’s bridge${n.bridge ? ` ${n.bridge}` : ''}`;

export function dialRoutes(
  containers: readonly ContainerView[],
  networks: readonly NetworkView[],
): DialRoute[] {
  const atHand = networks.filter(
    (n) => n.driver === 'bridge' && n.gateway && !n.internal && n.containers.length > 0,
  );
  const published = containers
    .filter((c) => c.state === 'running')
    .flatMap((c) => c.ports.filter((p) => p.protocol === 'tcp').map((port) => ({ c, port })));
  return atHand.flatMap((n) =>
    published.map(({ c, port }) => {
      const target = `${c.name}:${port.containerPort}`;
      const base = { network: n.name, gateway: n.gateway, container: c.name, port };
      if (everywhere.has(port.hostIp))
        return {
          ...base,
          dials: `${n.gateway}:${port.hostPort}`,
          says: `the client dials ${n.gateway}:${port.hostPort}: ${n.gateway} is the host’s address on ${bridgeOf(n)}, and the engine forwards port ${port.hostPort} to ${target}`,
        };
      if (loopback(port.hostIp))
        return {
          ...base,
          dials: null,
          says: `published on ${port.hostIp} only: a client on ${n.name} cannot dial ${n.gateway}:${port.hostPort}; only the host itself reaches ${target}, at ${port.hostIp}:${port.hostPort}`,
        };
      return {
        ...base,
        dials: `${port.hostIp}:${port.hostPort}`,
        says: `published on ${port.hostIp} only: the client dials ${port.hostIp}:${port.hostPort}, not ${n.gateway}, and the engine forwards it to ${target}`,
      };
    }),
  );
}

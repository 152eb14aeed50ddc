// What to probe, derived only from the engine's own picture: for each ordered pair of shown
// containers, B's ports, dialled from A by B's name (where Docker's DNS or a link defines
// it), by B's IP on each network, and through the host's published port at A's gateway.
// Nothing else is ever dialled: every address here belongs to one of the engine's
// containers or is a gateway's published port.
import type { ContainerView, NetworkView } from '../../../shared/model';
import type { ProbeRoute } from '../../../shared/live-picture';
import type { ListeningPort } from '../../../shared/topology';

export interface ProbeTask {
  fromId: string;
  toId: string;
  route: ProbeRoute;
  /** What A dials: a name, an IP. */
  host: string;
  dialPort: number;
  /** B's port this ends at. */
  port: number;
  via: string;
}

export interface PairPlan {
  fromId: string;
  toId: string;
  /** B's TCP ports; empty when B listens on nothing and publishes nothing. */
  ports: number[];
  tasks: ProbeTask[];
  /** Why there is nothing to dial, when there is not. */
  note: string;
}

/** Docker's embedded DNS listens on 127.0.0.11 inside every container of a user network. */
const DOCKER_DNS = '127.0.0.11';
/** Only plain names and IPs ever reach a probe command line. */
const SAFE_HOST = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

const bare = (name: string): string => name.replace(/^\//, '');

/** B's TCP ports: what it listens on (from its sockets) and what it publishes. */
export function portsOf(
  c: ContainerView,
  listening: readonly ListeningPort[] | undefined,
): number[] {
  const ports = new Set<number>();
  for (const l of listening ?? []) if (l.ip !== DOCKER_DNS) ports.add(l.port);
  for (const p of c.ports) if (p.protocol === 'tcp') ports.add(p.containerPort);
  return [...ports].sort((a, b) => a - b);
}

/** Names A can use for B: B's name on a shared user-defined network, and A's link aliases. */
function namesFor(a: ContainerView, b: ContainerView, shared: string[], userDefined: Set<string>) {
  const names = new Map<string, string[]>();
  const add = (name: string, via: string) => names.set(name, [...(names.get(name) ?? []), via]);
  for (const net of shared) if (userDefined.has(net)) add(b.name, net);
  for (const link of a.links) if (bare(link.target) === b.name) add(link.alias, 'link');
  return names;
}

/** A's gateway: the host as A sees it, on A's first network that has one. */
function gatewayOf(a: ContainerView): string {
  return a.networks.find((n) => n.gateway !== '' && !n.gateway.includes(':'))?.gateway ?? '';
}

function planPair(
  a: ContainerView,
  b: ContainerView,
  ports: number[],
  userDefined: Set<string>,
): PairPlan {
  const plan: PairPlan = { fromId: a.id, toId: b.id, ports, tasks: [], note: '' };
  if (!ports.length) {
    plan.note = `${b.name} listens on no TCP port.`;
    return plan;
  }
  const onA = new Set(a.networks.map((n) => n.networkId));
  const bNets = b.networks.filter((n) => n.ip !== '');
  const shared = bNets.filter((n) => onA.has(n.networkId));
  // No shared network: B's first address anyway, to show that networks isolate.
  const dialled = shared.length ? shared : bNets.slice(0, 1);
  const names = namesFor(
    a,
    b,
    shared.map((n) => n.network),
    userDefined,
  );
  const gateway = gatewayOf(a);
  const task = (route: ProbeRoute, host: string, port: number, via: string, dialPort = port) =>
    SAFE_HOST.test(host) &&
    plan.tasks.push({ fromId: a.id, toId: b.id, route, host, dialPort, port, via });
  for (const port of ports) {
    for (const [name, via] of names) task('name', name, port, via.join(', '));
    for (const n of dialled) {
      task('ip', n.ip, port, shared.length ? n.network : `${n.network} (${a.name} is not on it)`);
    }
    const published = new Map(
      b.ports
        .filter((p) => p.protocol === 'tcp' && p.containerPort === port && p.hostPort > 0)
        .map((p) => [p.hostPort, p]),
    );
    for (const [hostPort, p] of published) {
      if (gateway) task('host', gateway, port, `${p.hostIp || '0.0.0.0'}:${hostPort}`, hostPort);
    }
  }
  if (!plan.tasks.length) plan.note = `${a.name} has no network to dial ${b.name} on.`;
  return plan;
}

/** Every ordered pair of the given running containers, in the given order. */
export function planProbes(
  containers: readonly ContainerView[],
  networks: readonly NetworkView[],
  listening: Readonly<Record<string, readonly ListeningPort[]>>,
): PairPlan[] {
  const userDefined = new Set(networks.filter((n) => !n.builtin).map((n) => n.name));
  return containers.flatMap((a) =>
    containers
      .filter((b) => b.id !== a.id)
      .map((b) => planPair(a, b, portsOf(b, listening[b.id]), userDefined)),
  );
}

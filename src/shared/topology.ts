// The picture of the network: who sits on which network, who links to whom, what the host
// publishes, and which TCP connections are live. Pure, so both the engine and the renderer can use it.
import type { ContainerView, NetworkView, PortBinding, Snapshot } from './model';

export type ContainerNodeId = `ctr:${string}`;
export type NetworkNodeId = `net:${string}`;

export interface ListeningPort {
  ip: string;
  port: number;
  loopbackOnly: boolean;
}

export interface TcpConnection {
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
}

/** What one container's TCP sockets show: the ports it listens on and its open connections. */
export interface ContainerSockets {
  listening: ListeningPort[];
  connections: TcpConnection[];
}

export interface TopologyInput {
  snapshot: Snapshot;
  /** Keyed by container id; containers whose sockets are unknown are simply missing. */
  sockets: Record<string, ContainerSockets>;
}

/** 'host' with one engine; `host:<engine>` for each of several (see scene-topology.ts). */
export type HostNodeId = 'host' | `host:${string}`;

export type TopoNode =
  | { kind: 'host'; id: HostNodeId; label: string; engine?: string }
  | {
      kind: 'network';
      id: NetworkNodeId;
      name: string;
      subnet: string;
      gateway: string;
      driver: string;
      /** With several engines: the engines it is on (an overlay spans several). */
      engines?: string[];
    }
  | {
      kind: 'container';
      id: ContainerNodeId;
      /** With several engines: the engine it runs on. */
      engine?: string;
      containerId: string;
      name: string;
      state: string;
      image: string;
      ips: { network: string; ip: string }[];
      listening: ListeningPort[];
    };

export type TopoEdge =
  /** A container on a network, with its IP there. */
  | { kind: 'attachment'; id: string; source: ContainerNodeId; target: NetworkNodeId; ip: string }
  /** A `--link`, one way, client → server: legacy (network null) or on a user-defined network. */
  | {
      kind: 'link';
      id: string;
      source: ContainerNodeId;
      target: ContainerNodeId;
      alias: string;
      network: string | null;
    }
  /** A published port, e.g. "127.0.0.1:1234 → 1234/tcp". */
  | {
      kind: 'published';
      id: string;
      source: HostNodeId;
      target: ContainerNodeId;
      label: string;
      loopbackOnly: boolean;
    }
  /** A live TCP connection client → server; `port` is the server's port. */
  | {
      kind: 'connection';
      id: string;
      source: ContainerNodeId;
      target: ContainerNodeId;
      label: string;
      port: number;
    };

export interface Topology {
  nodes: TopoNode[];
  edges: TopoEdge[];
}

const mappedPrefix = '::ffff:';

/** An IPv4-mapped IPv6 address (a dual-stack socket's view of IPv4) as plain IPv4. */
export function unmapIpv4(ip: string): string {
  const rest = ip.toLowerCase().startsWith(mappedPrefix) ? ip.slice(mappedPrefix.length) : '';
  return rest.includes('.') ? rest : ip;
}

/** 127.0.0.0/8 and ::1: reachable only from inside the same network namespace. */
export function isLoopbackIp(ip: string): boolean {
  const plain = unmapIpv4(ip);
  return plain.startsWith('127.') || plain === '::1';
}

/** Listening or publishing on every address of the machine. */
function isWildcardIp(ip: string): boolean {
  return ip === '' || ip === '0.0.0.0' || ip === '::';
}

// Names, not engine ids: a lab reset recreates containers and networks under the same names,
// and the diagram keeps its layout.
const ctrId = (c: ContainerView): ContainerNodeId => `ctr:${c.name}`;
const netId = (name: string): NetworkNodeId => `net:${name}`;
const bareName = (name: string): string => name.replace(/^\//, '');

const kindOrder = ['host', 'network', 'container', 'attachment', 'link', 'published', 'connection'];
// Code-point order, not localeCompare: the same on every machine.
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export function byKindThenId(
  a: { kind: string; id: string },
  b: { kind: string; id: string },
): number {
  return kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || compare(a.id, b.id);
}

export function buildTopology(input: TopologyInput): Topology {
  const { snapshot, sockets } = input;
  const { containers } = snapshot;
  const nodes: TopoNode[] = [
    { kind: 'host', id: 'host', label: snapshot.engine.info?.name || 'Docker host' },
    ...networkNodes(snapshot),
    ...containers.map((c) => containerNode(c, sockets[c.id])),
  ];
  const edges: TopoEdge[] = [
    ...containers.flatMap(attachmentEdges),
    ...linkEdges(containers),
    ...containers.flatMap(publishedEdges),
    ...connectionEdges(snapshot, sockets),
  ];
  return { nodes: nodes.sort(byKindThenId), edges: edges.sort(byKindThenId) };
}

/** Networks in use, plus user-defined ones even when empty (bridge, host and none only in use). */
function networkNodes(snapshot: Snapshot): TopoNode[] {
  const used = new Set(snapshot.containers.flatMap((c) => c.networks.map((n) => n.network)));
  const shown = snapshot.networks.filter((n) => used.has(n.name) || !n.builtin);
  const known = new Set(shown.map((n) => n.name));
  // An attachment to a network the snapshot does not list yet (a race) still gets its node.
  const unlisted = [...used].filter((name) => !known.has(name)).map(unlistedNetwork(snapshot));
  return [...shown, ...unlisted].map((n) => ({
    kind: 'network',
    id: netId(n.name),
    name: n.name,
    subnet: n.subnet,
    gateway: n.gateway,
    driver: n.driver,
  }));
}

function unlistedNetwork(snapshot: Snapshot) {
  return (name: string): Pick<NetworkView, 'name' | 'subnet' | 'gateway' | 'driver'> => {
    const seen = snapshot.containers.flatMap((c) => c.networks).find((n) => n.network === name);
    return { name, subnet: '', gateway: seen?.gateway ?? '', driver: '' };
  };
}

function containerNode(c: ContainerView, sockets: ContainerSockets | undefined): TopoNode {
  const listening = new Map((sockets?.listening ?? []).map((l) => [`${l.ip}|${l.port}`, l]));
  return {
    kind: 'container',
    id: ctrId(c),
    containerId: c.id,
    name: c.name,
    state: c.state,
    image: c.image,
    ips: c.networks
      .filter((n) => n.ip !== '')
      .map((n) => ({ network: n.network, ip: n.ip }))
      .sort((a, b) => compare(a.network, b.network)),
    listening: [...listening.values()].sort((a, b) => a.port - b.port || compare(a.ip, b.ip)),
  };
}

function attachmentEdges(c: ContainerView): TopoEdge[] {
  return c.networks.map((n) => ({
    kind: 'attachment',
    id: `att:${c.name}@${n.network}`,
    source: ctrId(c),
    target: netId(n.network),
    ip: n.ip,
  }));
}

/** Links whose target no longer exists are left out: there is nothing to point at. */
function linkEdges(containers: ContainerView[]): TopoEdge[] {
  const byName = new Map(containers.map((c) => [bareName(c.name), c]));
  return containers.flatMap((c) =>
    c.links.flatMap((link): TopoEdge[] => {
      const target = byName.get(bareName(link.target));
      if (!target) return [];
      const on = link.network ? `@${link.network}` : '';
      const id = `link:${c.name}->${target.name}:${link.alias}${on}`;
      const { alias, network } = link;
      return [{ kind: 'link', id, source: ctrId(c), target: ctrId(target), alias, network }];
    }),
  );
}

function hostAddress(ip: string, port: number): string {
  const host = ip === '' ? '0.0.0.0' : ip;
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function publishedEdges(c: ContainerView): TopoEdge[] {
  return c.ports
    .filter((p) => p.hostPort > 0)
    .map((p) => {
      const from = hostAddress(p.hostIp, p.hostPort);
      const to = `${p.containerPort}/${p.protocol}`;
      return {
        kind: 'published',
        id: `pub:${from}->${c.name}:${to}`,
        source: 'host',
        target: ctrId(c),
        label: `${from} → ${to}`,
        loopbackOnly: isLoopbackIp(p.hostIp),
      };
    });
}

/**
 * Does a server with these sockets serve a client's connection to `ip`? It listens on that
 * address and port, or, a one-shot server (`nc -l`) that stopped listening once it accepted,
 * holds the other end and its port is the lower one (the client's is ephemeral).
 */
export function serves(
  server: ContainerSockets | undefined,
  ip: string,
  conn: TcpConnection,
): boolean {
  const listens = (server?.listening ?? []).some(
    (l) =>
      l.port === conn.remotePort &&
      !l.loopbackOnly &&
      (isWildcardIp(l.ip) || unmapIpv4(l.ip) === ip),
  );
  const acceptedOnce =
    conn.remotePort < conn.localPort &&
    (server?.connections ?? []).some(
      (s) =>
        s.localPort === conn.remotePort &&
        s.remotePort === conn.localPort &&
        unmapIpv4(s.remoteIp) === unmapIpv4(conn.localIp),
    );
  return listens || acceptedOnce;
}

/** The container's TCP binding that publishes `hostPort` on the host address `ip`, if any. */
export function publishedBinding(
  c: ContainerView,
  ip: string,
  hostPort: number,
): PortBinding | undefined {
  return c.ports.find(
    (b) =>
      b.protocol === 'tcp' &&
      b.hostPort === hostPort &&
      (isWildcardIp(b.hostIp) || unmapIpv4(b.hostIp) === ip),
  );
}

/**
 * Live connections, seen from the client: its remote end is another container's IP and a port
 * that container listens on (or listened on, see acceptedOnce), or a network gateway and a port
 * the host publishes. The server's view of the same connection never matches (the client's
 * ephemeral port is neither listening nor lower), so each connection appears once.
 */
function connectionEdges(
  snapshot: Snapshot,
  sockets: Record<string, ContainerSockets>,
): TopoEdge[] {
  const { containers } = snapshot;
  const byIp = new Map(
    containers.flatMap((c) => c.networks.filter((n) => n.ip !== '').map((n) => [n.ip, c] as const)),
  );
  const gateways = new Set(
    [
      ...snapshot.networks.map((n) => n.gateway),
      ...containers.flatMap((c) => c.networks.map((n) => n.gateway)),
    ].filter((g) => g !== ''),
  );
  const publisherOf = (ip: string, hostPort: number): [ContainerView, PortBinding] | undefined => {
    for (const c of containers) {
      const p = publishedBinding(c, ip, hostPort);
      if (p) return [c, p];
    }
    return undefined;
  };

  const edges = new Map<string, TopoEdge>();
  for (const client of containers) {
    for (const conn of sockets[client.id]?.connections ?? []) {
      const remote = unmapIpv4(conn.remoteIp);
      const server = byIp.get(remote);
      const served = server && serves(sockets[server.id], remote, conn);
      if (server && server !== client && served) {
        const id = `conn:${client.name}:${conn.localPort}->${server.name}:${conn.remotePort}`;
        const label = `:${conn.localPort} → ${conn.remotePort}`;
        edges.set(id, connection(id, client, server, label, conn.remotePort));
        continue;
      }
      const published = gateways.has(remote) ? publisherOf(remote, conn.remotePort) : undefined;
      if (published && published[0] !== client) {
        const [target, binding] = published;
        const id = `conn:${client.name}:${conn.localPort}->host:${conn.remotePort}->${target.name}`;
        const label = `via host :${conn.remotePort}`;
        edges.set(id, connection(id, client, target, label, binding.containerPort));
      }
    }
  }
  return [...edges.values()];
}

function connection(
  id: string,
  client: ContainerView,
  server: ContainerView,
  label: string,
  port: number,
): TopoEdge {
  return { kind: 'connection', id, source: ctrId(client), target: ctrId(server), label, port };
}

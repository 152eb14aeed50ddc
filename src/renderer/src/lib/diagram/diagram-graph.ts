// The diagram's content, before any placement: the topology's nodes with what each shows,
// and its edges with what each means, plus reachability results as edges of their own.
// Pure: the same inputs give the same graph, and node ids stay the topology's stable ids.
import type { ReachabilityMatrix } from '../../../../shared/live-picture';
import type { Topology, TopoNode } from '../../../../shared/topology';
import { CONTAINER_WIDTH } from './diagram-layout';

export type ReachState = 'reachable' | 'unreachable';

type TopoOf<K extends TopoNode['kind']> = Omit<Extract<TopoNode, { kind: K }>, 'id'>;

export type HostData = {
  kind: 'host';
  name: string;
  endpoint: string;
  /** With several engines: whose host this is (its colour), and where other hosts reach it. */
  engine?: string;
  addresses?: string[];
};
export type NetworkData = TopoOf<'network'>;
/** A port the host publishes to this container, e.g. "127.0.0.1:1234 → 1234/tcp". */
export interface Published {
  label: string;
  loopbackOnly: boolean;
}
export type ContainerData = TopoOf<'container'> & {
  /** Why this container's sockets are unknown, when they are. */
  socketsNote: string | null;
  /** Shown in the node itself: lines from the host would cross the rows of containers. */
  published: Published[];
  /** Labels of its lines to containers in other rows (see besideNotes). */
  notes?: string[];
};
export type NodeData = HostData | NetworkData | ContainerData;

export interface GraphNode {
  id: string;
  data: NodeData;
  name: string;
  width: number;
  height: number;
  /** What a screen reader (and a test) calls it, e.g. "Container server". */
  label: string;
}

export type EdgeKind = 'gateway' | 'attachment' | 'link' | 'connection' | 'reach';

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label: string;
  ariaLabel: string;
  reach: ReachState | null;
}

export interface GraphInput {
  topology: Topology;
  endpoint: string;
  /** With several engines: each host's endpoint and underlay addresses, by engine key. */
  hosts?: Record<string, { endpoint: string; addresses: string[] }>;
  /** Whether live sockets are being read at all, and why not. */
  sockets: { watching: boolean; available: boolean; errors: Record<string, string> };
  matrix: ReachabilityMatrix | null;
  /** Extra label text for connection edges (the consoles' byte counts), by edge id. */
  connectionBytes: ReadonlyMap<string, string>;
  /** How wide a network's bus is drawn (as wide as the rows of containers). */
  busWidth: number;
  /** Hosts side by side: a host's own networks are as wide as its band (overlays span all). */
  bandBusWidth?: number;
}

export const NODE_WIDTH = { host: 300, container: CONTAINER_WIDTH } as const;
const DOCKER_DNS = '127.0.0.11';
/** One line of text in a node (its CSS line-height), and the rest of a container's box. */
export const LINE = 20;
const CONTAINER_CHROME = 72;

function containerHeight(ips: number, listening: number, published: number): number {
  const section = (n: number) => (n ? 8 + LINE * n : 0);
  return CONTAINER_CHROME + LINE * ips + (section(listening) || LINE) + section(published);
}

function nodeOf(
  node: Topology['nodes'][number],
  input: GraphInput,
  published: Published[],
): GraphNode {
  switch (node.kind) {
    case 'host': {
      const of = node.engine ? input.hosts?.[node.engine] : undefined;
      return {
        id: node.id,
        data: {
          kind: 'host',
          name: node.label,
          endpoint: of?.endpoint ?? input.endpoint,
          ...(node.engine ? { engine: node.engine, addresses: of?.addresses ?? [] } : {}),
        },
        name: node.label,
        width: Math.min(NODE_WIDTH.host, input.bandBusWidth ?? NODE_WIDTH.host),
        height: 70,
        label: `Host ${node.label}`,
      };
    }
    case 'network': {
      const { id, ...data } = node;
      return {
        id,
        data,
        name: node.name,
        width:
          input.bandBusWidth !== undefined && node.driver !== 'overlay'
            ? input.bandBusWidth
            : input.busWidth,
        height: 62,
        label: `Network ${node.name}`,
      };
    }
    case 'container': {
      const { sockets } = input;
      // Docker's embedded DNS listens in every container of a user network: noise here.
      const listening = node.listening.filter((l) => l.ip !== DOCKER_DNS);
      const error = sockets.errors[node.containerId];
      const socketsNote = !sockets.watching
        ? null
        : !sockets.available
          ? 'live sockets unavailable'
          : error
            ? `sockets unreadable: ${error}`
            : node.state !== 'running'
              ? 'not running'
              : null;
      const { id, ...data } = node;
      return {
        id,
        data: { ...data, listening, socketsNote, published },
        name: node.name,
        width: NODE_WIDTH.container,
        height: containerHeight(node.ips.length, listening.length, published.length),
        label: `Container ${node.name}`,
      };
    }
  }
}

const edge = (e: Omit<GraphEdge, 'reach'> & Partial<GraphEdge>): GraphEdge => ({
  reach: null,
  ...e,
});

function topologyEdges(input: GraphInput, nameOf: (nodeId: string) => string): GraphEdge[] {
  return input.topology.edges.flatMap((e): GraphEdge[] => {
    switch (e.kind) {
      case 'attachment':
        // Drawn from the network down to the container: the network is the bus it hangs on.
        // Unlabelled: the container lists its address on each network.
        return [
          edge({
            id: e.id,
            kind: 'attachment',
            source: e.target,
            target: e.source,
            label: '',
            ariaLabel: `${nameOf(e.source)} on ${nameOf(e.target)} at ${e.ip || 'no address'}`,
          }),
        ];
      case 'link': {
        const on = e.network ? ` on ${e.network}` : '';
        return [
          edge({
            id: e.id,
            kind: 'link',
            source: e.source,
            target: e.target,
            label: `link as ${e.alias}${on}`,
            ariaLabel: `Link ${nameOf(e.source)} → ${nameOf(e.target)} as ${e.alias}${on}`,
          }),
        ];
      }
      case 'published':
        return [];
      case 'connection': {
        const bytes = input.connectionBytes.get(e.id);
        return [
          edge({
            id: e.id,
            kind: 'connection',
            source: e.source,
            target: e.target,
            label: bytes ? `${e.label} · ${bytes}` : e.label,
            ariaLabel: `Connection ${nameOf(e.source)} → ${nameOf(e.target)} ${e.label}`,
          }),
        ];
      }
    }
  });
}

/**
 * The host is every bridge network's gateway: one edge per network (the bus shows its address).
 * With several engines each bridge hangs from its own host, and an overlay from every host it
 * spans (their VXLAN endpoints).
 */
function gatewayEdges(nodes: GraphNode[]): GraphEdge[] {
  const hostName = (engine: string) => nodes.find((h) => h.id === `host:${engine}`)?.name ?? engine;
  return nodes.flatMap((n) => {
    if (n.data.kind !== 'network') return [];
    const { name, gateway, driver, engines } = n.data;
    if (driver === 'overlay' && engines?.length)
      return engines.map((engine) =>
        edge({
          id: `gw:${engine}/${name}`,
          kind: 'gateway',
          source: `host:${engine}`,
          target: n.id,
          label: '',
          ariaLabel: `Host ${hostName(engine)} carries ${name} over VXLAN`,
        }),
      );
    if (driver !== 'bridge') return [];
    const engine = engines?.[0];
    return [
      edge({
        id: engine ? `gw:${engine}/${name}` : `gw:${name}`,
        kind: 'gateway',
        source: engine ? `host:${engine}` : 'host',
        target: n.id,
        label: '',
        ariaLabel: `Host is the gateway of ${name}${gateway ? ` at ${gateway}` : ''}`,
      }),
    ];
  });
}

function reachEdges(matrix: ReachabilityMatrix | null, nodes: GraphNode[]): GraphEdge[] {
  if (!matrix) return [];
  const byContainerId = new Map(
    nodes.flatMap((n) => (n.data.kind === 'container' ? [[n.data.containerId, n] as const] : [])),
  );
  return matrix.cells.flatMap((cell) => {
    const from = byContainerId.get(cell.from);
    const to = byContainerId.get(cell.to);
    if (!from || !to || cell.reachable === null) return [];
    const reach: ReachState = cell.reachable ? 'reachable' : 'unreachable';
    // Unlabelled: between many pairs their labels could only pile up; the matrix tells how.
    return [
      edge({
        id: `reach:${from.id}->${to.id}`,
        kind: 'reach',
        source: from.id,
        target: to.id,
        label: '',
        ariaLabel: `Reach ${from.name} → ${to.name}: ${reach}`,
        reach,
      }),
    ];
  });
}

export function buildGraph(input: GraphInput): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const published = new Map<string, Published[]>();
  for (const e of input.topology.edges) {
    if (e.kind !== 'published') continue;
    const list = published.get(e.target) ?? [];
    published.set(e.target, [...list, { label: e.label, loopbackOnly: e.loopbackOnly }]);
  }
  const nodes = input.topology.nodes.map((n) => nodeOf(n, input, published.get(n.id) ?? []));
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const edges = [
    ...gatewayEdges(nodes),
    ...topologyEdges(input, nameOf),
    ...reachEdges(input.matrix, nodes),
  ];
  return { nodes, edges };
}

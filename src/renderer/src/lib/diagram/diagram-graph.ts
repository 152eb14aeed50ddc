// The diagram's content, before any placement: the topology's nodes with what each shows,
// and its edges with what each means, plus reachability results as edges of their own.
// Pure: the same inputs give the same graph, and node ids stay the topology's stable ids.
import type { ReachabilityMatrix } from '../../../../shared/live-picture';
import type { Topology, TopoNode } from '../../../../shared/topology';

export type ReachState = 'reachable' | 'unreachable';

type TopoOf<K extends TopoNode['kind']> = Omit<Extract<TopoNode, { kind: K }>, 'id'>;

export type HostData = { kind: 'host'; name: string; endpoint: string };
export type NetworkData = TopoOf<'network'>;
export type ContainerData = TopoOf<'container'> & {
  /** Why this container's sockets are unknown, when they are. */
  socketsNote: string | null;
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

export type EdgeKind = 'gateway' | 'attachment' | 'published' | 'link' | 'connection' | 'reach';

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label: string;
  ariaLabel: string;
  /** Published on 127.0.0.1 only. */
  loopbackOnly: boolean;
  reach: ReachState | null;
}

export interface GraphInput {
  topology: Topology;
  endpoint: string;
  /** Whether live sockets are being read at all, and why not. */
  sockets: { watching: boolean; available: boolean; errors: Record<string, string> };
  matrix: ReachabilityMatrix | null;
  /** Extra label text for connection edges (the consoles' byte counts), by edge id. */
  connectionBytes: ReadonlyMap<string, string>;
}

export const NODE_WIDTH = { host: 260, network: 320, container: 240 } as const;
const DOCKER_DNS = '127.0.0.11';
const LINE = 18;

function containerHeight(ips: number, listening: number): number {
  return 62 + LINE * ips + (listening ? 8 + LINE * listening : LINE);
}

/** A network is drawn as a bus as wide as the row of containers that hang on it. */
function busWidth(attached: number): number {
  return Math.max(NODE_WIDTH.network, attached * (NODE_WIDTH.container + 40) - 40);
}

function nodeOf(node: Topology['nodes'][number], input: GraphInput, attached: number): GraphNode {
  switch (node.kind) {
    case 'host':
      return {
        id: node.id,
        data: { kind: 'host', name: node.label, endpoint: input.endpoint },
        name: node.label,
        width: NODE_WIDTH.host,
        height: 64,
        label: `Host ${node.label}`,
      };
    case 'network': {
      const { id, ...data } = node;
      return {
        id,
        data,
        name: node.name,
        width: busWidth(attached),
        height: 58,
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
        data: { ...data, listening, socketsNote },
        name: node.name,
        width: NODE_WIDTH.container,
        height: containerHeight(node.ips.length, listening.length),
        label: `Container ${node.name}`,
      };
    }
  }
}

const edge = (e: Omit<GraphEdge, 'loopbackOnly' | 'reach'> & Partial<GraphEdge>): GraphEdge => ({
  loopbackOnly: false,
  reach: null,
  ...e,
});

function topologyEdges(input: GraphInput, nameOf: (nodeId: string) => string): GraphEdge[] {
  return input.topology.edges.map((e) => {
    switch (e.kind) {
      case 'attachment':
        // Drawn from the network down to the container: the network is the bus it hangs on.
        return edge({
          id: e.id,
          kind: 'attachment',
          source: e.target,
          target: e.source,
          label: e.ip,
          ariaLabel: `${nameOf(e.source)} on ${nameOf(e.target)} at ${e.ip || 'no address'}`,
        });
      case 'link':
        return edge({
          id: e.id,
          kind: 'link',
          source: e.source,
          target: e.target,
          label: `link as ${e.alias}${e.network ? ` on ${e.network}` : ''}`,
          ariaLabel: `Link ${nameOf(e.source)} → ${nameOf(e.target)} as ${e.alias}${e.network ? ` on ${e.network}` : ''}`,
        });
      case 'published':
        return edge({
          id: e.id,
          kind: 'published',
          source: e.source,
          target: e.target,
          label: e.label,
          ariaLabel: `Published ${e.label} to ${nameOf(e.target)}`,
          loopbackOnly: e.loopbackOnly,
        });
      case 'connection': {
        const bytes = input.connectionBytes.get(e.id);
        return edge({
          id: e.id,
          kind: 'connection',
          source: e.source,
          target: e.target,
          label: bytes ? `${e.label} · ${bytes}` : e.label,
          ariaLabel: `Connection ${nameOf(e.source)} → ${nameOf(e.target)} ${e.label}`,
        });
      }
    }
  });
}

/** The host is every bridge network's gateway: one edge per network, labelled with it. */
function gatewayEdges(nodes: GraphNode[]): GraphEdge[] {
  return nodes.flatMap((n) =>
    n.data.kind === 'network' && n.data.driver === 'bridge'
      ? [
          edge({
            id: `gw:${n.data.name}`,
            kind: 'gateway',
            source: 'host',
            target: n.id,
            label: n.data.gateway ? `gw ${n.data.gateway}` : '',
            ariaLabel: `Host is the gateway of ${n.data.name}`,
          }),
        ]
      : [],
  );
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
    const routes = [
      ...new Set(cell.probes.filter((p) => p.outcome === 'open').map((p) => p.route)),
    ];
    const label = cell.reachable ? `✓ by ${routes.join(', ')}` : '✗ unreachable';
    return [
      edge({
        id: `reach:${from.id}->${to.id}`,
        kind: 'reach',
        source: from.id,
        target: to.id,
        label,
        ariaLabel: `Reach ${from.name} → ${to.name}: ${reach}`,
        reach,
      }),
    ];
  });
}

export function buildGraph(input: GraphInput): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const attached = new Map<string, number>();
  for (const e of input.topology.edges) {
    if (e.kind === 'attachment') attached.set(e.target, (attached.get(e.target) ?? 0) + 1);
  }
  const nodes = input.topology.nodes.map((n) => nodeOf(n, input, attached.get(n.id) ?? 0));
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const edges = [
    ...gatewayEdges(nodes),
    ...topologyEdges(input, nameOf),
    ...reachEdges(input.matrix, nodes),
  ];
  return { nodes, edges };
}

/** The edges that give the picture its levels: host, then networks, then containers. */
export function rankingEdges(graph: {
  nodes: GraphNode[];
  edges: GraphEdge[];
}): [string, string][] {
  const ranked = graph.edges
    .filter((e) => e.kind === 'gateway' || e.kind === 'attachment')
    .map((e): [string, string] => [e.source, e.target]);
  const attached = new Set(ranked.map(([, target]) => target));
  // A container on no bridge network (host, none) still hangs below the host.
  const loose = graph.nodes
    .filter((n) => n.data.kind !== 'host' && !attached.has(n.id))
    .map((n): [string, string] => ['host', n.id]);
  return [...ranked, ...loose];
}

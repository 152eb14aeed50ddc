// Which network each container is drawn under, and in what order: the default bridge first,
// then networks by name; containers in the order they were created, so a new one joins the
// end of its network's rows and nothing already drawn has to move. A container on several
// networks lives under the first of them; lines from the others reach it from their buses.
// With several engines each host heads its own section, side by side (two or more to a row,
// wrapping when there are more than the view holds), and overlays spanning hosts run below.
import type { GraphEdge, GraphNode } from './diagram-graph';
import type { Bands, Group, RowsPlan } from './diagram-layout';

type PlanGraph = { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] };

const bridgeFirst = (a: string, b: string, bridge: string) =>
  Number(b === bridge) - Number(a === bridge) || (a < b ? -1 : 1);

/** Container node ids in creation order (ties by id). */
function byCreation(ids: string[], createdOf: ReadonlyMap<string, string>): string[] {
  return ids.sort((a, b) => {
    const ta = createdOf.get(a) ?? '';
    const tb = createdOf.get(b) ?? '';
    return ta < tb ? -1 : ta > tb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
}

/**
 * Several hosts stand side by side: as many to a row as the view has columns, but never fewer
 * than two (two hosts side by side is the point; the view scrolls if it must), a column each
 * at least. One host: null.
 */
export function hostBands(columns: number, hosts: number): Bands | null {
  if (hosts < 2) return null;
  const perRow = Math.min(hosts, Math.max(2, columns));
  return { perRow, bandColumns: Math.max(1, Math.floor(columns / perRow)) };
}

/** Hosts with containers first (they stand side by side in the first row), else as listed. */
function hostsInOrder(graph: PlanGraph): GraphNode[] {
  const hosts = graph.nodes.filter((n) => n.data.kind === 'host');
  const busy = new Set(
    graph.nodes.flatMap((n) => (n.data.kind === 'container' ? [n.data.engine ?? ''] : [])),
  );
  const engineOfHost = (h: GraphNode) => (h.data.kind === 'host' ? (h.data.engine ?? '') : '');
  return [
    ...hosts.filter((h) => busy.has(engineOfHost(h))),
    ...hosts.filter((h) => !busy.has(engineOfHost(h))),
  ];
}

/** Which hosts in which order: the layout starts afresh when this changes. */
export const hostsKey = (graph: PlanGraph): string =>
  hostsInOrder(graph)
    .map((h) => h.id)
    .join(',');

/**
 * Several engines: each host heads its own networks and the containers that run on it, in a
 * band of its own beside the other hosts; overlay networks spanning hosts run below all bands,
 * so their lines reach up to each host's containers. A container on an overlay only stays
 * with its host (the overlay's line reaches it there).
 */
function hostsPlan(
  graph: PlanGraph,
  createdOf: ReadonlyMap<string, string>,
  columns: number,
): RowsPlan {
  const hosts = hostsInOrder(graph);
  const bands = hostBands(columns, hosts.length)!;
  const networks = graph.nodes.filter((n) => n.data.kind === 'network');
  const spans = (n: GraphNode) =>
    n.data.kind === 'network' && (n.data.driver === 'overlay' || (n.data.engines?.length ?? 0) > 1);
  const overlays = networks.filter(spans).map((n) => n.id);
  const rank = new Map(
    networks
      .filter((n) => !spans(n))
      .map((n) => n.id)
      .sort((a, b) => bridgeFirst(a, b, a.endsWith('/bridge') ? a : b))
      .map((id, i) => [id, i]),
  );
  const home = new Map<string, string>();
  for (const e of graph.edges) {
    if (e.kind !== 'attachment' || !rank.has(e.source)) continue;
    const current = home.get(e.target);
    if (current === undefined || rank.get(e.source)! < rank.get(current)!)
      home.set(e.target, e.source);
  }
  const engineOf = (n: GraphNode) =>
    n.data.kind === 'host' || n.data.kind === 'container'
      ? (n.data.engine ?? '')
      : n.data.kind === 'network'
        ? (n.data.engines?.[0] ?? '')
        : '';
  const groups: Group[] = hosts.flatMap((h, i) => {
    const engine = engineOf(h);
    const mine = byCreation(
      graph.nodes
        .filter((n) => n.data.kind === 'container' && engineOf(n) === engine)
        .map((n) => n.id),
      createdOf,
    );
    const local = networks
      .filter((n) => !spans(n) && engineOf(n) === engine)
      .map((n) => n.id)
      .sort((a, b) => bridgeFirst(a, b, `net:${engine}/bridge`));
    const section: Group[] = [
      ...local.map((bus) => ({ bus, members: mine.filter((id) => home.get(id) === bus), band: i })),
      { bus: null, members: mine.filter((id) => !home.has(id)), band: i },
    ];
    section[0] = { ...section[0]!, host: h.id };
    return section;
  });
  return {
    host: null,
    groups: [...groups, ...overlays.map((bus) => ({ bus, members: [] }))],
    columns,
    bands,
  };
}

export function planOf(
  graph: PlanGraph,
  /** Creation time of each container node, by node id (ISO strings sort as times). */
  createdOf: ReadonlyMap<string, string>,
  columns: number,
): RowsPlan {
  if (graph.nodes.filter((n) => n.data.kind === 'host').length > 1)
    return hostsPlan(graph, createdOf, columns);
  const networks = graph.nodes
    .filter((n) => n.data.kind === 'network')
    .map((n) => n.id)
    .sort((a, b) => bridgeFirst(a, b, 'net:bridge'));
  const rank = new Map(networks.map((id, i) => [id, i]));
  const home = new Map<string, string>();
  for (const e of graph.edges) {
    if (e.kind !== 'attachment') continue;
    const current = home.get(e.target);
    if (current === undefined || rank.get(e.source)! < rank.get(current)!) {
      home.set(e.target, e.source);
    }
  }
  const containers = byCreation(
    graph.nodes.filter((n) => n.data.kind === 'container').map((n) => n.id),
    createdOf,
  );
  const membersOf = (bus: string | null) =>
    containers.filter((id) => (home.get(id) ?? null) === bus);
  const host = graph.nodes.find((n) => n.data.kind === 'host')?.id ?? null;
  return {
    host,
    groups: [
      ...networks.map((bus) => ({ bus, members: membersOf(bus) })),
      { bus: null, members: membersOf(null) },
    ],
    columns,
  };
}

/** Each network's place in the plan: which lane its lines take beside a column. */
export function networkIndex(plan: RowsPlan): Map<string, number> {
  return new Map(plan.groups.flatMap((g, i) => (g.bus ? [[g.bus, i] as const] : [])));
}

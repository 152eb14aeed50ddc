// Which network each container is drawn under, and in what order: the default bridge first,
// then networks by name; containers in the order they were created, so a new one joins the
// end of its network's rows and nothing already drawn has to move. A container on several
// networks lives under the first of them; lines from the others reach it from their buses.
import type { GraphEdge, GraphNode } from './diagram-graph';
import type { RowsPlan } from './diagram-layout';

export function planOf(
  graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
  /** Creation time of each container node, by node id (ISO strings sort as times). */
  createdOf: ReadonlyMap<string, string>,
  columns: number,
): RowsPlan {
  const networks = graph.nodes
    .filter((n) => n.data.kind === 'network')
    .map((n) => n.id)
    .sort((a, b) => Number(b === 'net:bridge') - Number(a === 'net:bridge') || (a < b ? -1 : 1));
  const rank = new Map(networks.map((id, i) => [id, i]));
  const home = new Map<string, string>();
  for (const e of graph.edges) {
    if (e.kind !== 'attachment') continue;
    const current = home.get(e.target);
    if (current === undefined || rank.get(e.source)! < rank.get(current)!) {
      home.set(e.target, e.source);
    }
  }
  const containers = graph.nodes
    .filter((n) => n.data.kind === 'container')
    .map((n) => n.id)
    .sort((a, b) => {
      const ta = createdOf.get(a) ?? '';
      const tb = createdOf.get(b) ?? '';
      return ta < tb ? -1 : ta > tb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
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

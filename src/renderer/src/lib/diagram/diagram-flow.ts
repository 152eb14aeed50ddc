// The graph, placed, in Svelte Flow's terms: nodes with their component type and position,
// edges with their handles, route, line style and arrow. How each kind of edge looks is
// decided here, once: the host's trunk dashed grey, a live connection animated green.
import type { Edge, Node } from '@xyflow/svelte';
import type { Point } from './diagram-layout';
import type { EdgeKind, GraphEdge, GraphNode, NodeData } from './diagram-graph';

/** A node whose data is of one kind (what a node component receives), or of any kind. */
export type FlowNodeOf<D extends NodeData> = Node<D & Record<string, unknown>>;
export type FlowNode = FlowNodeOf<NodeData>;

/** The theme's colours (app.css), so lines and arrows follow dark, light and stage. */
const colours = {
  gateway: 'var(--edge-gateway)',
  attachment: 'var(--edge-attachment)',
  link: 'var(--link)',
  connection: 'var(--ok)',
  reachable: 'var(--ok)',
  unreachable: 'var(--bad)',
} as const;

function colourOf(e: GraphEdge): string {
  if (e.kind === 'reach') return e.reach === 'reachable' ? colours.reachable : colours.unreachable;
  return colours[e.kind];
}

const dashes: Partial<Record<EdgeKind, string>> = { gateway: '3 4', reach: '2 6' };
const widths: Partial<Record<EdgeKind, number>> = { connection: 2.5 };
const arrowed = new Set<EdgeKind>(['link', 'connection', 'reach']);

/**
 * Edges between two containers run below the row of containers, as nested U shapes: each
 * kind leaves and enters at its own handles, so a link, a live connection and a probe result
 * between the same two containers stay apart. Labelled ones (links, connections) each get a
 * lane of their own depth where their label cannot meet another's; probe results, unlabelled,
 * run below them.
 */
export const UNDER_KINDS = ['connection', 'link', 'reach'] as const;
type UnderKind = (typeof UNDER_KINDS)[number];
const isUnder = (kind: EdgeKind): kind is UnderKind =>
  (UNDER_KINDS as readonly string[]).includes(kind);
export const underHandle = (kind: string, role: 'src' | 'tgt') => `u-${kind}-${role}`;
export const sideHandle = (kind: string, role: 'src' | 'tgt') => `r-${kind}-${role}`;
/** Where each kind's handles sit along the bottom of a container, as a fraction of its width. */
export const handleAt = (kind: UnderKind, role: 'src' | 'tgt'): number => {
  const i = UNDER_KINDS.indexOf(kind);
  return role === 'src' ? 0.46 - 0.12 * i : 0.54 + 0.12 * i;
};
const FIRST_LANE = 26;
const LANE = 24;
const REACH_STEP = 6;
/** A label's width in diagram units: 12 px monospace, about 7.3 px a character, plus padding. */
const labelWidth = (text: string) => text.length * 7.4 + 14;

/** Room below the nodes for the edges that dip under them. */
export const FIT_PADDING = 24;

export function toFlowNodes(
  nodes: readonly GraphNode[],
  at: ReadonlyMap<string, Point>,
  notes: ReadonlyMap<string, string[]> = new Map(),
) {
  return nodes.map((n): FlowNode => ({
    id: n.id,
    type: n.data.kind,
    position: at.get(n.id) ?? { x: 0, y: 0 },
    data: n.data.kind === 'container' ? { ...n.data, notes: notes.get(n.id) ?? [] } : n.data,
    width: n.width,
    ariaLabel: n.label,
    ariaRole: 'group',
    connectable: false,
    deletable: false,
    selectable: false,
  }));
}

interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Two containers side by side: their line dips under the row; else it runs beside them. */
function sameRow(e: GraphEdge, box: (id: string) => Placed | undefined): boolean {
  const s = box(e.source);
  const t = box(e.target);
  return !!s && !!t && s.y === t.y;
}

/**
 * The labels of lines between containers in different rows: such a line runs up the gap
 * right of the containers, where a label has no room, so the client's node says it instead.
 */
export function besideNotes(
  edges: readonly GraphEdge[],
  nodes: readonly GraphNode[],
  at: ReadonlyMap<string, Point>,
): Map<string, string[]> {
  const box = boxOf(nodes, at);
  const notes = new Map<string, string[]>();
  for (const e of edges) {
    if (!isUnder(e.kind) || !e.label || sameRow(e, box)) continue;
    const to = nodes.find((n) => n.id === e.target)?.name ?? e.target;
    notes.set(e.source, [...(notes.get(e.source) ?? []), `⇢ ${to} ${e.label}`]);
  }
  return notes;
}

function boxOf(nodes: readonly GraphNode[], at: ReadonlyMap<string, Point>) {
  const sizes = new Map(nodes.map((n) => [n.id, n]));
  return (id: string): Placed | undefined => {
    const p = at.get(id);
    const n = sizes.get(id);
    return p && n ? { ...p, width: n.width, height: n.height } : undefined;
  };
}

/** Depths under the containers for the labelled edges: no two labels in one lane overlap. */
function underLanes(edges: readonly GraphEdge[], box: (id: string) => Placed | undefined) {
  const lanes = new Map<string, number>();
  const taken: { bottom: number; lane: number; from: number; to: number }[] = [];
  for (const e of edges) {
    if (!isUnder(e.kind) || !e.label || !sameRow(e, box)) continue;
    const s = box(e.source);
    const t = box(e.target);
    if (!s || !t) continue;
    const bottom = Math.max(s.y + s.height, t.y + t.height);
    const mid =
      (s.x + s.width * handleAt(e.kind, 'src') + t.x + t.width * handleAt(e.kind, 'tgt')) / 2;
    const half = labelWidth(e.label) / 2;
    const [from, to] = [mid - half, mid + half];
    let lane = 0;
    while (
      taken.some(
        (o) => o.lane === lane && Math.abs(o.bottom - bottom) < LANE && o.from < to && from < o.to,
      )
    )
      lane++;
    taken.push({ bottom, lane, from, to });
    lanes.set(e.id, lane);
  }
  return { lanes, deepest: Math.max(-1, ...lanes.values()) };
}

export function toFlowEdges(
  edges: readonly GraphEdge[],
  nodes: readonly GraphNode[],
  at: ReadonlyMap<string, Point>,
  /** Each network's lane beside a column, so lines of different networks run apart. */
  laneOf: ReadonlyMap<string, number>,
): Edge[] {
  const box = boxOf(nodes, at);
  const { lanes, deepest } = underLanes(edges, box);
  let reachCount = 0;
  let besideCount = 0;
  return edges.map((e) => {
    const colour = colourOf(e);
    const dash = dashes[e.kind];
    const style = [
      `stroke: ${colour}`,
      `stroke-width: ${widths[e.kind] ?? 1.5}`,
      ...(dash ? [`stroke-dasharray: ${dash}`] : []),
    ].join('; ');
    const beside = isUnder(e.kind) && !sameRow(e, box);
    const route = (() => {
      if (isUnder(e.kind) && beside) {
        // Up or down the gap right of the column, each line a little further out.
        return {
          type: 'offset',
          sourceHandle: sideHandle(e.kind, 'src'),
          targetHandle: sideHandle(e.kind, 'tgt'),
          data: { offset: 8 + 5 * (besideCount++ % 5) },
        };
      }
      if (isUnder(e.kind)) {
        const offset =
          e.kind === 'reach'
            ? FIRST_LANE + LANE * (deepest + 1) + REACH_STEP * (reachCount++ % 6)
            : FIRST_LANE + LANE * (lanes.get(e.id) ?? 0);
        return {
          type: 'offset',
          sourceHandle: underHandle(e.kind, 'src'),
          targetHandle: underHandle(e.kind, 'tgt'),
          data: { offset, labelBelow: true },
        };
      }
      if (e.kind === 'gateway') {
        return { type: 'elbow', sourceHandle: 'trunk', targetHandle: 'left', data: {} };
      }
      // An attachment: down the lane beside the container's column, into its left side.
      const bus = box(e.source);
      const ctr = box(e.target);
      const above = !bus || !ctr || bus.y < ctr.y;
      return {
        type: 'elbow',
        sourceHandle: above ? 'bottom' : 'top',
        targetHandle: 'left',
        data: { laneX: (ctr?.x ?? 0) - 10 - 8 * ((laneOf.get(e.source) ?? 0) % 3) },
      };
    })();
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      ...route,
      label: beside ? '' : e.label,
      labelStyle: `color: ${colour}`,
      ariaLabel: e.ariaLabel,
      style,
      class: `edge-${e.kind}`,
      animated: e.kind === 'connection',
      ...(arrowed.has(e.kind) ? { markerEnd: { type: 'arrowclosed', color: colour } } : {}),
      selectable: false,
      deletable: false,
      focusable: false,
      zIndex: e.kind === 'connection' ? 2 : e.kind === 'reach' ? 1 : 0,
    };
  });
}

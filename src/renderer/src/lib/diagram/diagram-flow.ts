// The graph, placed, in Svelte Flow's terms: nodes with their component type and position,
// edges with their handles, line style and arrow. How each kind of edge looks is decided
// here, once: a 127.0.0.1 binding dashed amber, a live connection animated green.
import type { Edge, Node } from '@xyflow/svelte';
import type { Point } from './diagram-layout';
import type { EdgeKind, GraphEdge, GraphNode, NodeData } from './diagram-graph';

/** A node whose data is of one kind (what a node component receives), or of any kind. */
export type FlowNodeOf<D extends NodeData> = Node<D & Record<string, unknown>>;
export type FlowNode = FlowNodeOf<NodeData>;

const colours = {
  gateway: '#6e7681',
  attachment: '#5b7fb3',
  published: '#58a6ff',
  loopback: '#d29922',
  link: '#d2a8ff',
  connection: '#3fb950',
  reachable: '#3fb950',
  unreachable: '#f85149',
} as const;

function colourOf(e: GraphEdge): string {
  if (e.kind === 'published' && e.loopbackOnly) return colours.loopback;
  if (e.kind === 'reach') return e.reach === 'reachable' ? colours.reachable : colours.unreachable;
  return colours[e.kind];
}

const dashes: Partial<Record<EdgeKind, string>> = { gateway: '3 4', reach: '2 6' };
const widths: Partial<Record<EdgeKind, number>> = { connection: 2.5 };
const arrowed = new Set<EdgeKind>(['published', 'link', 'connection', 'reach']);

/**
 * Edges between two containers run below the row of containers, as nested U shapes: each
 * kind leaves and enters at its own handles and dips to its own depth, so a link, a live
 * connection and a probe result between the same two containers stay apart, and none
 * crosses a container in between.
 */
export const UNDER_KINDS = ['connection', 'link', 'reach'] as const;
type UnderKind = (typeof UNDER_KINDS)[number];
const isUnder = (kind: EdgeKind): kind is UnderKind =>
  (UNDER_KINDS as readonly string[]).includes(kind);
const depth: Record<UnderKind, number> = { connection: 34, link: 60, reach: 86 };
/** Several edges of one kind (probe results between many pairs) each dip a little deeper. */
const DEPTH_STEP = 16;
export const underHandle = (kind: string, role: 'src' | 'tgt') => `u-${kind}-${role}`;

/** Room below the nodes for the edges that dip under them. */
export const FIT_PADDING = { top: '24px', x: '24px', bottom: '130px' } as const;
/** Fitting a small picture never blows it up beyond this. */
export const FIT_MAX_ZOOM = 1.1;

export function toFlowNodes(nodes: readonly GraphNode[], at: ReadonlyMap<string, Point>) {
  return nodes.map((n): FlowNode => ({
    id: n.id,
    type: n.data.kind,
    position: at.get(n.id) ?? { x: 0, y: 0 },
    data: n.data,
    width: n.width,
    ariaLabel: n.label,
    ariaRole: 'group',
    connectable: false,
    deletable: false,
    selectable: false,
  }));
}

/** Where a published port's line turns: several to one container each at their own height. */
const publishedStep = (nth: number) => [0.5, 0.3, 0.7, 0.15, 0.85][nth % 5];

export function toFlowEdges(edges: readonly GraphEdge[]): Edge[] {
  const seen = new Map<string, number>();
  const count = (key: string) => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n;
  };
  return edges.map((e) => {
    const nth = count(e.kind === 'published' ? `published>${e.target}` : e.kind);
    const colour = colourOf(e);
    const dash = e.kind === 'published' && e.loopbackOnly ? '6 4' : dashes[e.kind];
    const style = [
      `stroke: ${colour}`,
      `stroke-width: ${widths[e.kind] ?? 1.5}`,
      ...(dash ? [`stroke-dasharray: ${dash}`] : []),
    ].join('; ');
    const route = isUnder(e.kind)
      ? {
          sourceHandle: underHandle(e.kind, 'src'),
          targetHandle: underHandle(e.kind, 'tgt'),
          data: {
            offset: depth[e.kind] + (e.kind === 'reach' ? nth * DEPTH_STEP : 0),
            labelBelow: true,
          },
        }
      : e.kind === 'published'
        ? { sourceHandle: 'bottom', targetHandle: 'published', data: { step: publishedStep(nth) } }
        : { sourceHandle: 'bottom', targetHandle: 'top' };
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      ...route,
      // OffsetEdge (see components/diagram): a rounded step line.
      type: 'offset',
      label: e.label,
      labelStyle: `color: ${colour}`,
      ariaLabel: e.ariaLabel,
      style,
      class: `edge-${e.kind}${e.loopbackOnly ? ' loopback' : ''}`,
      animated: e.kind === 'connection',
      ...(arrowed.has(e.kind) ? { markerEnd: { type: 'arrowclosed', color: colour } } : {}),
      selectable: false,
      deletable: false,
      focusable: false,
      // Published ports cross the network level: drawn above its buses, so their labels show.
      zIndex: e.kind === 'published' ? 5 : e.kind === 'connection' ? 2 : e.kind === 'reach' ? 1 : 0,
    };
  });
}

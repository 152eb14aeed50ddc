// Where the diagram's nodes go. Dagre lays out the whole graph (host above networks above
// containers), but only new nodes take its positions: a node that already has a place (laid
// out before, or dragged there) keeps it, so the picture never jumps when something changes.
// A new node lands where dagre would put it, shifted by how far the placed nodes sit from
// their dagre positions on average, then moved right until it overlaps nothing.
import { Graph, layout } from '@dagrejs/dagre';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  id: string;
  width: number;
  height: number;
}

const GAP = 24;

/** Top-left corners, as Svelte Flow wants them, from dagre's layout of every box. */
function dagrePositions(boxes: readonly Box[], links: readonly [string, string][]) {
  const g = new Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const b of boxes) g.setNode(b.id, { width: b.width, height: b.height });
  for (const [source, target] of links) {
    if (g.hasNode(source) && g.hasNode(target)) g.setEdge(source, target);
  }
  layout(g);
  const out = new Map<string, Point>();
  for (const b of boxes) {
    const n = g.node(b.id) as { x: number; y: number };
    out.set(b.id, { x: Math.round(n.x - b.width / 2), y: Math.round(n.y - b.height / 2) });
  }
  return out;
}

const overlaps = (a: Point & Box, b: Point & Box): boolean =>
  a.x < b.x + b.width + GAP &&
  b.x < a.x + a.width + GAP &&
  a.y < b.y + b.height + GAP &&
  b.y < a.y + a.height + GAP;

/** Positions for every box: the previous ones kept, new ones placed around them. */
export function placeNodes(
  boxes: readonly Box[],
  links: readonly [string, string][],
  previous: ReadonlyMap<string, Point>,
): Map<string, Point> {
  const placed = new Map<string, Point>();
  for (const b of boxes) {
    const p = previous.get(b.id);
    if (p) placed.set(b.id, p);
  }
  if (placed.size === boxes.length) return placed;
  const ideal = dagrePositions(boxes, links);
  // The drift between the kept picture and dagre's, so new nodes fit the kept one.
  const kept = [...placed.keys()];
  const drift = kept.reduce(
    (d, id) => ({
      x: d.x + (placed.get(id)!.x - ideal.get(id)!.x) / kept.length,
      y: d.y + (placed.get(id)!.y - ideal.get(id)!.y) / kept.length,
    }),
    { x: 0, y: 0 },
  );
  const occupied: (Point & Box)[] = boxes.flatMap((b) => {
    const p = placed.get(b.id);
    return p ? [{ ...b, ...p }] : [];
  });
  for (const b of boxes) {
    if (placed.has(b.id)) continue;
    const at = ideal.get(b.id)!;
    const spot = { ...b, x: Math.round(at.x + drift.x), y: Math.round(at.y + drift.y) };
    for (let blocker = occupied.find((o) => overlaps(spot, o)); blocker;) {
      spot.x = blocker.x + blocker.width + GAP;
      blocker = occupied.find((o) => overlaps(spot, o));
    }
    occupied.push(spot);
    placed.set(b.id, { x: spot.x, y: spot.y });
  }
  return placed;
}

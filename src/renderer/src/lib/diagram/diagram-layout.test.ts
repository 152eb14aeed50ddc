import { describe, expect, it } from 'vitest';
import {
  busWidth,
  columnsFor,
  placeNodes,
  CONTAINER_WIDTH,
  type Box,
  type Point,
  type RowsPlan,
} from './diagram-layout';

const box = (id: string, width = CONTAINER_WIDTH, height = 120): Box => ({ id, width, height });
const host = box('host', 300, 70);
const front = box('net:front', busWidth(2), 62);
const back = box('net:back', busWidth(2), 62);
const ctrs = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => box(`ctr:${n}`));
const plan = (columns: number, members = ctrs.map((c) => c.id)): RowsPlan => ({
  host: 'host',
  groups: [
    { bus: 'net:front', members: members.slice(0, 3) },
    { bus: 'net:back', members: members.slice(3) },
  ],
  columns,
});
const all = [host, front, back, ...ctrs];

const overlapping = (placed: Map<string, Point>, boxes: Box[]): string[] =>
  boxes.flatMap((a, i) =>
    boxes.slice(i + 1).flatMap((b) => {
      const p = placed.get(a.id)!;
      const q = placed.get(b.id)!;
      const hit =
        p.x < q.x + b.width && q.x < p.x + a.width && p.y < q.y + b.height && q.y < p.y + a.height;
      return hit ? [`${a.id} × ${b.id}`] : [];
    }),
  );

describe('placeNodes', () => {
  it('stacks host, then each network with its containers wrapped into rows below it', () => {
    const at = placeNodes(all, plan(2), new Map());
    expect(overlapping(at, all)).toEqual([]);
    const y = (id: string) => at.get(id)!.y;
    const x = (id: string) => at.get(id)!.x;
    expect(y('host')).toBeLessThan(y('net:front'));
    expect(y('net:front')).toBeLessThan(y('ctr:a'));
    expect(y('ctr:a')).toBe(y('ctr:b'));
    expect(y('ctr:c')).toBeGreaterThan(y('ctr:a'));
    expect(x('ctr:c')).toBe(x('ctr:a'));
    expect(y('net:back')).toBeGreaterThan(y('ctr:c'));
    expect(y('ctr:d')).toBeGreaterThan(y('net:back'));
    // Never wider than the columns asked for: the picture grows down, not narrower in text.
    const right = Math.max(...all.map((b) => at.get(b.id)!.x + b.width));
    expect(right).toBeLessThanOrEqual(x('net:front') + busWidth(2));
  });

  it('fits as many columns as the width holds, at least one', () => {
    expect(columnsFor(100)).toBe(1);
    expect(columnsFor(600)).toBe(2);
    expect(columnsFor(1200)).toBeGreaterThanOrEqual(3);
  });

  it('keeps every placed node where it was, dragged or not', () => {
    const first = placeNodes(all, plan(2), new Map());
    const dragged = new Map(first).set('ctr:b', { x: 900, y: 40 });
    const again = placeNodes(all, plan(2), dragged);
    expect(again).toEqual(dragged);
  });

  it('puts a new container in its slot, or below when something is there, moving nothing', () => {
    const some = all.filter((b) => b.id !== 'ctr:c');
    const first = placeNodes(
      some,
      plan(2, ['ctr:a', 'ctr:b', 'ctr:d', 'ctr:e', 'ctr:f']),
      new Map(),
    );
    const next = placeNodes(all, plan(2), first);
    for (const [id, p] of first) expect(next.get(id)).toEqual(p);
    expect(overlapping(next, all)).toEqual([]);
  });
});

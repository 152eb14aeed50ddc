import { describe, expect, it } from 'vitest';
import { placeNodes, type Box, type Point } from './diagram-layout';

const box = (id: string, width = 240, height = 100): Box => ({ id, width, height });
const host = box('host', 260, 64);
const net = box('net:example', 260, 58);
const server = box('ctr:server');
const client = box('ctr:client');
const links: [string, string][] = [
  ['host', 'net:example'],
  ['net:example', 'ctr:server'],
  ['net:example', 'ctr:client'],
];

const overlapping = (placed: Map<string, Point>, boxes: Box[]): boolean =>
  boxes.some((a, i) =>
    boxes.slice(i + 1).some((b) => {
      const p = placed.get(a.id)!;
      const q = placed.get(b.id)!;
      return (
        p.x < q.x + b.width && q.x < p.x + a.width && p.y < q.y + b.height && q.y < p.y + a.height
      );
    }),
  );

describe('placeNodes', () => {
  it('lays out the host above networks above containers', () => {
    const at = placeNodes([host, net, server, client], links, new Map());
    expect(at.get('host')!.y).toBeLessThan(at.get('net:example')!.y);
    expect(at.get('net:example')!.y).toBeLessThan(at.get('ctr:server')!.y);
    expect(at.get('ctr:server')!.y).toBe(at.get('ctr:client')!.y);
    expect(overlapping(at, [host, net, server, client])).toBe(false);
  });

  it('keeps every node that already has a place, and is stable when nothing is new', () => {
    const first = placeNodes([host, net, server], links, new Map());
    const dragged = new Map(first).set('ctr:server', { x: 900, y: 700 });
    const again = placeNodes([host, net, server], links, dragged);
    expect(again).toEqual(dragged);
  });

  it('places a new node next to the kept picture without moving it or overlapping', () => {
    const first = placeNodes([host, net, server], links, new Map());
    // The whole picture was panned by the person: a new node follows it.
    const moved = new Map([...first].map(([id, p]) => [id, { x: p.x + 500, y: p.y + 300 }]));
    const next = placeNodes([host, net, server, client], links, moved);
    for (const [id, p] of moved) expect(next.get(id)).toEqual(p);
    expect(next.get('ctr:client')!.y).toBe(moved.get('ctr:server')!.y);
    expect(overlapping(next, [host, net, server, client])).toBe(false);
  });

  it('shifts a new node right until it overlaps nothing', () => {
    const first = placeNodes([host, net, client], links, new Map());
    // Someone dragged a box where the new one would land.
    const blocker = box('ctr:blocker');
    const withBlocker = placeNodes([host, net, client, blocker], links, first);
    const next = placeNodes([host, net, client, blocker, server], links, withBlocker);
    expect(overlapping(next, [host, net, client, blocker, server])).toBe(false);
  });
});

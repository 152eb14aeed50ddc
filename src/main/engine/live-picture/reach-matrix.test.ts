import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../shared/live-picture';
import { buildMatrix } from './reach-matrix';
import type { PairPlan, ProbeTask } from './probe-plan';

const task = (route: ProbeTask['route'], host: string): ProbeTask => ({
  fromId: 'cli',
  toId: 'srv',
  route,
  host,
  dialPort: 1234,
  port: 1234,
  via: 'example',
});
const result = (t: ProbeTask, outcome: ProbeResult['outcome']): ProbeResult => ({
  route: t.route,
  target: `${t.host}:1234`,
  port: 1234,
  via: t.via,
  outcome,
  detail: '',
  ms: 3,
});
const containers = [
  { id: 'cli', name: 'client', extra: 'dropped' },
  { id: 'srv', name: 'server' },
];

describe('buildMatrix', () => {
  const byName = task('name', 'server');
  const byIp = task('ip', '172.18.0.2');
  const plans: PairPlan[] = [
    { fromId: 'cli', toId: 'srv', ports: [1234], tasks: [byName, byIp], note: '' },
    { fromId: 'srv', toId: 'cli', ports: [], tasks: [], note: 'client listens on no TCP port.' },
  ];

  const matrix = (name: ProbeResult['outcome'], ip: ProbeResult['outcome']) =>
    buildMatrix(
      containers,
      plans,
      // In the order the probes finished, not the order they show.
      [
        { task: byIp, result: result(byIp, ip) },
        { task: byName, result: result(byName, name) },
      ],
      [],
      42,
    );

  it('marks a pair reachable when any route connected, routes in a fixed order', () => {
    const m = matrix('open', 'gone');
    expect(m.containers).toEqual([
      { id: 'cli', name: 'client' },
      { id: 'srv', name: 'server' },
    ]);
    expect(m.cells[0]).toMatchObject({ from: 'cli', to: 'srv', reachable: true });
    expect(m.cells[0]!.probes.map((p) => p.route)).toEqual(['name', 'ip']);
    expect(m.cells[1]).toEqual({
      from: 'srv',
      to: 'cli',
      reachable: null,
      probes: [],
      note: 'client listens on no TCP port.',
    });
  });

  it('marks a loopback-only server unreachable: every route refused', () => {
    expect(matrix('refused', 'refused').cells[0]!.reachable).toBe(false);
  });
});

// Several engines in the diagram: a host per engine with its own networks and containers,
// side by side when the view has a column for each, stacked otherwise; an overlay once,
// below (or between) them, its lines to both hosts' containers.
import { describe, expect, it } from 'vitest';
import type { NetworkView, Snapshot } from '../../../../shared/model';
import { buildSceneTopology, type EngineScene } from '../../../../shared/scene-topology';
import { container, network } from '../../../../../test/support/model-fixtures';
import { buildGraph } from './diagram-graph';
import { busWidth, rowsLayout } from './diagram-layout';
import { hostBand, planOf } from './diagram-plan';

const overlay: NetworkView = {
  ...network('crosstalk-overlay', '10.212.129.0/24', '10.212.129.1'),
  driver: 'overlay',
  scope: 'swarm',
};
const scene = (key: string, name: string, ctr: string, ip: string): EngineScene => {
  const snapshot: Snapshot = {
    engine: { connected: true, endpoint: `unix:///${key}`, source: 'x', error: null, info: null },
    containers: [container(`${key}-id`, ctr, [{ network: overlay.name, ip, gateway: '' }])],
    networks: [network('bridge', '172.17.0.0/16', '172.17.0.1', true), overlay],
    images: [],
  };
  return { key, name, snapshot, sockets: {}, hostAddresses: [] };
};
const scenes = [
  scene('n1', 'node1', 'server', '10.212.129.2'),
  scene('n2', 'node2', 'client', '10.212.129.4'),
];

function layout(columns: number) {
  const band = hostBand(columns, 2);
  const graph = buildGraph({
    topology: buildSceneTopology(scenes),
    endpoint: '',
    sockets: { watching: false, available: true, errors: {} },
    matrix: null,
    connectionBytes: new Map(),
    busWidth: busWidth(columns),
    ...(band !== null ? { bandBusWidth: busWidth(band) } : {}),
  });
  const plan = planOf(graph, new Map(), columns);
  const at = rowsLayout(new Map(graph.nodes.map((n) => [n.id, n])), plan);
  return { graph, at };
}

describe('two hosts in the diagram', () => {
  it('stands the hosts side by side with a column each, the overlay below both', () => {
    const { graph, at } = layout(2);
    const [h1, h2] = [at.get('host:n1')!, at.get('host:n2')!];
    expect(h1.y).toBe(h2.y);
    expect(h2.x).toBeGreaterThanOrEqual(busWidth(1));
    expect(at.get('ctr:n1/server')!.x).toBeLessThan(h2.x);
    expect(at.get('ctr:n2/client')!.x).toBeGreaterThan(h2.x);
    const bus = at.get('net:overlay/crosstalk-overlay')!;
    expect(bus.y).toBeGreaterThan(Math.max(at.get('ctr:n1/server')!.y, at.get('ctr:n2/client')!.y));
    // The overlay spans the picture; each host as wide as its band at most.
    const width = (id: string) => graph.nodes.find((n) => n.id === id)!.width;
    expect(width('net:overlay/crosstalk-overlay')).toBe(busWidth(2));
    expect(width('host:n1')).toBeLessThanOrEqual(busWidth(1));
    // The overlay hangs from both hosts, its lines reach both containers.
    expect(graph.edges.filter((e) => e.target === 'net:overlay/crosstalk-overlay')).toMatchObject([
      { kind: 'gateway', source: 'host:n1' },
      { kind: 'gateway', source: 'host:n2' },
    ]);
  });

  it('stacks them in a narrow view, the overlay between the first host and the next', () => {
    const { at } = layout(1);
    const [h1, h2] = [at.get('host:n1')!, at.get('host:n2')!];
    expect(h1.x).toBe(h2.x);
    const bus = at.get('net:overlay/crosstalk-overlay')!;
    expect(at.get('ctr:n1/server')!.y).toBeLessThan(bus.y);
    expect(bus.y).toBeLessThan(h2.y);
  });
});

// Several engines in the diagram: a host per engine with its own networks and containers,
// side by side (wrapping into rows when there are more than the view holds), hosts with
// containers first; an overlay once, below them all, its lines to every host's containers.
import { describe, expect, it } from 'vitest';
import type { NetworkView, Snapshot } from '../../../../shared/model';
import { buildSceneTopology, type EngineScene } from '../../../../shared/scene-topology';
import { container, network } from '../../../../../test/support/model-fixtures';
import { buildGraph } from './diagram-graph';
import { bandsBusWidth, busWidth, rowsLayout } from './diagram-layout';
import { hostBands, planOf } from './diagram-plan';

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
const twoHosts = [
  scene('n1', 'node1', 'server', '10.212.129.2'),
  scene('n2', 'node2', 'client', '10.212.129.4'),
];
/** The window's own engine, with no containers, listed first. */
const idle: EngineScene = {
  ...scene('main', 'main', 'gone', ''),
  snapshot: { ...scene('main', 'main', 'gone', '').snapshot, containers: [] },
};

function layout(columns: number, scenes = twoHosts) {
  const bands = hostBands(columns, scenes.length)!;
  const graph = buildGraph({
    topology: buildSceneTopology(scenes),
    endpoint: '',
    sockets: { watching: false, available: true, errors: {} },
    matrix: null,
    connectionBytes: new Map(),
    busWidth: bandsBusWidth(bands),
    bandBusWidth: busWidth(bands.bandColumns),
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
    // The overlay spans both bands; each host as wide as its band at most.
    const width = (id: string) => graph.nodes.find((n) => n.id === id)!.width;
    expect(width('net:overlay/crosstalk-overlay')).toBeGreaterThanOrEqual(
      h2.x + width('host:n2') - bus.x,
    );
    expect(width('host:n1')).toBeLessThanOrEqual(busWidth(1));
    // The overlay hangs from both hosts, its lines reach both containers.
    expect(graph.edges.filter((e) => e.target === 'net:overlay/crosstalk-overlay')).toMatchObject([
      { kind: 'gateway', source: 'host:n1' },
      { kind: 'gateway', source: 'host:n2' },
    ]);
  });

  it('keeps two hosts side by side in a view one column wide (the view scrolls)', () => {
    const { at } = layout(1);
    const [h1, h2] = [at.get('host:n1')!, at.get('host:n2')!];
    expect(h1.y).toBe(h2.y);
    expect(h2.x).toBeGreaterThan(at.get('ctr:n1/server')!.x + 230);
    expect(at.get('ctr:n1/server')!.y).toBe(at.get('ctr:n2/client')!.y);
  });

  it('wraps a third host into the next row, hosts with containers first', () => {
    const { at } = layout(2, [idle, ...twoHosts]);
    const [h1, h2, main] = ['host:n1', 'host:n2', 'host:main'].map((id) => at.get(id)!);
    expect(h1!.y).toBe(h2!.y);
    expect(h1!.x).toBe(main!.x);
    expect(main!.y).toBeGreaterThan(at.get('ctr:n1/server')!.y);
    expect(at.get('net:overlay/crosstalk-overlay')!.y).toBeGreaterThan(main!.y);
  });
});

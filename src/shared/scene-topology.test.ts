// Two lab hosts as their engines report them during lesson 5: server on node1 and client on
// node2 on the overlay, published on node1 with 8080→1234, and the same bridge subnet on both.
import { describe, expect, it } from 'vitest';
import type { NetworkView, Snapshot } from './model';
import { buildSceneTopology, type EngineScene } from './scene-topology';
import { container, network } from '../../test/support/model-fixtures';
import { buildTopology, type ContainerSockets } from './topology';

const overlay: NetworkView = {
  ...network('crosstalk-overlay', '10.212.129.0/24', '10.212.129.1'),
  driver: 'overlay',
  scope: 'swarm',
};
const bridge = network('bridge', '172.17.0.0/16', '172.17.0.1', true);

const snapshot = (name: string, containers: Snapshot['containers']): Snapshot => ({
  engine: {
    connected: true,
    endpoint: `unix:///run/crosstalk-lab/${name}/docker.sock`,
    source: 'DOCKER_HOST',
    error: null,
    info: null,
  },
  containers,
  networks: [bridge, overlay],
  images: [],
});

const server = container('s1', 'server', [
  { network: 'crosstalk-overlay', ip: '10.212.129.2', gateway: '' },
]);
const published = container(
  'p1',
  'published',
  [{ network: 'bridge', ip: '172.17.0.2', gateway: '172.17.0.1' }],
  {
    ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 1234, protocol: 'tcp' }],
  },
);
const client = container('c2', 'client', [
  { network: 'crosstalk-overlay', ip: '10.212.129.4', gateway: '' },
]);
// node2's own container at the address `published` has on node1: never a match across hosts.
const twin = container('t2', 'twin', [
  { network: 'bridge', ip: '172.17.0.2', gateway: '172.17.0.1' },
]);

const listen = (port: number): ContainerSockets => ({
  listening: [{ ip: '0.0.0.0', port, loopbackOnly: false }],
  connections: [],
});
const node1: EngineScene = {
  key: 'n1',
  name: 'node1',
  snapshot: snapshot('node1', [server, published]),
  sockets: { s1: listen(1234), p1: listen(1234) },
  hostAddresses: ['10.212.0.1'],
};
const node2: EngineScene = {
  key: 'n2',
  name: 'node2',
  snapshot: snapshot('node2', [client, twin]),
  sockets: {
    c2: {
      listening: [],
      connections: [
        { localIp: '10.212.129.4', localPort: 40001, remoteIp: '10.212.129.2', remotePort: 1234 },
        { localIp: '10.212.17.2', localPort: 40002, remoteIp: '10.212.0.1', remotePort: 8080 },
        { localIp: '172.17.0.3', localPort: 40003, remoteIp: '172.17.0.2', remotePort: 1234 },
      ],
    },
    t2: { listening: [], connections: [] },
  },
  hostAddresses: ['10.212.0.2'],
};

describe('buildSceneTopology', () => {
  it('with one engine draws exactly what buildTopology draws', () => {
    expect(buildSceneTopology([node1])).toEqual(
      buildTopology({ snapshot: node1.snapshot, sockets: node1.sockets }),
    );
  });

  it('gives each engine its host, and draws an overlay once across the hosts it spans', () => {
    const { nodes } = buildSceneTopology([node1, node2]);
    expect(nodes.filter((n) => n.kind === 'host')).toEqual([
      { kind: 'host', id: 'host:n1', label: 'node1', engine: 'n1' },
      { kind: 'host', id: 'host:n2', label: 'node2', engine: 'n2' },
    ]);
    const nets = nodes.filter((n) => n.kind === 'network');
    expect(nets.map((n) => n.id)).toEqual([
      'net:n1/bridge',
      'net:n2/bridge',
      'net:overlay/crosstalk-overlay',
    ]);
    expect(nets.find((n) => n.id === 'net:overlay/crosstalk-overlay')).toMatchObject({
      engines: ['n1', 'n2'],
    });
    expect(nodes.find((n) => n.id === 'ctr:n2/client')).toMatchObject({ engine: 'n2' });
  });

  it('publishes each engine’s ports from its own host', () => {
    const { edges } = buildSceneTopology([node1, node2]);
    expect(edges.filter((e) => e.kind === 'published')).toMatchObject([
      // Published on every address: from another host it is node1's own address.
      { source: 'host:n1', target: 'ctr:n1/published', label: '10.212.0.1:8080 → 1234/tcp' },
    ]);
  });

  it('draws live connections across engines: by overlay address, and by host address and published port', () => {
    // One engine at a time, the client's connections lead nowhere: the defect this fixes.
    const alone = buildTopology({ snapshot: node2.snapshot, sockets: node2.sockets });
    expect(alone.edges.filter((e) => e.kind === 'connection')).toEqual([]);

    const connections = buildSceneTopology([node1, node2]).edges.filter(
      (e) => e.kind === 'connection',
    );
    expect(connections).toEqual([
      {
        kind: 'connection',
        id: 'conn:n2/client:40001->n1/server:1234',
        source: 'ctr:n2/client',
        target: 'ctr:n1/server',
        label: ':40001 → 1234 (overlay)',
        port: 1234,
      },
      {
        kind: 'connection',
        id: 'conn:n2/client:40002->n1:8080->published',
        source: 'ctr:n2/client',
        target: 'ctr:n1/published',
        label: 'via node1 10.212.0.1:8080',
        port: 1234,
      },
    ]);
  });

  it('draws no cross-engine edge to a server that does not listen', () => {
    const quiet = { ...node1, sockets: { s1: { listening: [], connections: [] } } };
    const connections = buildSceneTopology([quiet, node2]).edges.filter(
      (e) => e.kind === 'connection',
    );
    expect(connections.map((e) => e.target)).toEqual(['ctr:n1/published']);
  });
});

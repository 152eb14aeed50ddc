import { describe, expect, it } from 'vitest';
import type { ReachabilityMatrix } from '../../../../shared/live-picture';
import type { Snapshot } from '../../../../shared/model';
import { container, network } from '../../../../../test/support/model-fixtures';
import { buildTopology } from '../../../../shared/topology';
import { buildGraph, type GraphInput } from './diagram-graph';
import { besideNotes, toFlowEdges } from './diagram-flow';
import { busWidth, placeNodes } from './diagram-layout';
import { networkIndex, planOf } from './diagram-plan';

// The course's user-network lesson: server and client on "example", the server also
// publishing 1234 on 127.0.0.1 only; the client connected to the server.
const example = { network: 'example', gateway: '172.18.0.1' };
const server = container('srv', 'server', [{ ...example, ip: '172.18.0.2' }], {
  ports: [{ hostIp: '127.0.0.1', hostPort: 1234, containerPort: 1234, protocol: 'tcp' }],
});
const client = container('cli', 'client', [{ ...example, ip: '172.18.0.3' }]);
const snapshot = {
  engine: {
    connected: true,
    endpoint: 'unix:///var/run/docker.sock',
    source: '',
    error: null,
    info: null,
  },
  containers: [server, client],
  networks: [network('example', '172.18.0.0/16', '172.18.0.1')],
  images: [],
} as Snapshot;
const topology = buildTopology({
  snapshot,
  sockets: {
    srv: {
      listening: [
        { ip: '0.0.0.0', port: 1234, loopbackOnly: false },
        { ip: '127.0.0.11', port: 41459, loopbackOnly: true },
      ],
      connections: [],
    },
    cli: {
      listening: [],
      connections: [
        { localIp: '172.18.0.3', localPort: 45678, remoteIp: '172.18.0.2', remotePort: 1234 },
      ],
    },
  },
});
const input: GraphInput = {
  topology,
  endpoint: 'unix:///var/run/docker.sock',
  sockets: { watching: true, available: true, errors: {} },
  matrix: null,
  connectionBytes: new Map([['conn:client:45678->server:1234', '↑13 B typed ↓14 B shown']]),
  busWidth: busWidth(2),
};

describe('buildGraph', () => {
  const graph = buildGraph(input);
  const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
  const edge = (id: string) => graph.edges.find((e) => e.id === id)!;

  it('names every node for screen readers and shows each container’s own ports', () => {
    expect(graph.nodes.map((n) => n.label)).toEqual([
      'Host Docker host',
      'Network example',
      'Container client',
      'Container server',
    ]);
    // Docker's DNS listener is left out; the server's own is kept.
    expect(node('ctr:server').data).toMatchObject({
      kind: 'container',
      ips: [{ network: 'example', ip: '172.18.0.2' }],
      listening: [{ ip: '0.0.0.0', port: 1234, loopbackOnly: false }],
      socketsNote: null,
      // In the node: a line from the host would cross every row of containers.
      published: [{ label: '127.0.0.1:1234 → 1234/tcp', loopbackOnly: true }],
    });
    expect(node('net:example').width).toBe(busWidth(2));
    expect(graph.edges.some((e) => e.id.startsWith('pub:'))).toBe(false);
  });

  it('hangs containers below their network and the network below the host, unlabelled', () => {
    // The addresses are in the nodes already; a label on every line would only pile up.
    expect(edge('att:server@example')).toMatchObject({
      source: 'net:example',
      target: 'ctr:server',
      label: '',
      ariaLabel: 'server on example at 172.18.0.2',
    });
    expect(edge('gw:example')).toMatchObject({
      source: 'host',
      target: 'net:example',
      label: '',
      ariaLabel: 'Host is the gateway of example at 172.18.0.1',
    });
  });

  it('labels a live connection with the consoles’ byte counts', () => {
    expect(edge('conn:client:45678->server:1234')).toMatchObject({
      source: 'ctr:client',
      target: 'ctr:server',
      label: ':45678 → 1234 · ↑13 B typed ↓14 B shown',
      ariaLabel: 'Connection client → server :45678 → 1234',
    });
  });

  it('says why sockets are unknown', () => {
    const off = buildGraph({ ...input, sockets: { watching: true, available: false, errors: {} } });
    expect(off.nodes.find((n) => n.id === 'ctr:client')!.data).toMatchObject({
      socketsNote: 'live sockets unavailable',
    });
    const broken = buildGraph({
      ...input,
      sockets: { watching: true, available: true, errors: { cli: 'cat: not found' } },
    });
    expect(broken.nodes.find((n) => n.id === 'ctr:client')!.data).toMatchObject({
      socketsNote: 'sockets unreadable: cat: not found',
    });
  });

  it('draws probe results as edges, coloured by the verdict', () => {
    const matrix: ReachabilityMatrix = {
      containers: [
        { id: 'cli', name: 'client' },
        { id: 'srv', name: 'server' },
      ],
      cells: [
        {
          from: 'cli',
          to: 'srv',
          reachable: true,
          note: '',
          probes: [
            {
              route: 'name',
              target: 'server:1234',
              port: 1234,
              via: 'example',
              outcome: 'open',
              detail: '',
              ms: 5,
            },
            {
              route: 'ip',
              target: '172.18.0.2:1234',
              port: 1234,
              via: 'example',
              outcome: 'gone',
              detail: '',
              ms: 0,
            },
          ],
        },
        {
          from: 'srv',
          to: 'cli',
          reachable: null,
          note: 'client listens on no TCP port.',
          probes: [],
        },
      ],
      notes: [],
      ms: 120,
    };
    const reach = buildGraph({ ...input, matrix }).edges.filter((e) => e.kind === 'reach');
    expect(reach).toEqual([
      expect.objectContaining({
        id: 'reach:ctr:client->ctr:server',
        label: '',
        ariaLabel: 'Reach client → server: reachable',
        reach: 'reachable',
      }),
    ]);
  });
});

describe('toFlowEdges', () => {
  const graph = buildGraph(input);
  const created = new Map([
    ['ctr:server', '2026-01-01T00:00:01Z'],
    ['ctr:client', '2026-01-01T00:00:02Z'],
  ]);
  const place = (columns: number) => {
    const plan = planOf(graph, created, columns);
    const at = placeNodes(graph.nodes, plan, new Map());
    return { at, flow: toFlowEdges(graph.edges, graph.nodes, at, networkIndex(plan)) };
  };

  it('draws a live connection between neighbours animated under their row, labelled', () => {
    const { flow } = place(2);
    const live = flow.find((e) => e.id === 'conn:client:45678->server:1234')!;
    expect(live).toMatchObject({
      animated: true,
      sourceHandle: 'u-connection-src',
      targetHandle: 'u-connection-tgt',
      type: 'offset',
      label: ':45678 → 1234 · ↑13 B typed ↓14 B shown',
    });
    expect(live.markerEnd).toEqual({ type: 'arrowclosed', color: 'var(--ok)' });
    expect(flow.find((e) => e.id === 'att:client@example')).toMatchObject({
      type: 'elbow',
      sourceHandle: 'bottom',
      targetHandle: 'left',
    });
  });

  it('runs a line between rows beside the column, its label in the client’s node', () => {
    const { at, flow } = place(1);
    const live = flow.find((e) => e.id === 'conn:client:45678->server:1234')!;
    expect(live).toMatchObject({ sourceHandle: 'r-connection-src', label: '' });
    expect(besideNotes(graph.edges, graph.nodes, at).get('ctr:client')).toEqual([
      '⇢ server :45678 → 1234 · ↑13 B typed ↓14 B shown',
    ]);
  });
});

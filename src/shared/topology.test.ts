import { describe, expect, it } from 'vitest';
import type { Snapshot } from './model';
import { container, network } from '../../test/support/model-fixtures';
import { buildTopology, isLoopbackIp, unmapIpv4 } from './topology';
import type { ContainerSockets, TopologyInput } from './topology';

// Recorded from the course's "example" network: a server, a client linked to it, and a web
// container reached through a port the host publishes.
const example = { network: 'example', gateway: '172.18.0.1' };
const bridge = { network: 'bridge', gateway: '172.17.0.1' };

const server = container('aaa111', 'server', [{ ...example, ip: '172.18.0.2' }], {
  ports: [{ hostIp: '127.0.0.1', hostPort: 1234, containerPort: 1234, protocol: 'tcp' }],
});
const client = container(
  'bbb222',
  'client',
  [
    { ...example, ip: '172.18.0.3' },
    { ...bridge, ip: '172.17.0.3' },
  ],
  { links: [{ target: '/server', alias: 'server', network: null }] },
);
const web = container('ccc333', 'web', [{ ...bridge, ip: '172.17.0.4' }], {
  ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
});

const snapshot: Snapshot = {
  engine: {
    connected: true,
    endpoint: 'unix:///var/run/docker.sock',
    source: 'default socket',
    error: null,
    info: {
      kind: 'docker-engine',
      product: 'Docker Engine 20.10.24',
      version: '20.10.24',
      apiVersion: '1.41',
      os: 'Debian GNU/Linux 12',
      osType: 'linux',
      kernel: '6.1.0',
      arch: 'x86_64',
      name: 'laptop',
    },
  },
  networks: [
    network('bridge', '172.17.0.0/16', '172.17.0.1', true),
    network('host', '', '', true),
    network('none', '', '', true),
    network('example', '172.18.0.0/16', '172.18.0.1'),
    network('empty', '172.19.0.0/16', '172.19.0.1'),
  ],
  containers: [web, client, server],
  images: ['crosstalk-test:latest'],
};

const conn = (local: string, remote: string) => {
  const [localIp = '', localPort = '0'] = local.split(/:(?=\d+$)/);
  const [remoteIp = '', remotePort = '0'] = remote.split(/:(?=\d+$)/);
  return { localIp, localPort: Number(localPort), remoteIp, remotePort: Number(remotePort) };
};

const sockets: Record<string, ContainerSockets> = {
  aaa111: {
    listening: [
      { ip: '0.0.0.0', port: 1234, loopbackOnly: false },
      { ip: '127.0.0.1', port: 5555, loopbackOnly: true },
    ],
    // The server's end of the client's connection: must not add a second edge.
    connections: [conn('172.18.0.2:1234', '172.18.0.3:45678')],
  },
  bbb222: {
    listening: [],
    connections: [
      conn('172.18.0.3:45678', '172.18.0.2:1234'),
      // The server listens on 5555 on loopback only: unreachable, so no edge.
      conn('172.18.0.3:45679', '172.18.0.2:5555'),
      // Out to the host's gateway on the port it publishes for web.
      conn('172.17.0.3:40000', '172.17.0.1:8080'),
      // Straight to web, seen by a dual-stack socket.
      conn('::ffff:172.17.0.3:40001', '::ffff:172.17.0.4:80'),
      // The outside world is not part of the picture.
      conn('172.17.0.3:40002', '93.184.216.34:443'),
    ],
  },
  ccc333: {
    listening: [{ ip: '::', port: 80, loopbackOnly: false }],
    connections: [conn('::ffff:172.17.0.4:80', '::ffff:172.17.0.1:51000')],
  },
};

const input: TopologyInput = { snapshot, sockets };

describe('buildTopology', () => {
  it('draws host, used and user-defined networks, and containers', () => {
    expect(buildTopology(input).nodes).toEqual([
      { kind: 'host', id: 'host', label: 'laptop' },
      {
        kind: 'network',
        id: 'net:bridge',
        name: 'bridge',
        subnet: '172.17.0.0/16',
        gateway: '172.17.0.1',
        driver: 'bridge',
      },
      {
        kind: 'network',
        id: 'net:empty',
        name: 'empty',
        subnet: '172.19.0.0/16',
        gateway: '172.19.0.1',
        driver: 'bridge',
      },
      {
        kind: 'network',
        id: 'net:example',
        name: 'example',
        subnet: '172.18.0.0/16',
        gateway: '172.18.0.1',
        driver: 'bridge',
      },
      {
        kind: 'container',
        id: 'ctr:client',
        containerId: 'bbb222',
        name: 'client',
        state: 'running',
        image: 'crosstalk-test:latest',
        ips: [
          { network: 'bridge', ip: '172.17.0.3' },
          { network: 'example', ip: '172.18.0.3' },
        ],
        listening: [],
      },
      {
        kind: 'container',
        id: 'ctr:server',
        containerId: 'aaa111',
        name: 'server',
        state: 'running',
        image: 'crosstalk-test:latest',
        ips: [{ network: 'example', ip: '172.18.0.2' }],
        listening: [
          { ip: '0.0.0.0', port: 1234, loopbackOnly: false },
          { ip: '127.0.0.1', port: 5555, loopbackOnly: true },
        ],
      },
      {
        kind: 'container',
        id: 'ctr:web',
        containerId: 'ccc333',
        name: 'web',
        state: 'running',
        image: 'crosstalk-test:latest',
        ips: [{ network: 'bridge', ip: '172.17.0.4' }],
        listening: [{ ip: '::', port: 80, loopbackOnly: false }],
      },
    ]);
  });

  it('draws attachments, links, published ports and live connections once each', () => {
    expect(buildTopology(input).edges).toEqual([
      {
        kind: 'attachment',
        id: 'att:client@bridge',
        source: 'ctr:client',
        target: 'net:bridge',
        ip: '172.17.0.3',
      },
      {
        kind: 'attachment',
        id: 'att:client@example',
        source: 'ctr:client',
        target: 'net:example',
        ip: '172.18.0.3',
      },
      {
        kind: 'attachment',
        id: 'att:server@example',
        source: 'ctr:server',
        target: 'net:example',
        ip: '172.18.0.2',
      },
      {
        kind: 'attachment',
        id: 'att:web@bridge',
        source: 'ctr:web',
        target: 'net:bridge',
        ip: '172.17.0.4',
      },
      {
        kind: 'link',
        id: 'link:client->server:server',
        source: 'ctr:client',
        target: 'ctr:server',
        alias: 'server',
        network: null,
      },
      {
        kind: 'published',
        id: 'pub:0.0.0.0:8080->web:80/tcp',
        source: 'host',
        target: 'ctr:web',
        label: '0.0.0.0:8080 → 80/tcp',
        loopbackOnly: false,
      },
      {
        kind: 'published',
        id: 'pub:127.0.0.1:1234->server:1234/tcp',
        source: 'host',
        target: 'ctr:server',
        label: '127.0.0.1:1234 → 1234/tcp',
        loopbackOnly: true,
      },
      {
        kind: 'connection',
        id: 'conn:client:40000->host:8080->web',
        source: 'ctr:client',
        target: 'ctr:web',
        label: 'via host :8080',
        port: 80,
      },
      {
        kind: 'connection',
        id: 'conn:client:40001->web:80',
        source: 'ctr:client',
        target: 'ctr:web',
        label: ':40001 → 80',
        port: 80,
      },
      {
        kind: 'connection',
        id: 'conn:client:45678->server:1234',
        source: 'ctr:client',
        target: 'ctr:server',
        label: ':45678 → 1234',
        port: 1234,
      },
    ]);
  });

  it('is the same whatever order the engine listed things in', () => {
    const shuffled: TopologyInput = {
      snapshot: {
        ...snapshot,
        containers: [...snapshot.containers].reverse(),
        networks: [...snapshot.networks].reverse(),
      },
      sockets,
    };
    expect(buildTopology(shuffled)).toEqual(buildTopology(input));
  });

  it('shows host and none networks only when a container uses them', () => {
    const alone = container('ddd444', 'alone', [{ network: 'none', ip: '', gateway: '' }]);
    const topo = buildTopology({
      snapshot: { ...snapshot, containers: [alone] },
      sockets: {},
    });
    expect(topo.nodes.filter((n) => n.kind === 'network').map((n) => n.id)).toEqual([
      'net:empty',
      'net:example',
      'net:none',
    ]);
    expect(topo.edges).toEqual([
      { kind: 'attachment', id: 'att:alone@none', source: 'ctr:alone', target: 'net:none', ip: '' },
    ]);
  });

  it('leaves out a link whose target is gone, and connections to a published loopback port', () => {
    const orphan = container('eee555', 'orphan', [{ ...example, ip: '172.18.0.5' }], {
      links: [{ target: '/removed', alias: 'db', network: null }],
    });
    const topo = buildTopology({
      snapshot: { ...snapshot, containers: [server, orphan] },
      // The server publishes 1234 on 127.0.0.1 only: a container cannot reach it via the gateway.
      sockets: {
        eee555: { listening: [], connections: [conn('172.18.0.5:40100', '172.18.0.1:1234')] },
      },
    });
    expect(topo.edges.filter((e) => e.kind === 'link' || e.kind === 'connection')).toEqual([]);
  });

  it('keeps the connection of a one-shot server that stopped listening once it accepted', () => {
    const both = buildTopology({
      snapshot,
      sockets: {
        // `nc -lp 1234` after accepting: no listener left, only the connection.
        aaa111: { listening: [], connections: [conn('172.18.0.2:1234', '172.18.0.3:45678')] },
        bbb222: { listening: [], connections: [conn('172.18.0.3:45678', '172.18.0.2:1234')] },
      },
    });
    expect(both.edges.filter((e) => e.kind === 'connection').map((e) => e.id)).toEqual([
      'conn:client:45678->server:1234',
    ]);
    // One end alone proves nothing: no edge.
    const oneEnd = buildTopology({
      snapshot,
      sockets: {
        bbb222: { listening: [], connections: [conn('172.18.0.3:45678', '172.18.0.2:1234')] },
      },
    });
    expect(oneEnd.edges.filter((e) => e.kind === 'connection')).toEqual([]);
  });

  it('names the host after the engine, or generically when disconnected', () => {
    const offline = { ...snapshot, engine: { ...snapshot.engine, info: null }, containers: [] };
    expect(buildTopology({ snapshot: offline, sockets: {} }).nodes[0]).toEqual({
      kind: 'host',
      id: 'host',
      label: 'Docker host',
    });
  });
});

describe('address helpers', () => {
  it('unmaps IPv4-mapped addresses and leaves others alone', () => {
    expect(unmapIpv4('::ffff:172.18.0.2')).toBe('172.18.0.2');
    expect(unmapIpv4('::FFFF:10.0.0.1')).toBe('10.0.0.1');
    expect(unmapIpv4('::ffff:ac12:2')).toBe('::ffff:ac12:2');
    expect(unmapIpv4('fe80::1')).toBe('fe80::1');
    expect(unmapIpv4('172.18.0.2')).toBe('172.18.0.2');
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.0.0.11', '::1', '::ffff:127.0.0.1'].map(isLoopbackIp)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.0.0.0', '::', '172.18.0.2', '', '::10'].map(isLoopbackIp)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

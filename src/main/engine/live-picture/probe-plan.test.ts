import { describe, expect, it } from 'vitest';
import { container, network } from '../../../../test/support/model-fixtures';
import { planProbes, portsOf } from './probe-plan';

const example = { network: 'example', gateway: '172.18.0.1' };
const bridge = { network: 'bridge', gateway: '172.17.0.1' };
const networks = [
  network('bridge', '172.17.0.0/16', '172.17.0.1', true),
  network('example', '172.18.0.0/16', '172.18.0.1'),
  network('other', '172.19.0.0/16', '172.19.0.1'),
];
const server = container('srv', 'server', [{ ...example, ip: '172.18.0.2' }], {
  ports: [{ hostIp: '127.0.0.1', hostPort: 4321, containerPort: 1234, protocol: 'tcp' }],
});
const client = container('cli', 'client', [{ ...example, ip: '172.18.0.3' }]);
const legacy = container('leg', 'legacy', [{ ...bridge, ip: '172.17.0.5' }], {
  links: [{ target: '/server', alias: 'db', network: null }],
});
const loner = container('lon', 'loner', [
  { network: 'other', ip: '172.19.0.2', gateway: '172.19.0.1' },
]);
// The server's sockets: nc -lp 1234, and Docker's DNS on 127.0.0.11.
const listening = {
  srv: [
    { ip: '0.0.0.0', port: 1234, loopbackOnly: false },
    { ip: '127.0.0.11', port: 41459, loopbackOnly: true },
  ],
  cli: [],
};

describe('portsOf', () => {
  it('takes listening and published TCP ports, never Docker’s DNS', () => {
    expect(portsOf(server, listening.srv)).toEqual([1234]);
    expect(portsOf(client, [])).toEqual([]);
    expect(portsOf(client, [{ ip: '127.0.0.1', port: 8080, loopbackOnly: true }])).toEqual([8080]);
  });
});

describe('planProbes', () => {
  it('dials a server on a user-defined network by name, by IP and through the host', () => {
    const plans = planProbes([client, server], networks, listening);
    expect(plans.map((p) => [p.fromId, p.toId])).toEqual([
      ['cli', 'srv'],
      ['srv', 'cli'],
    ]);
    expect(plans[0]!.tasks).toEqual([
      {
        fromId: 'cli',
        toId: 'srv',
        route: 'name',
        host: 'server',
        dialPort: 1234,
        port: 1234,
        via: 'example',
      },
      {
        fromId: 'cli',
        toId: 'srv',
        route: 'ip',
        host: '172.18.0.2',
        dialPort: 1234,
        port: 1234,
        via: 'example',
      },
      {
        fromId: 'cli',
        toId: 'srv',
        route: 'host',
        host: '172.18.0.1',
        dialPort: 4321,
        port: 1234,
        via: '127.0.0.1:4321',
      },
    ]);
    expect(plans[1]).toMatchObject({
      ports: [],
      tasks: [],
      note: 'client listens on no TCP port.',
    });
  });

  it('uses a legacy link alias by name, and B’s address even without a shared network', () => {
    const [toServer] = planProbes([legacy, server], networks, listening);
    expect(toServer!.tasks.map((t) => [t.route, t.host, t.via])).toEqual([
      ['name', 'db', 'link'],
      ['ip', '172.18.0.2', 'example (legacy is not on it)'],
      ['host', '172.17.0.1', '127.0.0.1:4321'],
    ]);
  });

  it('has no name on the default bridge without a link', () => {
    const a = container('a', 'alpha', [{ ...bridge, ip: '172.17.0.2' }]);
    const b = container('b', 'beta', [{ ...bridge, ip: '172.17.0.3' }]);
    const [plan] = planProbes([a, b], networks, {
      b: [{ ip: '0.0.0.0', port: 80, loopbackOnly: false }],
    });
    expect(plan!.tasks.map((t) => t.route)).toEqual(['ip']);
  });

  it('notes a container with no network to dial from', () => {
    const none = container('n', 'isolated', [{ network: 'none', ip: '', gateway: '' }]);
    const [plan] = planProbes([none, loner], networks, {
      lon: [{ ip: '0.0.0.0', port: 80, loopbackOnly: false }],
    });
    expect(plan!.tasks.map((t) => [t.route, t.host])).toEqual([['ip', '172.19.0.2']]);
    const [reverse] = planProbes([loner, none], networks, {
      n: [{ ip: '0.0.0.0', port: 80, loopbackOnly: false }],
    });
    expect(reverse).toMatchObject({ tasks: [], note: 'loner has no network to dial isolated on.' });
  });
});

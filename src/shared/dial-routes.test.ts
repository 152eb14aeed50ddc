import { expect, it } from 'vitest';
import { dialRoutes } from './dial-routes';
import type { ContainerView, NetworkView, PortBinding } from './model';

const net = (name: string, gateway: string, bridge: string, containers: string[]): NetworkView => ({
  id: `${name}-id`,
  name,
  driver: 'bridge',
  scope: 'local',
  subnet: '',
  gateway,
  internal: false,
  bridge,
  builtin: name === 'bridge',
  owned: false,
  labId: null,
  containers,
});
const box = (name: string, ports: PortBinding[]) =>
  ({ id: name, name, state: 'running', ports }) as unknown as ContainerView;
const tcp = (hostIp: string, hostPort: number, containerPort = hostPort): PortBinding => ({
  hostIp,
  hostPort,
  containerPort,
  protocol: 'tcp',
});

it("dials each network's own gateway, and says why", () => {
  const routes = dialRoutes(
    [box('server', [tcp('0.0.0.0', 8080, 80)]), box('client', [])],
    [
      net('bridge', '172.17.0.1', 'docker0', ['server']),
      net('example', '172.20.0.1', 'br-abc', ['client']),
    ],
  );
  expect(routes.map((r) => [r.network, r.dials])).toEqual([
    ['bridge', '172.17.0.1:8080'],
    ['example', '172.20.0.1:8080'],
  ]);
  expect(routes[1]!.says).toBe(
    'the client dials 172.20.0.1:8080: 172.20.0.1 is the host’s address on example’s bridge br-abc, and the engine forwards port 8080 to server:80',
  );
  expect(routes[1]!.says).not.toContain('docker0');
});

it('a port published on loopback cannot be dialled from a container; one on an address is dialled there', () => {
  const [local, onAddress] = dialRoutes(
    [box('server', [tcp('127.0.0.1', 1234), tcp('192.0.2.7', 1235)])],
    [net('example', '172.20.0.1', 'br-abc', ['server'])],
  );
  expect(local!.dials).toBeNull();
  expect(local!.says).toContain('cannot dial 172.20.0.1:1234');
  expect(onAddress!.dials).toBe('192.0.2.7:1235');
});

it('skips networks without containers, internal ones and stopped publishers', () => {
  const stopped = { ...box('old', [tcp('', 1)]), state: 'exited' } as ContainerView;
  expect(dialRoutes([stopped], [net('bridge', '172.17.0.1', 'docker0', ['old'])])).toEqual([]);
  expect(dialRoutes([box('s', [tcp('', 1)])], [net('empty', '10.0.0.1', 'br-x', [])])).toEqual([]);
});

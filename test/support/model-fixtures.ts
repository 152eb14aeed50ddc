// Model values for unit tests, shaped as the engine reports them (recorded from the course's
// "example" network). Only tests import this (a lint rule keeps product code from it).
import type { PullProgress } from '../../src/shared/engine-map';
import type { ContainerView, NetworkView } from '../../src/shared/model';

export function network(
  name: string,
  subnet: string,
  gateway: string,
  builtin = false,
): NetworkView {
  return {
    id: `${name}-id`,
    name,
    driver: name === 'host' || name === 'none' ? name : 'bridge',
    scope: 'local',
    subnet,
    gateway,
    internal: false,
    builtin,
    owned: !builtin,
    labId: null,
    containers: [],
  };
}

export function container(
  id: string,
  name: string,
  attached: { network: string; ip: string; gateway: string }[],
  extra: Partial<ContainerView> = {},
): ContainerView {
  return {
    id,
    name,
    image: 'crosstalk-test:latest',
    command: ['bash'],
    state: 'running',
    exitCode: null,
    startedAt: '2024-05-23T02:50:43Z',
    finishedAt: '0001-01-01T00:00:00Z',
    tty: true,
    openStdin: true,
    env: [],
    hostname: id.slice(0, 12),
    owned: true,
    labId: 'lab1',
    networks: attached.map((a) => ({
      network: a.network,
      networkId: `${a.network}-id`,
      ip: a.ip,
      prefixLength: 16,
      ipv6: '',
      gateway: a.gateway,
      mac: '02:42:ac:12:00:02',
      aliases: [],
    })),
    ports: [],
    exposed: [],
    links: [],
    pid: 4242,
    created: '2024-05-23T02:50:40Z',
    ...extra,
  };
}

/** A pull under way, `fraction` of the way through, as the engine's progress reports it. */
export function pullProgress(fraction: number, image = 'busybox:latest'): PullProgress {
  return {
    image,
    fraction,
    status: 'Downloading',
    done: false,
    layers: [],
    current: 0,
    total: 0,
    error: null,
  };
}

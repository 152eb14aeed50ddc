// toContainerView on inspect output recorded from a real engine (Docker 20.10).
import { readFileSync } from 'node:fs';
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { parseLink, toContainerView } from './views';

const recorded = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'),
  ) as Dockerode.ContainerInspectInfo;

describe('toContainerView', () => {
  it('reads a server publishing 1234 with an exposed port and env', () => {
    const view = toContainerView(recorded('inspect-server.json'));
    expect(view.name).toBe('rec-server');
    expect(view.state).toBe('running');
    expect(view.exitCode).toBeNull();
    expect(view.tty).toBe(true);
    expect(view.owned).toBe(true);
    expect(view.labId).toBeNull();
    // 0.0.0.0 and :: are one wildcard binding.
    expect(view.ports).toEqual([
      { hostIp: '0.0.0.0', hostPort: 1234, containerPort: 1234, protocol: 'tcp' },
    ]);
    expect(view.exposed).toEqual(['1234/tcp', '5000/tcp']);
    expect(view.networks).toHaveLength(1);
    expect(view.networks[0]).toMatchObject({
      network: 'bridge',
      ip: '172.17.0.2',
      gateway: '172.17.0.1',
      prefixLength: 16,
    });
    expect(view.env).toContain('FOO=bar');
    expect(view.command).toEqual(['bash']);
    expect(view.pid).toBeGreaterThan(0);
  });

  it('reads a client with a legacy link and a lab label', () => {
    const view = toContainerView(recorded('inspect-client.json'));
    expect(view.links).toEqual([{ target: 'rec-server', alias: 'server', network: null }]);
    expect(view.labId).toBe('lesson-x');
    expect(view.ports).toEqual([]);
  });

  it('reads links on a user-defined network from the endpoint, as docker run --network --link makes them', () => {
    const info = recorded('inspect-client.json');
    const onNet = {
      ...info,
      HostConfig: { ...info.HostConfig, Links: null },
      NetworkSettings: {
        ...info.NetworkSettings,
        Networks: {
          example: { ...info.NetworkSettings.Networks['bridge'], Links: ['server:db', 'cache'] },
        },
      },
    };
    const view = toContainerView(onNet as unknown as Dockerode.ContainerInspectInfo);
    expect(view.links).toEqual([
      { target: 'server', alias: 'db', network: 'example' },
      { target: 'cache', alias: 'cache', network: 'example' },
    ]);
  });

  it('reports an exited container with its code', () => {
    const info = recorded('inspect-server.json');
    const exited = {
      ...info,
      State: { ...info.State, Status: 'exited', Running: false, ExitCode: 130, Pid: 0 },
    };
    const view = toContainerView(exited as Dockerode.ContainerInspectInfo);
    expect(view.state).toBe('exited');
    expect(view.exitCode).toBe(130);
  });
});

describe('parseLink', () => {
  it('reads the engine form of --link', () => {
    expect(parseLink('/server:/client/server')).toEqual({
      target: 'server',
      alias: 'server',
      network: null,
    });
    expect(parseLink('/db:/web/database')).toEqual({
      target: 'db',
      alias: 'database',
      network: null,
    });
    expect(parseLink('nonsense')).toBeNull();
  });
});

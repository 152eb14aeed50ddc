// The container inspector against real containers: what the engine says about one,
// what its own files say, and what it listens on.
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerDetails } from '../../shared/engine-map';
import { inspectContainer } from './inspector';
import { OWNED_LABEL } from './labels';
import { readContainerSockets } from './sockets/read-sockets';
import { TEST_IMAGE, docker, uniqueName, waitUntil } from '../../../test/support';

const readSockets = readContainerSockets({ docker, hostProc: true });
const created: Dockerode.Container[] = [];

async function create(
  what: string,
  options: Partial<Dockerode.ContainerCreateOptions>,
): Promise<Dockerode.Container> {
  const container = await docker.createContainer({
    name: uniqueName(`insp-${what}`),
    Image: TEST_IMAGE,
    Labels: { [OWNED_LABEL]: 'true' },
    ...options,
  });
  created.push(container);
  return container;
}

afterAll(async () => {
  await Promise.all(created.map((c) => c.remove({ force: true }).catch(() => undefined)));
});

describe('inspecting a running container that listens on loopback only', () => {
  let container: Dockerode.Container;
  let info: Dockerode.ContainerInspectInfo;
  let details: ContainerDetails;

  beforeAll(async () => {
    container = await create('server', {
      Cmd: ['bash', '-c', 'nc -l -s 127.0.0.1 -p 1234'],
      Env: ['FOO=bar'],
      ExposedPorts: { '1234/tcp': {} },
      HostConfig: { PortBindings: { '1234/tcp': [{ HostIp: '127.0.0.1', HostPort: '18234' }] } },
    });
    await container.start();
    info = await container.inspect();
    // nc needs a moment after the start to call listen().
    details = await waitUntil(
      async () => {
        const d = await inspectContainer(docker, container.id, readSockets);
        return d.listening.some((l) => l.port === 1234) ? d : null;
      },
      'nc to listen on 1234',
      10_000,
      100,
    );
  });

  it('names the container and says it runs', () => {
    expect(details).toMatchObject({
      id: info.Id,
      name: info.Name.replace(/^\//, ''),
      running: true,
      notes: [],
    });
  });

  it('lists its network with its IP and gateway', () => {
    const bridge = info.NetworkSettings.Networks['bridge']!;
    expect(details.networks).toEqual([
      {
        network: 'bridge',
        ip: bridge.IPAddress,
        gateway: bridge.Gateway,
        aliases: [],
        mac: bridge.MacAddress,
      },
    ]);
    expect(details.networks[0]!.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(details.networks[0]!.gateway).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('reads /etc/hosts from inside, with its own hostname line', () => {
    const ip = info.NetworkSettings.Networks['bridge']!.IPAddress;
    const own = details.hosts.find((l) => l.split(/\s+/).includes(info.Config.Hostname));
    expect(own).toBeDefined();
    expect(own!.split(/\s+/)[0]).toBe(ip);
    expect(details.hosts.some((l) => /^127\.0\.0\.1\s+localhost/.test(l))).toBe(true);
  });

  it('reads resolv.conf from inside, with a nameserver', () => {
    expect(details.resolvConf.some((l) => /^nameserver\s+\S+/.test(l))).toBe(true);
  });

  it('shows its environment', () => {
    expect(details.env).toContain('FOO=bar');
  });

  it('shows the published port bound to the host’s loopback', () => {
    expect(details.ports).toEqual([
      { hostIp: '127.0.0.1', hostPort: 18234, containerPort: 1234, protocol: 'tcp' },
    ]);
    expect(details.links).toEqual([]);
  });

  it('sees the listener on 127.0.0.1:1234 as loopback only', () => {
    expect(details.listening).toContainEqual({
      ip: '127.0.0.1',
      port: 1234,
      family: 4,
      loopbackOnly: true,
    });
  });

  it('warns once that port 1234 cannot be reached, not even through the published port', () => {
    expect(details.warnings).toHaveLength(1);
    expect(details.warnings[0]).toBe(
      'Port 1234 listens on 127.0.0.1 only: other containers and the published port cannot reach it. Bind to 0.0.0.0 to accept connections from outside the container.',
    );
  });

  it('finds the container by its name as well as its id', async () => {
    const byName = await inspectContainer(docker, details.name, readSockets);
    expect(byName).toMatchObject({ id: info.Id, running: true, env: details.env });
  });
});

describe('inspecting a stopped container', () => {
  it('says it is not running and leaves the inside empty, with a note', async () => {
    const container = await create('stopped', {
      Cmd: ['bash', '-c', 'exit 3'],
      Env: ['FOO=bar'],
    });
    await container.start();
    await container.wait();
    const { Name } = await container.inspect();
    const name = Name.replace(/^\//, '');
    const details = await inspectContainer(docker, container.id, readSockets);
    expect(details).toMatchObject({
      id: container.id,
      name,
      running: false,
      hosts: [],
      resolvConf: [],
      listening: [],
      warnings: [],
      notes: [`${name} is not running: its files and sockets are read when it runs.`],
    });
    expect(details.env).toContain('FOO=bar');
  });
});

describe('inspecting a container that does not exist', () => {
  it('rejects as not found, naming it', async () => {
    const missing = uniqueName('insp-missing');
    await expect(inspectContainer(docker, missing, readSockets)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining(`Inspecting ${missing} failed`),
    });
  });
});

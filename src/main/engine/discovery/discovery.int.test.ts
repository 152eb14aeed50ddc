// Discovery on this machine, against the real engine: the real environment and
// files lead to the default socket, and the addresses match what the engine and
// the host's own network interfaces say.
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OWNED_LABEL } from '../labels';
import { TEST_IMAGE, uniqueName } from '../../../../test/support';
import { describeAddresses, engineFacts } from './addresses';
import { discoverEndpoint } from './endpoint';
import { gatherDiscoveryInput } from './gather';

// An empty config folder, so a developer's own contexts cannot decide the outcome.
const configDir = mkdtempSync(join(tmpdir(), 'crosstalk-discovery-'));

beforeAll(() => {
  for (const name of ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_MACHINE_NAME', 'DOCKER_TLS_VERIFY'])
    vi.stubEnv(name, undefined);
  vi.stubEnv('DOCKER_CONFIG', configDir);
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(configDir, { recursive: true, force: true });
});

/** The IPv4 address the host itself gives an interface (listed only while it is up). */
function interfaceAddress(name: string): string | undefined {
  return networkInterfaces()[name]?.find((a) => a.family === 'IPv4')?.address;
}

describe('discovery on this machine', () => {
  it('finds the default socket from the real environment, and asks no docker-machine', () => {
    const input = gatherDiscoveryInput();
    expect(input.platform).toBe('linux');
    expect(input.dockerMachineIp).toBeNull();
    expect(discoverEndpoint(input)).toEqual({
      url: 'unix:///var/run/docker.sock',
      kind: 'unix',
      socketPath: '/var/run/docker.sock',
      tls: null,
      source: 'default socket',
      sourceDetail: 'the default socket on Linux',
      contextName: null,
      machineName: null,
    });
  });

  it('describes a local Linux engine whose host address is the bridge gateway on docker0', async () => {
    const input = gatherDiscoveryInput();
    const endpoint = discoverEndpoint(input);
    // Talk to the engine where discovery says it is.
    const docker = new Docker({ socketPath: endpoint.socketPath });
    const [info, bridge] = await Promise.all([
      docker.info(),
      docker.getNetwork('bridge').inspect(),
    ]);
    const ipamGateway = (bridge.IPAM?.Config?.[0]?.Gateway as string | undefined) ?? null;

    const addresses = describeAddresses({
      endpoint,
      engine: engineFacts(info),
      bridgeGateway: ipamGateway,
      machineIp: input.dockerMachineIp ?? null,
    });
    expect(addresses.flavour).toBe('linux-local');
    expect(addresses.flavourLabel).toBe('local Linux engine');
    expect(addresses.publishedPortsAt.address).toBe('localhost');
    expect(addresses.hostFromContainer.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // Engines that report the IPAM gateway must be taken at their word (20.10 may leave it out).
    if (ipamGateway) expect(addresses.hostFromContainer.address).toBe(ipamGateway);

    // The truth from both sides: the gateway a container on the bridge is given, and
    // the address the host holds on the bridge's interface (up while a container is on it).
    const container = await docker.createContainer({
      name: uniqueName('discovery'),
      Image: TEST_IMAGE,
      Cmd: ['sleep', '60'],
      Labels: { [OWNED_LABEL]: 'true' },
    });
    try {
      await container.start();
      const seen = (await container.inspect()).NetworkSettings.Networks['bridge']?.Gateway;
      expect(addresses.hostFromContainer.address).toBe(seen);
      const bridgeName =
        (bridge.Options as Record<string, string> | undefined)?.[
          'com.docker.network.bridge.name'
        ] ?? 'docker0';
      expect(interfaceAddress(bridgeName)).toBe(addresses.hostFromContainer.address);
    } finally {
      await container.remove({ force: true });
    }
  });
});

// The two addresses for each place an engine can live, from recorded `docker info`
// answers and endpoints as discovery produces them.
import { describe, expect, it } from 'vitest';
import { describeAddresses, type AddressInput } from './addresses';
import { discoverEndpoint, type DiscoveryInput } from './endpoint';

function endpointFor(env: Record<string, string>): AddressInput['endpoint'] {
  const input: DiscoveryInput = {
    env,
    homeDir: '/home/u',
    platform: 'linux',
    readFile: () => null,
    listDir: () => [],
  };
  return discoverEndpoint(input);
}

// `docker info` of a local engine on Ubuntu, of Docker Desktop, and of a boot2docker VM.
const linuxEngine = {
  operatingSystem: 'Ubuntu 24.04.1 LTS',
  name: 'laptop',
  kernel: '6.8.0-45-generic',
  osType: 'linux',
};
const desktopEngine = {
  operatingSystem: 'Docker Desktop',
  name: 'docker-desktop',
  kernel: '6.10.14-linuxkit',
  osType: 'linux',
};
const machineEngine = {
  operatingSystem: 'Boot2Docker 19.03.12 (TCL 10.1)',
  name: 'default',
  kernel: '4.19.130-boot2docker',
  osType: 'linux',
};

describe('describeAddresses', () => {
  it('local Linux: the bridge gateway reaches the host, ports are on localhost', () => {
    expect(
      describeAddresses({
        endpoint: endpointFor({}),
        engine: linuxEngine,
        bridgeGateway: '172.17.0.1',
        machineIp: null,
      }),
    ).toEqual({
      flavour: 'linux-local',
      flavourLabel: 'local Linux engine',
      hostFromContainer: {
        address: '172.17.0.1',
        reason: 'the default bridge’s gateway, which is the host’s docker0 address',
      },
      publishedPortsAt: {
        address: 'localhost',
        reason: 'the engine runs on this machine, so published ports are on its addresses',
      },
    });
  });

  it('local Linux: uses the gateway it is given, and Docker’s usual one without', () => {
    const endpoint = endpointFor({});
    const on = (bridgeGateway: string | null) =>
      describeAddresses({ endpoint, engine: linuxEngine, bridgeGateway, machineIp: null })
        .hostFromContainer.address;
    expect(on('10.200.0.1')).toBe('10.200.0.1');
    expect(on(null)).toBe('172.17.0.1');
  });

  it('Docker Desktop: host.docker.internal and localhost', () => {
    expect(
      describeAddresses({
        endpoint: endpointFor({ DOCKER_HOST: 'unix:///home/u/.docker/desktop/docker.sock' }),
        engine: desktopEngine,
        bridgeGateway: '172.17.0.1',
        machineIp: null,
      }),
    ).toEqual({
      flavour: 'docker-desktop',
      flavourLabel: 'Docker Desktop',
      hostFromContainer: {
        address: 'host.docker.internal',
        reason:
          'Docker Desktop runs the engine in a VM and gives containers this name for your machine',
      },
      publishedPortsAt: {
        address: 'localhost',
        reason: 'Docker Desktop forwards published ports to your machine’s localhost',
      },
    });
  });

  it('Docker Desktop: recognised by its engine name too', () => {
    const engine = { ...desktopEngine, operatingSystem: 'Ubuntu 22.04' };
    expect(
      describeAddresses({
        endpoint: endpointFor({}),
        engine,
        bridgeGateway: null,
        machineIp: null,
      }).flavour,
    ).toBe('docker-desktop');
  });

  it('docker-machine: ports on the VM’s address, as `docker-machine ip` says', () => {
    const endpoint = endpointFor({
      DOCKER_TLS_VERIFY: '1',
      DOCKER_HOST: 'tcp://192.168.99.100:2376',
      DOCKER_CERT_PATH: '/home/u/.docker/machine/machines/default',
      DOCKER_MACHINE_NAME: 'default',
    });
    const addresses = describeAddresses({
      endpoint,
      engine: machineEngine,
      bridgeGateway: '172.17.0.1',
      machineIp: '192.168.99.100',
    });
    expect(addresses).toEqual({
      flavour: 'docker-machine',
      flavourLabel: 'docker-machine VM "default" at 192.168.99.100',
      hostFromContainer: {
        address: '172.17.0.1',
        reason:
          'the engine’s host is the VM, not your machine: 172.17.0.1 is the VM’s bridge gateway (your machine is the host-only address next to 192.168.99.100, e.g. 192.168.99.1)',
      },
      publishedPortsAt: {
        address: '192.168.99.100',
        reason:
          'ports are published on the VM, which `docker-machine ip default` says is 192.168.99.100',
      },
    });
    expect(addresses.publishedPortsAt.reason).toContain('docker-machine ip');
  });

  it('docker-machine: recognised by the VM’s IP when DOCKER_MACHINE_NAME is missing', () => {
    const addresses = describeAddresses({
      endpoint: endpointFor({ DOCKER_HOST: 'tcp://192.168.99.100:2376', DOCKER_TLS_VERIFY: '1' }),
      engine: machineEngine,
      bridgeGateway: '172.17.0.1',
      machineIp: '192.168.99.100',
    });
    expect(addresses.flavour).toBe('docker-machine');
    expect(addresses.publishedPortsAt.address).toBe('192.168.99.100');
  });

  it('docker-machine: falls back to the endpoint’s host when `docker-machine ip` gave nothing', () => {
    const addresses = describeAddresses({
      endpoint: endpointFor({
        DOCKER_HOST: 'tcp://192.168.99.101:2376',
        DOCKER_MACHINE_NAME: 'dev',
      }),
      engine: machineEngine,
      bridgeGateway: '172.17.0.1',
      machineIp: null,
    });
    expect(addresses).toMatchObject({
      flavour: 'docker-machine',
      flavourLabel: 'docker-machine VM "dev" at 192.168.99.101',
      publishedPortsAt: { address: '192.168.99.101' },
    });
  });

  it('a remote engine: ports are on that host, the gateway is that host’s', () => {
    expect(
      describeAddresses({
        endpoint: endpointFor({ DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1' }),
        engine: linuxEngine,
        bridgeGateway: '172.18.0.1',
        machineIp: null,
      }),
    ).toEqual({
      flavour: 'remote',
      flavourLabel: 'remote engine at 10.0.0.5',
      hostFromContainer: {
        address: '172.18.0.1',
        reason: 'the bridge gateway on 10.0.0.5: containers reach that machine, not yours',
      },
      publishedPortsAt: {
        address: '10.0.0.5',
        reason: 'the engine runs on 10.0.0.5, so its published ports are there',
      },
    });
  });

  it('a remote engine over ssh', () => {
    const addresses = describeAddresses({
      endpoint: endpointFor({ DOCKER_HOST: 'ssh://me@build-box' }),
      engine: linuxEngine,
      bridgeGateway: '172.17.0.1',
      machineIp: null,
    });
    expect(addresses).toMatchObject({
      flavour: 'remote',
      publishedPortsAt: { address: 'build-box' },
    });
  });

  it.each(['tcp://127.0.0.1:2375', 'tcp://localhost:2375', 'tcp://[::1]:2375'])(
    '%s is this machine: local Linux',
    (host) => {
      expect(
        describeAddresses({
          endpoint: endpointFor({ DOCKER_HOST: host }),
          engine: linuxEngine,
          bridgeGateway: '172.17.0.1',
          machineIp: null,
        }),
      ).toMatchObject({
        flavour: 'linux-local',
        hostFromContainer: { address: '172.17.0.1' },
        publishedPortsAt: { address: 'localhost' },
      });
    },
  );
});

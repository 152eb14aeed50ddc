// The two addresses for each place an engine can live, from recorded `docker info`
// answers (fixtures/info-*.json) and endpoints as discovery finds them.
import { describe, expect, it } from 'vitest';
import { describeAddresses, engineFacts, type AddressInput } from './addresses';
import { discoverEndpoint } from './endpoint';
import { fakeInput, info, machineDirFiles, machineEnv } from './fixtures/inputs';

const endpointFor = (env: Record<string, string> = {}) =>
  discoverEndpoint(fakeInput({ env, files: machineDirFiles }));

const linux = engineFacts(info.linux);
const desktop = engineFacts(info.desktop);
const boot2docker = engineFacts(info.boot2docker);

const describeFor = (over: Partial<AddressInput>) =>
  describeAddresses({
    endpoint: endpointFor(),
    engine: linux,
    bridgeGateway: '172.17.0.1',
    machineIp: null,
    ...over,
  });

describe('engineFacts', () => {
  it('takes the fields that tell engines apart from `docker info`', () => {
    expect(desktop).toEqual({
      operatingSystem: 'Docker Desktop',
      name: 'docker-desktop',
      kernel: '6.10.14-linuxkit',
      osType: 'linux',
    });
    expect(engineFacts({})).toEqual({ operatingSystem: '', name: '', kernel: '', osType: '' });
  });
});

describe('describeAddresses', () => {
  it('local Linux: the bridge gateway reaches the host, ports are on localhost', () => {
    expect(describeFor({})).toEqual({
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

  it('local Linux: uses the gateway it is given, and says so when it falls back to Docker’s usual one', () => {
    expect(describeFor({ bridgeGateway: '10.200.0.1' }).hostFromContainer.address).toBe(
      '10.200.0.1',
    );
    expect(describeFor({ bridgeGateway: null }).hostFromContainer).toEqual({
      address: '172.17.0.1',
      reason:
        'the default bridge’s gateway, which is the host’s docker0 address (Docker’s usual address: the engine reported none)',
    });
  });

  it.each([
    'tcp://127.0.0.1:2375',
    'tcp://localhost:2375',
    'tcp://[::1]:2375',
    'ssh://me@localhost',
  ])('%s is this machine: local Linux', (host) => {
    expect(describeFor({ endpoint: endpointFor({ DOCKER_HOST: host }) })).toMatchObject({
      flavour: 'linux-local',
      hostFromContainer: { address: '172.17.0.1' },
      publishedPortsAt: { address: 'localhost' },
    });
  });

  it('Docker Desktop: host.docker.internal and localhost', () => {
    const endpoint = endpointFor({ DOCKER_HOST: 'unix:///home/u/.docker/desktop/docker.sock' });
    expect(describeFor({ endpoint, engine: desktop })).toEqual({
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

  it('Docker Desktop: recognised by its engine name alone too', () => {
    const engine = { ...desktop, operatingSystem: 'Ubuntu 22.04' };
    expect(describeFor({ engine, bridgeGateway: null }).flavour).toBe('docker-desktop');
  });

  it('docker-machine: the VM’s bridge gateway, ports on the VM’s address from `docker-machine ip`', () => {
    const addresses = describeFor({
      endpoint: endpointFor(machineEnv),
      engine: boot2docker,
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
  });

  it('docker-machine: recognised by the VM’s IP when DOCKER_MACHINE_NAME is missing', () => {
    const { DOCKER_MACHINE_NAME: _name, ...env } = machineEnv;
    expect(
      describeFor({ endpoint: endpointFor(env), engine: boot2docker, machineIp: '192.168.99.100' }),
    ).toMatchObject({
      flavour: 'docker-machine',
      flavourLabel: 'docker-machine VM at 192.168.99.100',
      publishedPortsAt: {
        address: '192.168.99.100',
        reason: 'ports are published on the VM, which `docker-machine ip` says is 192.168.99.100',
      },
    });
  });

  it('docker-machine: falls back to DOCKER_HOST’s address when `docker-machine ip` gave nothing', () => {
    const endpoint = endpointFor({
      DOCKER_HOST: 'tcp://192.168.99.101:2376',
      DOCKER_MACHINE_NAME: 'dev',
    });
    expect(describeFor({ endpoint, engine: boot2docker })).toMatchObject({
      flavour: 'docker-machine',
      flavourLabel: 'docker-machine VM "dev" at 192.168.99.101',
      publishedPortsAt: {
        address: '192.168.99.101',
        reason: 'ports are published on the VM, which DOCKER_HOST reaches at 192.168.99.101',
      },
    });
  });

  it('docker-machine: a VM IP that is not the endpoint does not make a local engine a VM', () => {
    expect(describeFor({ machineIp: '192.168.99.100' }).flavour).toBe('linux-local');
  });

  it('a remote engine: ports are on that host, the gateway is that host’s', () => {
    const endpoint = endpointFor({ DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1' });
    expect(describeFor({ endpoint, bridgeGateway: '172.18.0.1' })).toEqual({
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

  it('a local socket to an engine in another network namespace: ports are on its host, not localhost', () => {
    const lab = { ...linux, name: 'crosstalk-lab-node1' };
    const here = { hostname: 'vm', addresses: ['127.0.0.1', '192.0.2.2', '172.17.0.1'] };
    const elsewhere = describeFor({ engine: lab, bridgeGateway: '10.212.1.1', thisMachine: here });
    expect(elsewhere.flavour).toBe('remote');
    expect(elsewhere.flavourLabel).toContain('crosstalk-lab-node1');
    expect(elsewhere.publishedPortsAt.address).toBe('crosstalk-lab-node1');
    expect(elsewhere.publishedPortsAt.reason).toContain('not on this machine’s localhost');
    expect(elsewhere.hostFromContainer.address).toBe('10.212.1.1');
    // As a swarm node it knows its own address.
    const node = describeFor({
      engine: lab,
      bridgeGateway: '10.212.1.1',
      thisMachine: here,
      nodeAddress: '10.212.0.1',
    });
    expect(node.publishedPortsAt.address).toBe('10.212.0.1');
  });

  it('a local socket to an engine on this machine stays local (its name or its bridge is here)', () => {
    const here = { hostname: 'vm', addresses: ['127.0.0.1', '172.17.0.1'] };
    expect(
      describeFor({
        engine: { ...linux, name: 'vm' },
        bridgeGateway: '10.88.0.1',
        thisMachine: here,
      }).flavour,
    ).toBe('linux-local');
    expect(describeFor({ engine: { ...linux, name: 'other' }, thisMachine: here }).flavour).toBe(
      'linux-local',
    );
  });

  it('a remote engine over ssh', () => {
    expect(
      describeFor({ endpoint: endpointFor({ DOCKER_HOST: 'ssh://me@build-box' }) }),
    ).toMatchObject({
      flavour: 'remote',
      flavourLabel: 'remote engine at build-box',
      publishedPortsAt: { address: 'build-box' },
    });
  });
  it('a second dockerd on its own bridge names that bridge, not docker0', () => {
    const addresses = describeFor({ bridgeGateway: '10.113.0.1', bridgeName: 'ctctbr0' });
    expect(addresses.hostFromContainer).toEqual({
      address: '10.113.0.1',
      reason: 'the default bridge’s gateway, which is the host’s ctctbr0 address',
    });
  });

  it('local Podman: its own bridge’s gateway (podman0), not docker0; ports on localhost', () => {
    const addresses = describeFor({ kind: 'podman', bridgeGateway: '10.88.0.1' });
    expect(addresses).toMatchObject({
      flavour: 'linux-local',
      flavourLabel: 'local Podman engine',
      hostFromContainer: { address: '10.88.0.1' },
      publishedPortsAt: { address: 'localhost' },
    });
    expect(addresses.hostFromContainer.reason).toContain('podman0');
    expect(addresses.hostFromContainer.reason).not.toContain('docker0');
  });
});

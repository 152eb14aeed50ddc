// The two addresses people get wrong: how a container reaches the host, and
// where the person reaches published ports. Both depend on where the engine
// lives: local Linux, Docker Desktop, a docker-machine VM, or a remote host.
import type { EngineMap, Reasoned } from '../../../shared/engine-map';
import type { EngineEndpoint } from './endpoint';

export interface AddressInput {
  endpoint: EngineEndpoint;
  engine: { operatingSystem: string; name: string; kernel: string; osType: string };
  /** Gateway of the default bridge as its containers see it, e.g. 172.17.0.1. */
  bridgeGateway: string | null;
  /** `docker-machine ip` output, e.g. 192.168.99.100. */
  machineIp: string | null;
}

export type EngineAddresses = Pick<
  EngineMap,
  'flavour' | 'flavourLabel' | 'hostFromContainer' | 'publishedPortsAt'
>;

const isLoopback = (host: string) =>
  host === 'localhost' || host.startsWith('127.') || host === '::1';

export function describeAddresses(input: AddressInput): EngineAddresses {
  const { endpoint, engine, bridgeGateway, machineIp } = input;
  const gateway = bridgeGateway ?? '172.17.0.1';
  const desktop =
    /Docker Desktop/i.test(engine.operatingSystem) || engine.name === 'docker-desktop';
  const machine =
    endpoint.machineName !== null || (machineIp !== null && endpoint.host === machineIp);
  const remote =
    (endpoint.kind === 'tcp' || endpoint.kind === 'ssh') && !isLoopback(endpoint.host ?? '');

  if (desktop) {
    return {
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
    };
  }
  if (machine) {
    const vm = machineIp ?? endpoint.host ?? 'the VM';
    const name = endpoint.machineName ?? 'default';
    return {
      flavour: 'docker-machine',
      flavourLabel: `docker-machine VM "${name}" at ${vm}`,
      hostFromContainer: {
        address: gateway,
        reason: `the engine’s host is the VM, not your machine: ${gateway} is the VM’s bridge gateway (your machine is the host-only address next to ${vm}, e.g. ${vm.replace(/\.\d+$/, '.1')})`,
      },
      publishedPortsAt: {
        address: vm,
        reason: `ports are published on the VM, which \`docker-machine ip ${name}\` says is ${vm}`,
      },
    };
  }
  if (remote) {
    const host = endpoint.host!;
    return {
      flavour: 'remote',
      flavourLabel: `remote engine at ${host}`,
      hostFromContainer: {
        address: gateway,
        reason: `the bridge gateway on ${host}: containers reach that machine, not yours`,
      },
      publishedPortsAt: {
        address: host,
        reason: `the engine runs on ${host}, so its published ports are there`,
      },
    };
  }
  const linuxReason: Reasoned = {
    address: gateway,
    reason: 'the default bridge’s gateway, which is the host’s docker0 address',
  };
  return {
    flavour: 'linux-local',
    flavourLabel: 'local Linux engine',
    hostFromContainer: linuxReason,
    publishedPortsAt: {
      address: 'localhost',
      reason: 'the engine runs on this machine, so published ports are on its addresses',
    },
  };
}

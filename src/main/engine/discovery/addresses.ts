// The two addresses people get wrong: how a container reaches the host, and
// where the person reaches published ports. Both follow from where the engine
// lives: local Linux, Docker Desktop, a docker-machine VM, or a remote host.
// Pure: the caller reads `docker info`, the bridge network and `docker-machine ip`.
import type { EngineMap, Reasoned } from '../../../shared/engine-map';
import type { EngineKind } from '../../../shared/model';
import type { EngineEndpoint } from './types';

export type Reason = Reasoned;

export interface AddressInput {
  endpoint: EngineEndpoint;
  /** From `docker info`: OperatingSystem, Name, KernelVersion, OSType. */
  engine: { operatingSystem: string; name: string; kernel: string; osType: string };
  /** IPAM gateway of the default "bridge" network, e.g. 172.17.0.1. */
  bridgeGateway: string | null;
  /** The host interface of the default bridge (docker0 unless dockerd was given --bridge). */
  bridgeName?: string | null;
  /** `docker-machine ip` output, e.g. 192.168.99.100. */
  machineIp: string | null;
  /** The product answering (from its version); Docker Engine when not given. */
  kind?: EngineKind;
  /** This machine's host name and interface addresses, to tell whether a socket's engine is really here. */
  thisMachine?: { hostname: string; addresses: string[] };
  /** The engine's own address when it is a swarm node (docker info .Swarm.NodeAddr). */
  nodeAddress?: string;
}

/** The fields of `docker info` (dockerode's DockerInfo) that tell engines apart. */
export interface EngineInfo {
  OperatingSystem?: string;
  Name?: string;
  KernelVersion?: string;
  OSType?: string;
}

export function engineFacts(info: EngineInfo): AddressInput['engine'] {
  return {
    operatingSystem: info.OperatingSystem ?? '',
    name: info.Name ?? '',
    kernel: info.KernelVersion ?? '',
    osType: info.OSType ?? '',
  };
}

export type EngineAddresses = Pick<
  EngineMap,
  'flavour' | 'flavourLabel' | 'hostFromContainer' | 'publishedPortsAt'
>;

// Docker's own default for the bridge, for engines that do not report theirs.
const USUAL_GATEWAY = '172.17.0.1';

const isLoopback = (host: string) =>
  host === 'localhost' || host.startsWith('127.') || host === '::1' || host === '0.0.0.0';

function isDesktop(engine: AddressInput['engine']): boolean {
  return /Docker Desktop/i.test(engine.operatingSystem) || engine.name === 'docker-desktop';
}

/** The gateway reason with its address, saying so when the address is Docker's default, not the engine's. */
function gatewayReason(gateway: string | null, why: string): Reason {
  if (gateway) return { address: gateway, reason: why };
  return {
    address: USUAL_GATEWAY,
    reason: `${why} (Docker’s usual address: the engine reported none)`,
  };
}

function dockerMachine(input: AddressInput, vm: string): EngineAddresses {
  const name = input.endpoint.machineName;
  const gateway = input.bridgeGateway ?? USUAL_GATEWAY;
  const tool = name ? `docker-machine ip ${name}` : 'docker-machine ip';
  const whereFrom = input.machineIp ? `\`${tool}\` says is ${vm}` : `DOCKER_HOST reaches at ${vm}`;
  return {
    flavour: 'docker-machine',
    flavourLabel: `docker-machine VM ${name ? `"${name}" ` : ''}at ${vm}`,
    hostFromContainer: gatewayReason(
      input.bridgeGateway,
      `the engine’s host is the VM, not your machine: ${gateway} is the VM’s bridge gateway (your machine is the host-only address next to ${vm}, e.g. ${vm.replace(/\.\d+$/, '.1')})`,
    ),
    publishedPortsAt: {
      address: vm,
      reason: `ports are published on the VM, which ${whereFrom}`,
    },
  };
}

export function describeAddresses(input: AddressInput): EngineAddresses {
  const { endpoint, bridgeGateway, machineIp } = input;
  const host = endpoint.kind === 'tcp' || endpoint.kind === 'ssh' ? endpoint.host : undefined;

  if (isDesktop(input.engine)) {
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
  // A machine name comes with DOCKER_HOST only from `docker-machine env`; without it,
  // the endpoint being the VM's address is the tell.
  if (endpoint.machineName !== null || (machineIp !== null && host === machineIp)) {
    const vm = machineIp ?? host;
    if (vm) return dockerMachine(input, vm);
  }
  const podman = input.kind === 'podman';
  if (host !== undefined && !isLoopback(host)) {
    return {
      flavour: 'remote',
      flavourLabel: `remote ${podman ? 'Podman ' : ''}engine at ${host}`,
      hostFromContainer: gatewayReason(
        bridgeGateway,
        `the bridge gateway on ${host}: containers reach that machine, not yours`,
      ),
      publishedPortsAt: {
        address: host,
        reason: `the engine runs on ${host}, so its published ports are there`,
      },
    };
  }
  const elsewhere = elsewhereBehindSocket(input);
  if (elsewhere) return elsewhere;
  if (podman) {
    // Podman's default network is its own bridge (podman0, netavark), not docker0.
    return {
      flavour: 'linux-local',
      flavourLabel: 'local Podman engine',
      hostFromContainer: gatewayReason(
        bridgeGateway,
        'the default network’s gateway, which is the host’s address on Podman’s bridge (podman0); Podman also writes it into each container’s /etc/hosts as host.containers.internal',
      ),
      publishedPortsAt: {
        address: 'localhost',
        reason: 'Podman runs on this machine, so published ports are on its addresses',
      },
    };
  }
  return {
    flavour: 'linux-local',
    flavourLabel: 'local Linux engine',
    hostFromContainer: gatewayReason(
      bridgeGateway,
      `the default bridge’s gateway, which is the host’s ${input.bridgeName || 'docker0'} address`,
    ),
    publishedPortsAt: {
      address: 'localhost',
      reason: 'the engine runs on this machine, so published ports are on its addresses',
    },
  };
}

/**
 * A local socket does not prove a local engine: a dockerd in another network namespace (the
 * two-host lab) or a VM whose socket is forwarded answers on one too. When the engine reports a
 * host name other than this machine's and its bridge gateway is none of this machine's
 * addresses, its published ports are on its own host, not on this machine's localhost.
 */
function elsewhereBehindSocket(input: AddressInput): EngineAddresses | null {
  const { thisMachine, bridgeGateway, engine } = input;
  if (!thisMachine || !bridgeGateway || engine.name === '') return null;
  if (engine.name === thisMachine.hostname || thisMachine.addresses.includes(bridgeGateway)) {
    return null;
  }
  const where = input.nodeAddress
    ? `${engine.name}’s own address, ${input.nodeAddress}`
    : `the addresses of ${engine.name}`;
  return {
    flavour: 'remote',
    flavourLabel: `engine "${engine.name}" in another network namespace or VM, behind a local socket`,
    hostFromContainer: gatewayReason(
      bridgeGateway,
      `the bridge gateway on ${engine.name}: containers reach that host, not this machine`,
    ),
    publishedPortsAt: {
      address: input.nodeAddress ?? engine.name,
      reason: `the engine’s bridge (${bridgeGateway}) is not on this machine and it calls itself ${engine.name}, not ${thisMachine.hostname}: published ports are on ${where}, not on this machine’s localhost`,
    },
  };
}

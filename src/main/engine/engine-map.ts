// The engine map: where the engine lives, how it was found, and the two
// addresses that follow from that, read from the live engine.
import { hostname, networkInterfaces } from 'node:os';
import type Dockerode from 'dockerode';
import type { EngineMap } from '../../shared/engine-map';
import {
  describeAddresses,
  engineFacts,
  dockerMachineIp,
  type EngineAddresses,
  type EngineEndpoint,
} from './discovery';
import { engineProduct } from './discovery/engine-kind';
import { describeLink } from './discovery/link';

/** The default bridge's gateway: from IPAM, else as a container on it sees it. */
export async function bridgeGateway(docker: Dockerode): Promise<string | null> {
  const bridge = await docker.getNetwork('bridge').inspect();
  const ipam = bridge.IPAM?.Config?.[0]?.Gateway;
  if (ipam) return ipam;
  const attached = Object.keys(bridge.Containers ?? {});
  for (const id of attached) {
    const info = await docker
      .getContainer(id)
      .inspect()
      .catch(() => null);
    const gw = info?.NetworkSettings.Networks['bridge']?.Gateway;
    if (gw) return gw;
  }
  // No container to ask: the bridge's subnet with host number 1 is Docker's rule.
  const subnet = bridge.IPAM?.Config?.[0]?.Subnet;
  return subnet ? subnet.replace(/\.0\/\d+$/, '.1') : null;
}

/** The default bridge's host interface: docker0, or what dockerd's --bridge named. */
export async function bridgeName(docker: Dockerode): Promise<string | null> {
  const bridge = await docker.getNetwork('bridge').inspect();
  const options = bridge.Options as Record<string, string> | undefined;
  return options?.['com.docker.network.bridge.name'] ?? null;
}

/** This machine's host name and every address of its interfaces. */
export function thisMachine(): { hostname: string; addresses: string[] } {
  const addresses = Object.values(networkInterfaces()).flatMap((list) =>
    (list ?? []).map((a) => a.address),
  );
  return { hostname: hostname(), addresses };
}

export async function engineMap(docker: Dockerode, endpoint: EngineEndpoint): Promise<EngineMap> {
  const [info, version, gateway, bridge, machineIp] = await Promise.all([
    docker.info(),
    docker.version(),
    bridgeGateway(docker).catch(() => null),
    bridgeName(docker).catch(() => null),
    dockerMachineIp(endpoint.machineName),
  ]);
  const engine = engineFacts(info);
  const product = engineProduct(version, info);
  const addresses: EngineAddresses = describeAddresses({
    endpoint,
    engine,
    bridgeGateway: gateway,
    bridgeName: bridge,
    machineIp,
    kind: product.kind,
    thisMachine: thisMachine(),
    nodeAddress: info.Swarm?.NodeAddr || undefined,
  });
  return {
    endpoint: endpoint.url,
    link: describeLink(endpoint),
    product: product.label,
    source: endpoint.source,
    sourceDetail: endpoint.sourceDetail,
    os: engine.operatingSystem,
    version: version.Version,
    kernel: engine.kernel,
    ...addresses,
  };
}

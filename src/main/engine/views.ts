// Engine inspect data → the renderer's plain model. Pure, so it is unit-tested
// on recorded inspect output.
import type Dockerode from 'dockerode';
import type {
  ContainerLink,
  ContainerNetwork,
  ContainerState,
  ContainerView,
  EngineKind,
  NetworkView,
  PortBinding,
  Protocol,
} from '../../shared/model';
import { isOwned, labOf } from './labels';

const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none']);

type PortMap = Record<string, { HostIp: string; HostPort: string }[] | null> | null | undefined;

function parsePorts(map: PortMap): PortBinding[] {
  const out: PortBinding[] = [];
  for (const [key, bindings] of Object.entries(map ?? {})) {
    const [port, proto = 'tcp'] = key.split('/');
    for (const b of bindings ?? []) {
      const hostPort = Number(b.HostPort);
      if (!hostPort) continue;
      out.push({
        hostIp: b.HostIp || '0.0.0.0',
        hostPort,
        containerPort: Number(port),
        protocol: proto as Protocol,
      });
    }
  }
  // The engine reports a wildcard binding twice (0.0.0.0 and ::); one is what was asked for.
  const unique = out.filter(
    (p) =>
      p.hostIp !== '::' ||
      !out.some(
        (q) => q.hostIp === '0.0.0.0' && q.hostPort === p.hostPort && q.protocol === p.protocol,
      ),
  );
  return unique.sort((a, b) => a.hostPort - b.hostPort || a.hostIp.localeCompare(b.hostIp));
}

/** HostConfig.Links' "/server:/client/alias" → { target: "server", alias: "alias" } */
export function parseLink(link: string): ContainerLink | null {
  const m = /^\/?([^:]+):\/?[^/]+\/(.+)$/.exec(link);
  return m ? { target: m[1]!.replace(/^\//, ''), alias: m[2]!, network: null } : null;
}

/** An endpoint's "server:alias" (or "server") on a user-defined network. */
export function parseEndpointLink(link: string, network: string): ContainerLink | null {
  const m = /^\/?([^:/]+)(?::\/?([^:/]+))?$/.exec(link);
  return m ? { target: m[1]!, alias: m[2] ?? m[1]!, network } : null;
}

export function toContainerView(info: Dockerode.ContainerInspectInfo): ContainerView {
  const settings = info.NetworkSettings;
  const networks: ContainerNetwork[] = Object.entries(settings?.Networks ?? {})
    .map(([name, n]) => ({
      network: name,
      networkId: n.NetworkID ?? '',
      ip: n.IPAddress ?? '',
      prefixLength: n.IPPrefixLen ?? 0,
      ipv6: n.GlobalIPv6Address ?? '',
      gateway: n.Gateway ?? '',
      mac: n.MacAddress ?? '',
      aliases: ((n.Aliases ?? []) as string[]).filter((a) => !info.Id.startsWith(a)),
    }))
    .sort((a, b) => a.network.localeCompare(b.network));
  // Running containers report live bindings; stopped ones only what was asked for.
  const live = parsePorts(settings?.Ports as PortMap);
  const ports = live.length ? live : parsePorts(info.HostConfig?.PortBindings as PortMap);
  const state = info.State;
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    image: info.Config?.Image ?? info.Image,
    command: [...(info.Path ? [info.Path] : []), ...(info.Args ?? [])],
    state: (state?.Status ?? 'created') as ContainerState,
    exitCode:
      state?.Status === 'exited' || state?.Status === 'dead' ? (state.ExitCode ?? null) : null,
    startedAt: state?.StartedAt ?? '',
    finishedAt: state?.FinishedAt ?? '',
    tty: Boolean(info.Config?.Tty),
    openStdin: Boolean(info.Config?.OpenStdin),
    env: info.Config?.Env ?? [],
    hostname: info.Config?.Hostname ?? '',
    owned: isOwned(info.Config?.Labels),
    labId: labOf(info.Config?.Labels),
    networks,
    ports,
    exposed: Object.keys(info.Config?.ExposedPorts ?? {}).sort(),
    links: [
      ...((info.HostConfig?.Links ?? []) as string[]).map((l) => parseLink(l)),
      // `docker run --network x --link y` puts the link on the endpoint, not in HostConfig.
      ...Object.entries(settings?.Networks ?? {}).flatMap(([name, n]) =>
        ((n.Links ?? []) as string[]).map((l) => parseEndpointLink(l, name)),
      ),
    ].filter((l): l is ContainerLink => l !== null),
    pid: state?.Pid ?? 0,
    created: info.Created,
  };
}

/**
 * A bridge network's interface on the host: named in its options, else Docker's br-<first 12 of
 * its id>; Podman names its own (podman0, …) without saying, so there it stays unknown.
 */
function bridgeName(info: Dockerode.NetworkInspectInfo, kind: EngineKind | undefined): string {
  if (info.Driver !== 'bridge') return '';
  const named = info.Options?.['com.docker.network.bridge.name'];
  if (named) return named;
  return kind === 'podman' ? '' : `br-${info.Id.slice(0, 12)}`;
}

export function toNetworkView(
  info: Dockerode.NetworkInspectInfo,
  containerIds: string[],
  kind?: EngineKind,
): NetworkView {
  const ipam = info.IPAM?.Config?.[0];
  return {
    id: info.Id,
    name: info.Name,
    driver: info.Driver,
    scope: info.Scope,
    subnet: ipam?.Subnet ?? '',
    gateway: ipam?.Gateway ?? '',
    internal: Boolean(info.Internal),
    bridge: bridgeName(info, kind),
    builtin: BUILTIN_NETWORKS.has(info.Name),
    owned: isOwned(info.Labels),
    labId: labOf(info.Labels),
    containers: containerIds,
  };
}

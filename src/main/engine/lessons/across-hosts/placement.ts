// Where the lesson's containers are and how the overlay joins them: each container's host and
// overlay address, and the overlay's underlay (VXLAN) peers, read from both engines.
import type Dockerode from 'dockerode';

export interface Placed {
  container: string;
  host: string;
  running: boolean;
  /** Its address on the overlay, '' when not attached. */
  overlayIp: string;
}

export async function placed(
  docker: Dockerode,
  host: string,
  container: string,
  network: string,
): Promise<Placed> {
  const info = await docker
    .getContainer(container)
    .inspect()
    .catch(() => null);
  return {
    container,
    host,
    running: info?.State.Running ?? false,
    overlayIp: info?.NetworkSettings.Networks[network]?.IPAddress ?? '',
  };
}

export interface OverlayFacts {
  driver: string;
  attachable: boolean;
  scope: string;
  subnet: string;
  vxlanId: string;
  /** The hosts VXLAN carries this overlay between: their underlay addresses. */
  peers: { name: string; ip: string }[];
}

export async function overlayFacts(
  docker: Dockerode,
  network: string,
): Promise<OverlayFacts | null> {
  const info = (await docker
    .getNetwork(network)
    .inspect()
    .catch(() => null)) as
    | (Dockerode.NetworkInspectInfo & {
        Attachable?: boolean;
        Peers?: { Name: string; IP: string }[] | null;
      })
    | null;
  if (!info) return null;
  return {
    driver: info.Driver,
    attachable: Boolean(info.Attachable),
    scope: info.Scope,
    subnet: info.IPAM?.Config?.[0]?.Subnet ?? '',
    vxlanId: info.Options?.['com.docker.network.driver.overlay.vxlanid_list'] ?? '',
    peers: (info.Peers ?? []).map((p) => ({ name: p.Name, ip: p.IP })),
  };
}

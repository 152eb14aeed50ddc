// The e2e tests' direct line to the engine: for setting the stage, reading the
// engine's truth, and cleaning up. Never used to fake what the UI does.
import { cleanupOwned } from '../src/main/engine/networks';

import { TEST_IMAGE, docker, ENDPOINT } from '../test/support/engine';

export { TEST_IMAGE, docker, ENDPOINT };
/** Busybox alone, like the public image lessons default to (its own small nc). */
export const BUSYBOX_IMAGE = 'crosstalk-busybox:latest';

/** Removes every container and network Crosstalk (or a test) labelled as its own. */
export async function removeOwned(): Promise<void> {
  await cleanupOwned(docker);
}

/** The host's address as a container sees it: the gateway of its network. */
export async function gatewayOf(container: string, network = 'bridge'): Promise<string> {
  const info = await docker.getContainer(container).inspect();
  const gateway = info.NetworkSettings.Networks[network]?.Gateway;
  if (!gateway) throw new Error(`${container} has no gateway on ${network}.`);
  return gateway;
}

/**
 * Sets the stage: a running container with a shell on a TTY, labelled as Crosstalk's own,
 * on the labelled user network "stage" (its own bridge, so the test does not depend on the
 * default bridge, which other engines on a shared machine have been seen to take down).
 */
export async function startShell(name: string, network = 'stage'): Promise<void> {
  const labels = { 'io.crosstalk.owned': 'true' };
  const existing = await docker.listNetworks({ filters: { name: [network] } });
  if (!existing.some((n) => n.Name === network))
    await docker.createNetwork({ Name: network, Labels: labels });
  const container = await docker.createContainer({
    name,
    Image: TEST_IMAGE,
    Cmd: ['bash'],
    Tty: true,
    OpenStdin: true,
    Labels: labels,
    HostConfig: { NetworkMode: network },
  });
  await container.start();
}

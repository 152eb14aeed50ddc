// Network actions and the labelled clean-up.
import type Dockerode from 'dockerode';
import { AppError } from '../../shared/errors';
import { engineStatus, fromEngine } from './docker-errors';
import { exactNetwork } from './exact-ref';
import { ownedFilter, ownershipLabels } from './labels';
import { removeNetworksQuietly } from './remove-quietly';

export async function createNetwork(
  docker: Dockerode,
  name: string,
  labId?: string,
): Promise<{ id: string; name: string }> {
  const existing = await docker.listNetworks({ filters: { name: [name] } });
  if (existing.some((n) => n.Name === name)) {
    throw new AppError(
      'name-in-use',
      `A network named "${name}" already exists.`,
      'Choose another name, or use the existing network.',
    );
  }
  try {
    const network = await docker.createNetwork({
      Name: name,
      Driver: 'bridge',
      CheckDuplicate: true,
      Labels: ownershipLabels(labId),
    });
    return { id: network.id, name };
  } catch (error) {
    throw fromEngine(error, `Creating network "${name}"`);
  }
}

export async function removeNetwork(docker: Dockerode, ref: string): Promise<void> {
  let network: Dockerode.Network;
  let info: Dockerode.NetworkInspectInfo;
  try {
    network = docker.getNetwork(await exactNetwork(docker, ref));
    info = await network.inspect();
  } catch (error) {
    throw fromEngine(error, `Removing network ${ref}`);
  }
  if (['bridge', 'host', 'none'].includes(info.Name)) {
    throw new AppError(
      'invalid-input',
      `"${info.Name}" is one of the engine's own networks.`,
      'Only networks you created can be removed.',
    );
  }
  const attached = Object.values(info.Containers ?? {}).map((c) => c.Name);
  if (attached.length) {
    throw new AppError(
      'invalid-input',
      `Network "${info.Name}" still has containers: ${attached.join(', ')}.`,
      'Remove those containers (or disconnect them) first.',
    );
  }
  try {
    await network.remove();
  } catch (error) {
    throw fromEngine(error, `Removing network "${info.Name}"`);
  }
}

/** Removes the labelled containers, then the labelled networks (of one lab, if given). */
export async function cleanupOwned(
  docker: Dockerode,
  labId?: string,
  /** Only these (by id), of what is owned: what the person confirmed. */
  only?: { containers: readonly string[]; networks: readonly string[] },
): Promise<{ containers: number; networks: number }> {
  const filters = ownedFilter(labId);
  const listed = (ids: readonly string[] | undefined, id: string) => !ids || ids.includes(id);
  const containers = (await docker.listContainers({ all: true, filters })).filter((c) =>
    listed(only?.containers, c.Id),
  );
  await Promise.all(
    containers.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(async (e: unknown) => {
          const status = engineStatus(e);
          if (status === 404) return;
          // Another clean-up (a second window, a lesson's reset) is removing it already:
          // done once it is gone, so its networks can go after it.
          if (status === 409 && /already in progress/i.test(String(e)))
            return untilRemoved(docker, c.Id, c.Names[0] ?? c.Id);
          throw fromEngine(e, `Removing ${c.Names[0]}`);
        }),
    ),
  );
  const networks = (await docker.listNetworks({ filters })).filter((n) =>
    listed(only?.networks, n.Id),
  );
  await removeNetworksQuietly(
    docker,
    networks.map((n) => n.Id),
  );
  return { containers: containers.length, networks: networks.length };
}

/** Resolves when the engine no longer knows the container (another removal finishing). */
async function untilRemoved(docker: Dockerode, id: string, name: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      await docker.getContainer(id).inspect();
    } catch (e) {
      if (engineStatus(e) === 404) return;
      throw fromEngine(e, `Removing ${name}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new AppError(
    'engine-error',
    `Removing ${name} failed: another removal of it has not finished in 30 s.`,
    'The engine may be busy; try Clean up again in a moment.',
  );
}

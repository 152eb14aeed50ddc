// Removing what may already be gone, as clean-ups and roll-backs do: containers by force,
// all at once, and a failure (removed meanwhile, a network still in use, the engine gone) is
// passed over, so that one cannot keep the others.
import type Dockerode from 'dockerode';

/** Removes these containers (ids or names) by force; resolves when each has been tried. */
export async function removeContainersQuietly(
  docker: Dockerode,
  refs: readonly string[],
): Promise<void> {
  await Promise.all(
    refs.map((ref) =>
      docker
        .getContainer(ref)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
}

/** Removes these networks (ids or names); resolves when each has been tried. */
export async function removeNetworksQuietly(
  docker: Dockerode,
  refs: readonly string[],
): Promise<void> {
  await Promise.all(
    refs.map((ref) =>
      docker
        .getNetwork(ref)
        .remove()
        .catch(() => undefined),
    ),
  );
}

// Removing what may already be gone, as clean-ups and roll-backs do: all at once, and a
// failure (removed meanwhile, a network still in use, the engine gone) is passed over, so
// that one cannot keep the others.
import type Dockerode from 'dockerode';

/** Tries `remove` on each ref; resolves when each has been tried. */
async function tryEach(refs: readonly string[], remove: (ref: string) => Promise<unknown>) {
  await Promise.all(refs.map((ref) => remove(ref).catch(() => undefined)));
}

/** Removes these containers (ids or names) by force. */
export function removeContainersQuietly(docker: Dockerode, refs: readonly string[]) {
  return tryEach(refs, (ref) => docker.getContainer(ref).remove({ force: true }));
}

/** Removes these networks (ids or names). */
export function removeNetworksQuietly(docker: Dockerode, refs: readonly string[]) {
  return tryEach(refs, (ref) => docker.getNetwork(ref).remove());
}

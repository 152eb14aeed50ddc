// Destructive calls name their target exactly: a full name, or an id (prefix) long
// enough to be unambiguous. The engine itself would take any unique prefix, so a
// one-character slip could remove a container nobody meant.
import type Dockerode from 'dockerode';
import { AppError } from '../../shared/errors';

export const MIN_ID_PREFIX = 12;

interface Candidate {
  id: string;
  names: string[];
}

function pick(kind: 'container' | 'network', ref: string, all: Candidate[]): string {
  const byName = all.find((c) => c.names.includes(ref));
  if (byName) return byName.id;
  if (!/^[0-9a-f]+$/.test(ref) || ref.length < MIN_ID_PREFIX) {
    const exists = all.some((c) => c.id.startsWith(ref));
    throw new AppError(
      exists ? 'invalid-input' : 'not-found',
      exists
        ? `id: "${ref}" is too short to be sure which ${kind} is meant.`
        : `id: there is no ${kind} named "${ref}".`,
      `Give the ${kind}'s full name, or at least ${MIN_ID_PREFIX} characters of its id.`,
    );
  }
  const matches = all.filter((c) => c.id.startsWith(ref));
  if (matches.length === 1) return matches[0]!.id;
  throw new AppError(
    matches.length ? 'invalid-input' : 'not-found',
    matches.length
      ? `id: "${ref}" matches ${matches.length} ${kind}s.`
      : `id: there is no ${kind} with id "${ref}".`,
    `Give the ${kind}'s full name or a longer part of its id.`,
  );
}

/** The full id of the container `ref` names exactly. */
export async function exactContainer(docker: Dockerode, ref: string): Promise<string> {
  const list = await docker.listContainers({ all: true });
  const all = list.map((c) => ({ id: c.Id, names: c.Names.map((n) => n.replace(/^\//, '')) }));
  return pick('container', ref, all);
}

/** The full id of the network `ref` names exactly. */
export async function exactNetwork(docker: Dockerode, ref: string): Promise<string> {
  const list = await docker.listNetworks();
  return pick(
    'network',
    ref,
    list.map((n) => ({ id: n.Id, names: [n.Name] })),
  );
}

// What the tests create on the engine, and how they clean it up: unique names, lookups by
// exact name, removal by lab label, unlabelled containers made behind Crosstalk's back.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type Dockerode from 'dockerode';
import { LAB_LABEL } from '../../src/main/engine/labels';
import {
  removeContainersQuietly,
  removeNetworksQuietly,
} from '../../src/main/engine/remove-quietly';
import { TEST_IMAGE, docker } from './engine';

/** A name no other run or engineer uses: `it-<what>-<random>`. */
export function uniqueName(what: string): string {
  return `it-${what}-${randomBytes(3).toString('hex')}`;
}

/** Containers (any state) whose name is exactly `name`. */
export async function containersNamed(name: string): Promise<Dockerode.ContainerInfo[]> {
  const list = await docker.listContainers({ all: true, filters: { name: [name] } });
  return list.filter((c) => c.Names.includes(`/${name}`));
}

export async function networksNamed(name: string): Promise<Dockerode.NetworkInspectInfo[]> {
  const list = await docker.listNetworks({ filters: { name: [name] } });
  return list.filter((n) => n.Name === name);
}

/** Removes, by force, every container and network carrying this lab id, and the named ones. */
export async function removeTestResources(labId: string, names: string[] = []): Promise<void> {
  const filters = { label: [`${LAB_LABEL}=${labId}`] };
  const labelled = await docker.listContainers({ all: true, filters });
  const named = (await Promise.all(names.map(containersNamed))).flat();
  await removeContainersQuietly(
    docker,
    [...labelled, ...named].map((c) => c.Id),
  );
  const networks = [
    ...(await docker.listNetworks({ filters })),
    ...(await Promise.all(names.map(networksNamed))).flat(),
  ];
  await removeNetworksQuietly(
    docker,
    networks.map((n) => n.Id),
  );
}

/** A TCP port nobody listens on right now. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a plain container straight on the engine (not through Crosstalk, so unlabelled). */
export async function runUnowned(
  name: string,
  options: Partial<Dockerode.ContainerCreateOptions> = {},
): Promise<Dockerode.Container> {
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Tty: true,
    OpenStdin: true,
    Cmd: ['bash'],
    ...options,
  });
  await container.start();
  return container;
}

// Container actions. Each checks what it depends on first, so the engine's
// refusal comes back as a clear error, and a create whose start fails is
// rolled back: nothing is left half created.
import type Dockerode from 'dockerode';
import type { CreateContainerSpec } from '../../shared/schemas';
import { AppError } from '../../shared/errors';
import { engineStatus, fromEngine } from './docker-errors';
import { exactContainer } from './exact-ref';
import { ownershipLabels } from './labels';
import { splitShellWords } from './shell-words';

const STOP_TIMEOUT_S = 3;

async function exists(probe: Promise<unknown>): Promise<boolean> {
  try {
    await probe;
    return true;
  } catch (error) {
    if (engineStatus(error) === 404) return false;
    throw error;
  }
}

/** Only an exact name clashes: inspect by name would also match another container's id prefix. */
async function nameTaken(docker: Dockerode, name: string): Promise<boolean> {
  const list = await docker.listContainers({ all: true, filters: { name: [name] } });
  return list.some((c) => c.Names.includes(`/${name}`));
}

/** Checks image, network, links and name before asking the engine to create. */
async function checkReferences(docker: Dockerode, spec: CreateContainerSpec): Promise<void> {
  const [image, network, name, ...links] = await Promise.all([
    exists(docker.getImage(spec.image).inspect()),
    spec.network ? exists(docker.getNetwork(spec.network).inspect()) : true,
    spec.name ? nameTaken(docker, spec.name) : false,
    ...spec.links.map((l) => exists(docker.getContainer(l.target).inspect())),
  ]);
  if (!image) {
    throw new AppError(
      'image-missing',
      `The image "${spec.image}" is not on this engine.`,
      `Pull it (docker pull ${spec.image}) or build it, or pick one of the engine's images.`,
    );
  }
  if (!network) {
    throw new AppError(
      'not-found',
      `There is no network "${spec.network}".`,
      'Create it first, or pick an existing one.',
    );
  }
  if (name) {
    throw new AppError(
      'name-in-use',
      `A container named "${spec.name}" already exists.`,
      'Choose another name, or remove the existing container first.',
    );
  }
  const missing = spec.links.filter((_, i) => !links[i]).map((l) => l.target);
  if (missing.length) {
    throw new AppError(
      'not-found',
      `Cannot link to ${missing.map((m) => `"${m}"`).join(', ')}: no such container.`,
      'A legacy link needs its target container to exist and run; create it first.',
    );
  }
}

/** What docker's CLI calls a user-defined network: not one of the engine's own. */
export const isUserDefinedNetwork = (network: string | undefined): network is string =>
  network !== undefined && !['', 'default', 'bridge', 'host', 'none'].includes(network);

export function createOptions(spec: CreateContainerSpec): Dockerode.ContainerCreateOptions {
  const cmd = splitShellWords(spec.command);
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of spec.ports) {
    const key = `${p.containerPort}/${p.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
  }
  for (const e of spec.expose) exposed[e.includes('/') ? e : `${e}/tcp`] = {};
  const links = spec.links.map((l) => `${l.target}:${l.alias ?? l.target}`);
  // As `docker run --network x --link y` does: on a user-defined network the engine reads
  // links from the endpoint (HostConfig.Links there are silently ignored).
  const onEndpoint = isUserDefinedNetwork(spec.network);
  return {
    Image: spec.image,
    ...(spec.name ? { name: spec.name } : {}),
    ...(cmd.length ? { Cmd: cmd } : {}),
    Env: spec.env,
    Tty: spec.tty,
    OpenStdin: true,
    StdinOnce: false,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Labels: ownershipLabels(spec.labId),
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: bindings,
      Links: onEndpoint ? [] : links,
      ...(spec.network ? { NetworkMode: spec.network } : {}),
    },
    ...(onEndpoint && (links.length || spec.aliases.length)
      ? {
          NetworkingConfig: {
            EndpointsConfig: {
              [spec.network!]: {
                ...(links.length ? { Links: links } : {}),
                ...(spec.aliases.length ? { Aliases: spec.aliases } : {}),
              },
            },
          },
        }
      : {}),
  };
}

export async function createContainer(
  docker: Dockerode,
  spec: CreateContainerSpec,
): Promise<{ id: string; name: string }> {
  const label = spec.name ? `Creating container "${spec.name}"` : 'Creating the container';
  const options = createOptions(spec);
  await checkReferences(docker, spec).catch((e: unknown) => {
    throw fromEngine(e, label);
  });
  let container: Dockerode.Container;
  try {
    container = await docker.createContainer(options);
  } catch (error) {
    throw fromEngine(error, label);
  }
  if (spec.start) {
    try {
      await container.start();
    } catch (error) {
      // Roll back: a container that cannot start is not left behind.
      await container.remove({ force: true }).catch(() => undefined);
      throw fromEngine(error, spec.name ? `Starting "${spec.name}"` : 'Starting the container');
    }
  }
  const info = await container.inspect();
  return { id: info.Id, name: info.Name.replace(/^\//, '') };
}

async function act(
  docker: Dockerode,
  ref: string,
  verb: string,
  run: (c: Dockerode.Container) => Promise<unknown>,
  destructive = false,
) {
  try {
    const id = destructive ? await exactContainer(docker, ref) : ref;
    await run(docker.getContainer(id));
  } catch (error) {
    // 304: already in the asked-for state, which is what the person wanted.
    if (engineStatus(error) === 304) return;
    throw fromEngine(error, `${verb} ${ref}`);
  }
}

export const startContainer = (docker: Dockerode, id: string) =>
  act(docker, id, 'Starting', (c) => c.start());
export const stopContainer = (docker: Dockerode, id: string) =>
  act(docker, id, 'Stopping', (c) => c.stop({ t: STOP_TIMEOUT_S }), true);
export const restartContainer = (docker: Dockerode, id: string) =>
  act(docker, id, 'Restarting', (c) => c.restart({ t: STOP_TIMEOUT_S }), true);
export const removeContainer = (docker: Dockerode, id: string) =>
  act(docker, id, 'Removing', (c) => c.remove({ force: true }), true);

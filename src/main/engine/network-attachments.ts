// Connecting a running container to a network and disconnecting it, as `docker network
// connect [--alias a] [--link y] NET CTR` and `docker network disconnect NET CTR` do. Each
// checks what it depends on first, so a refusal says which part is wrong and what to do.
import type Dockerode from 'dockerode';
import { AppError } from '../../shared/errors';
import type { ConnectNetworkSpec, DisconnectNetworkSpec } from '../../shared/schemas';
import { fromEngine } from './docker-errors';
import { exactContainer, exactNetwork } from './exact-ref';

/** Both named exactly (a slip of one character never picks another container), then read. */
async function inspectBoth(docker: Dockerode, network: string, container: string) {
  try {
    const [netId, ctrId] = await Promise.all([
      exactNetwork(docker, network),
      exactContainer(docker, container),
    ]);
    const [net, ctr] = await Promise.all([
      docker.getNetwork(netId).inspect() as Promise<Dockerode.NetworkInspectInfo>,
      docker.getContainer(ctrId).inspect(),
    ]);
    return { net, ctr };
  } catch (error) {
    throw fromEngine(error, 'Reading the network and the container');
  }
}

const bare = (name: string) => name.replace(/^\//, '');

export async function connectNetwork(docker: Dockerode, spec: ConnectNetworkSpec): Promise<void> {
  const { net, ctr } = await inspectBoth(docker, spec.network, spec.container);
  const name = bare(ctr.Name);
  if (['host', 'none'].includes(net.Name) || net.Driver === 'null' || net.Driver === 'host') {
    throw new AppError(
      'invalid-input',
      `A container cannot be connected to "${net.Name}": it is not a network containers join.`,
      'Pick a bridge network, e.g. one you created.',
    );
  }
  if (!ctr.State.Running) {
    throw new AppError(
      'invalid-input',
      `${name} is not running.`,
      `Start ${name} first: connecting gives a running container a new interface.`,
    );
  }
  if (ctr.NetworkSettings.Networks[net.Name]) {
    throw new AppError(
      'invalid-input',
      `${name} is already on ${net.Name}.`,
      'Disconnect it first to connect it again with other aliases.',
    );
  }
  if (net.Name !== 'bridge' && spec.links.length) {
    // The engine refuses links to containers not on the network only when starting; say it now.
    const members = new Set(Object.values(net.Containers ?? {}).map((c) => c.Name));
    const missing = spec.links.filter((l) => !members.has(l.target)).map((l) => l.target);
    if (missing.length) {
      throw new AppError(
        'invalid-input',
        `Cannot link to ${missing.join(', ')}: not on ${net.Name}.`,
        `A link on a user-defined network names a container on that network; connect it first.`,
      );
    }
  }
  try {
    await docker.getNetwork(net.Id).connect({
      Container: ctr.Id,
      EndpointConfig: {
        Aliases: spec.aliases,
        Links: spec.links.map((l) => `${l.target}:${l.alias ?? l.target}`),
      },
    });
  } catch (error) {
    throw fromEngine(error, `Connecting ${name} to ${net.Name}`);
  }
}

export async function disconnectNetwork(
  docker: Dockerode,
  spec: DisconnectNetworkSpec,
): Promise<void> {
  const { net, ctr } = await inspectBoth(docker, spec.network, spec.container);
  const name = bare(ctr.Name);
  if (!ctr.NetworkSettings.Networks[net.Name]) {
    throw new AppError(
      'invalid-input',
      `${name} is not on ${net.Name}.`,
      'Its networks are listed on its pane and in the inspector.',
    );
  }
  try {
    await docker.getNetwork(net.Id).disconnect({ Container: ctr.Id });
  } catch (error) {
    throw fromEngine(error, `Disconnecting ${name} from ${net.Name}`);
  }
}

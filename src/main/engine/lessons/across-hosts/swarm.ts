// Swarm through the engine API: what each engine's swarm state was before the lesson, making a
// two-node swarm (init on A, join B), and putting things back as they were.
import type Dockerode from 'dockerode';
import { AppError } from '../../../../shared/errors';

export interface SwarmState {
  /** inactive, pending, active, error, locked. */
  state: string;
  nodeId: string;
  nodeAddr: string;
  isManager: boolean;
  clusterId: string;
  /** Addresses of the managers this node knows (host:2377). */
  managers: string[];
}

interface SwarmInfo {
  LocalNodeState?: string;
  NodeID?: string;
  NodeAddr?: string;
  ControlAvailable?: boolean;
  Cluster?: { ID?: string } | null;
  RemoteManagers?: { NodeID: string; Addr: string }[] | null;
}

export async function swarmStateOf(docker: Dockerode): Promise<SwarmState> {
  const info = (await docker.info()) as { Swarm?: SwarmInfo };
  const s = info.Swarm ?? {};
  return {
    state: s.LocalNodeState || 'inactive',
    nodeId: s.NodeID ?? '',
    nodeAddr: s.NodeAddr ?? '',
    isManager: Boolean(s.ControlAvailable),
    clusterId: s.Cluster?.ID ?? '',
    managers: (s.RemoteManagers ?? []).map((m) => m.Addr),
  };
}

/** The swarm's nodes as a manager lists them: host name and underlay address. */
export async function swarmNodes(manager: Dockerode): Promise<{ name: string; ip: string }[]> {
  const nodes = (await manager.listNodes().catch(() => [])) as {
    Description?: { Hostname?: string };
    Status?: { Addr?: string };
  }[];
  return nodes
    .map((n) => ({ name: n.Description?.Hostname ?? '', ip: n.Status?.Addr ?? '' }))
    .filter((n) => n.ip !== '');
}

/** What the lesson changed, so that reset undoes exactly that. */
export interface SwarmChanges {
  initialisedA: boolean;
  joinedB: boolean;
}

export interface SwarmPlan {
  addressA: string;
  addressB: string;
  /** For overlay subnets, e.g. 10.212.128.0/18. */
  pool: string;
}

/** The same swarm on both: A a manager, B a node of A's swarm. */
export async function inSameSwarm(a: Dockerode, b: Dockerode): Promise<boolean> {
  const [sa, sb] = await Promise.all([swarmStateOf(a), swarmStateOf(b)]);
  if (sa.state !== 'active' || sb.state !== 'active' || !sa.isManager) return false;
  const nodes = await a.listNodes().catch(() => []);
  return nodes.some((n: { ID?: string }) => n.ID === sb.nodeId);
}

export async function makeSwarm(
  a: Dockerode,
  b: Dockerode,
  plan: SwarmPlan,
): Promise<SwarmChanges> {
  const changes: SwarmChanges = { initialisedA: false, joinedB: false };
  if (await inSameSwarm(a, b)) return changes;
  const [sa, sb] = await Promise.all([swarmStateOf(a), swarmStateOf(b)]);
  if (sb.state !== 'inactive') {
    throw new AppError(
      'invalid-input',
      `Host B is already in another swarm (state ${sb.state}).`,
      'Leave that swarm on host B first (`docker swarm leave`), or pick another engine as host B.',
    );
  }
  if (sa.state === 'active' && !sa.isManager) {
    throw new AppError(
      'invalid-input',
      'Host A is a worker of another swarm; the lesson needs a manager to create the overlay.',
      'Use a manager of that swarm as host A, or leave the swarm on host A first.',
    );
  }
  if (sa.state === 'inactive') {
    await a.swarmInit({
      ListenAddr: `${plan.addressA}:2377`,
      AdvertiseAddr: plan.addressA,
      DefaultAddrPool: [plan.pool],
      SubnetSize: 24,
    });
    changes.initialisedA = true;
  }
  try {
    const swarm = (await a.swarmInspect()) as { JoinTokens: { Worker: string } };
    const managerAddr = (await swarmStateOf(a)).nodeAddr || plan.addressA;
    await b.swarmJoin({
      ListenAddr: `${plan.addressB}:2377`,
      AdvertiseAddr: plan.addressB,
      RemoteAddrs: [`${managerAddr}:2377`],
      JoinToken: swarm.JoinTokens.Worker,
    });
    changes.joinedB = true;
  } catch (error) {
    // Half a swarm is worse than none: undo the init.
    await undoSwarm(a, b, changes);
    throw new AppError(
      'engine-error',
      `Host B could not join host A's swarm: ${(error as Error).message}`,
      `Host B must reach ${plan.addressA}:2377 (TCP), 7946 (TCP and UDP) and 4789 (UDP, VXLAN).`,
    );
  }
  return changes;
}

/**
 * Leaves the swarm only where the lesson made or joined it: B first, gracefully, then A.
 * dockerd 20.10 keeps a worker's gossip port (7946) bound after a forced leave, and its next
 * join then has no overlay networking until the daemon restarts; a plain leave releases it.
 */
export async function undoSwarm(a: Dockerode, b: Dockerode, changes: SwarmChanges): Promise<void> {
  if (changes.joinedB) {
    await b
      .swarmLeave({ force: false })
      .catch(() => b.swarmLeave({ force: true }).catch(() => undefined));
  }
  if (changes.initialisedA) await a.swarmLeave({ force: true }).catch(() => undefined);
}

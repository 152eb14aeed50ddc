// Lesson 5, "Across hosts": two engines become a swarm, an attachable overlay network spans
// both, a server on host A and a client on host B talk by name over VXLAN; then the seed's first
// method across hosts: publish on A, dial A's own address from B. Every check asks both engines.
// No service VIPs, routing mesh or encrypted overlays: plain containers on an attachable
// overlay work on kernels without IPVS and ESP.
import type Dockerode from 'dockerode';
import { AppError } from '../../../../shared/errors';
import type { CheckResult, LessonStep } from '../../../../shared/lessons';
import { createContainer, createOptions } from '../../containers';
import { fromEngine } from '../../docker-errors';
import { ensureImage } from '../../images';
import { ownershipLabels } from '../../labels';
import { cleanupOwned } from '../../networks';
import { baseContainer, result } from '../lesson';
import { detectNetcat, listenCommand, type Netcat } from '../netcat';
import { unmapIpv4 } from '../../../../shared/topology';
import { socketsOf } from '../probes';
import { overlayFacts, placed } from './placement';
import {
  inSameSwarm,
  makeSwarm,
  swarmNodes,
  swarmStateOf,
  undoSwarm,
  type SwarmChanges,
} from './swarm';
import { hostAddressesOf, underlayPair } from './underlay';
import { removeContainersQuietly } from '../../remove-quietly';

export const acrossHostsLab = 'lesson-across-hosts';
export const OVERLAY = 'crosstalk-overlay';
const PORT = 1234;
const PUBLISHED_PORT = 8080;
/** Overlay subnets; the lab's own range, free on the machines this runs on. */
export const defaultOverlayPool = '10.212.128.0/18';

export interface HostEngine {
  docker: Dockerode;
  /** As people see it: the engine's name (docker info .Name) or the name it was added under. */
  name: string;
  /** The engine's key in a window (shared/engine-view.ts): commands name it. */
  key: string;
}

export type AcrossHostsAction = 'swarm' | 'overlay' | 'containers' | 'publish';
export type AcrossHostsCheck = 'swarm' | 'overlay' | 'placement' | 'talk' | 'published';

/** Established connections, IPv4-mapped addresses (a dual-stack listener's view) as plain IPv4. */
const established = (sockets: Awaited<ReturnType<typeof socketsOf>>) =>
  sockets
    .filter((s) => s.state === 'ESTABLISHED')
    .map((s) => ({ ...s, localIp: unmapIpv4(s.localIp), remoteIp: unmapIpv4(s.remoteIp) }));

/**
 * A worker sees a swarm's overlay network only once something on it runs there, so the usual
 * check that the network exists would refuse; the engine itself finds it through the manager.
 */
async function attachOnWorker(
  docker: Dockerode,
  spec: Parameters<typeof createOptions>[0],
): Promise<void> {
  const container = await docker.createContainer(createOptions(spec)).catch((e: unknown) => {
    throw fromEngine(e, `Creating "${spec.name}"`);
  });
  await container.start().catch(async (e: unknown) => {
    await container.remove({ force: true }).catch(() => undefined);
    throw fromEngine(e, `Starting "${spec.name}"`);
  });
}

export class AcrossHostsLesson {
  private changes: SwarmChanges = { initialisedA: false, joinedB: false };
  private nc: Netcat = { flavour: 'traditional', canBind: true };

  private constructor(
    readonly a: HostEngine,
    readonly b: HostEngine,
    readonly image: string,
    /** Each host's address on the link between them. */
    readonly underlay: { a: string; b: string },
    private readonly pool: string,
  ) {}

  /** Checks both engines, finds the underlay; creates nothing that stays. */
  static async setUp(
    a: HostEngine,
    b: HostEngine,
    options: { image: string; pool?: string },
  ): Promise<AcrossHostsLesson> {
    const noPull = () => undefined;
    await Promise.all(
      [a, b].map(async (host) => {
        await cleanupOwned(host.docker, acrossHostsLab);
        await ensureImage(host.docker, options.image, noPull);
      }),
    );
    const [swarmA, listA, listB] = await Promise.all([
      swarmStateOf(a.docker),
      hostAddressesOf(a.docker, options.image, acrossHostsLab),
      hostAddressesOf(b.docker, options.image, acrossHostsLab),
    ]);
    const pair = underlayPair(listA, listB);
    // A host already in a swarm advertises the address it chose then.
    const addressA = swarmA.nodeAddr || pair?.a.ip;
    if (!addressA || !pair) {
      throw new AppError(
        'invalid-input',
        `${a.name} and ${b.name} share no subnet (${a.name}: ${listA.map((x) => x.ip).join(', ') || 'none'}; ${b.name}: ${listB.map((x) => x.ip).join(', ') || 'none'}).`,
        'Swarm needs two hosts that reach each other directly; on one Linux machine `sudo npm run lab -- two-hosts up` makes two.',
      );
    }
    return new AcrossHostsLesson(
      a,
      b,
      options.image,
      { a: addressA, b: pair.b.ip },
      options.pool ?? defaultOverlayPool,
    );
  }

  facts(): { label: string; value: string; reason: string }[] {
    return [
      {
        label: 'Host A',
        value: `${this.a.name} at ${this.underlay.a}`,
        reason: 'runs the server and the swarm manager',
      },
      {
        label: 'Host B',
        value: `${this.b.name} at ${this.underlay.b}`,
        reason: 'runs the client; joins A’s swarm',
      },
      {
        label: 'Overlay subnets from',
        value: this.pool,
        reason: 'swarm’s default address pool for overlay networks',
      },
    ];
  }

  steps(): LessonStep[] {
    const { a, b } = this;
    return [
      {
        id: 'swarm',
        title: 'Two engines, one swarm',
        text: `Every dockerd has Docker Swarm built in. \`docker swarm init --advertise-addr ${this.underlay.a}\` on ${a.name} makes it a manager; \`docker swarm join\` with its token makes ${b.name} a node of the same swarm. The button does both through the engine API.`,
        commands: [],
        action: { id: 'swarm', label: 'Create the swarm' },
        check: `Both engines report the same swarm: ${a.name} a manager, ${b.name} a node of it.`,
      },
      {
        id: 'overlay',
        title: 'An overlay network spans both hosts',
        text: `\`docker network create -d overlay --attachable ${OVERLAY}\` on the manager: one network across hosts. Its packets travel inside VXLAN (UDP 4789) between the hosts’ own addresses, the underlay. \`--attachable\` lets plain containers join, not only services.`,
        commands: [],
        action: { id: 'overlay', label: 'Create the overlay' },
        check: `${OVERLAY} is an attachable overlay network of the swarm.`,
      },
      {
        id: 'placement',
        title: 'A server on host A, a client on host B',
        text: `\`server\` runs on ${a.name}, \`client\` on ${b.name}, both on ${OVERLAY}. Each gets an overlay address from the same subnet, whatever host it is on.`,
        commands: [],
        action: { id: 'containers', label: 'Start server and client' },
        check: `server runs on ${a.name} and client on ${b.name}, both with an address on ${OVERLAY}.`,
      },
      {
        id: 'talk',
        title: 'Talk by name, across hosts',
        text: `Listen in the server, connect from the client by name: the overlay’s DNS answers \`server\` with its overlay address on the other host. Type in the client; the words arrive in the server’s console.`,
        commands: [
          { container: 'server', engine: a.key, text: listenCommand(this.nc.flavour, PORT) },
          { container: 'client', engine: b.key, text: `nc server ${PORT}` },
          { container: 'client', engine: b.key, text: 'hold my word' },
        ],
        action: null,
        check: `server (on ${a.name}) has a connection from client’s overlay address, and client (on ${b.name}) one to server’s.`,
      },
      {
        id: 'published',
        title: 'Through host A’s published port',
        text: `The first method works across hosts too: \`published\` on ${a.name} publishes ${PUBLISHED_PORT}→${PORT}; the client dials ${a.name}’s own address, ${this.underlay.a}:${PUBLISHED_PORT}. No overlay needed, but the client must know the host and the port.`,
        commands: [
          { container: 'published', engine: a.key, text: listenCommand(this.nc.flavour, PORT) },
          {
            container: 'client',
            engine: b.key,
            text: `nc ${this.underlay.a} ${PUBLISHED_PORT}`,
            interrupt: true,
          },
        ],
        action: { id: 'publish', label: `Publish ${PUBLISHED_PORT} on host A` },
        check: `client has a connection to ${this.underlay.a}:${PUBLISHED_PORT}, and published accepted it on ${PORT}.`,
      },
    ];
  }

  async act(id: AcrossHostsAction): Promise<CheckResult> {
    const { a, b } = this;
    switch (id) {
      case 'swarm': {
        const made = await makeSwarm(a.docker, b.docker, {
          addressA: this.underlay.a,
          addressB: this.underlay.b,
          pool: this.pool,
        });
        this.changes = {
          initialisedA: this.changes.initialisedA || made.initialisedA,
          joinedB: this.changes.joinedB || made.joinedB,
        };
        return this.check('swarm');
      }
      case 'overlay':
        if (!(await inSameSwarm(a.docker, b.docker))) {
          throw new AppError(
            'invalid-input',
            'There is no swarm yet, so no overlay network can span the hosts.',
            'Create the swarm first (step 1).',
          );
        }
        await a.docker
          .createNetwork({
            Name: OVERLAY,
            Driver: 'overlay',
            Attachable: true,
            Labels: ownershipLabels(acrossHostsLab),
          })
          .catch((e: unknown) => {
            throw fromEngine(e, `Creating the overlay network ${OVERLAY}`);
          });
        // The manager answers before it has allocated the network (no driver, no subnet yet).
        for (let i = 0; i < 50 && !(await overlayFacts(a.docker, OVERLAY))?.subnet; i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return this.check('overlay');
      case 'containers': {
        if (!(await overlayFacts(a.docker, OVERLAY))) {
          throw new AppError(
            'invalid-input',
            `The overlay network ${OVERLAY} does not exist yet.`,
            'Create the overlay first (step 2).',
          );
        }
        const spec = (name: string) => ({
          ...baseContainer(name, { network: OVERLAY }),
          image: this.image,
          labId: acrossHostsLab,
        });
        await createContainer(a.docker, spec('server'));
        try {
          await attachOnWorker(b.docker, spec('client'));
        } catch (error) {
          await removeContainersQuietly(a.docker, ['server']);
          throw error;
        }
        this.nc = await detectNetcat(a.docker, 'server');
        return this.check('placement');
      }
      case 'publish':
        await createContainer(a.docker, {
          ...baseContainer('published', {
            ports: [{ hostIp: '', hostPort: PUBLISHED_PORT, containerPort: PORT, protocol: 'tcp' }],
          }),
          image: this.image,
          labId: acrossHostsLab,
        });
        return this.check('published');
    }
  }

  async check(id: AcrossHostsCheck): Promise<CheckResult> {
    switch (id) {
      case 'swarm':
        return this.checkSwarm();
      case 'overlay':
        return this.checkOverlay();
      case 'placement':
        return this.checkPlacement();
      case 'talk':
        return this.checkTalk();
      case 'published':
        return this.checkPublished();
    }
  }

  private async checkSwarm(): Promise<CheckResult> {
    const [sa, sb] = await Promise.all([swarmStateOf(this.a.docker), swarmStateOf(this.b.docker)]);
    const evidence = [
      `${this.a.name}: swarm ${sa.state}${sa.isManager ? ', manager' : ''}${sa.nodeAddr ? ` at ${sa.nodeAddr}` : ''}`,
      `${this.b.name}: swarm ${sb.state}${sb.managers.length ? `, managers ${sb.managers.join(', ')}` : ''}`,
    ];
    const ok = await inSameSwarm(this.a.docker, this.b.docker);
    return result(
      ok,
      ok
        ? `${this.a.name} and ${this.b.name} are one swarm.`
        : `${this.a.name} and ${this.b.name} are not one swarm yet.`,
      evidence,
    );
  }

  private async checkOverlay(): Promise<CheckResult> {
    const facts = await overlayFacts(this.a.docker, OVERLAY);
    if (!facts) return result(false, `${this.a.name} has no network ${OVERLAY}.`);
    const ok = facts.driver === 'overlay' && facts.attachable && facts.scope === 'swarm';
    const evidence = [
      `driver ${facts.driver}, scope ${facts.scope}, attachable ${facts.attachable}`,
      `subnet ${facts.subnet}, VXLAN id ${facts.vxlanId}`,
    ];
    return result(
      ok,
      ok
        ? `${OVERLAY} (${facts.subnet}) spans the swarm.`
        : `${OVERLAY} is not an attachable overlay network.`,
      evidence,
    );
  }

  private async placement() {
    const [server, client, factsA, nodes] = await Promise.all([
      placed(this.a.docker, this.a.name, 'server', OVERLAY),
      placed(this.b.docker, this.b.name, 'client', OVERLAY),
      overlayFacts(this.a.docker, OVERLAY),
      swarmNodes(this.a.docker),
    ]);
    // VXLAN runs between the swarm nodes' own addresses: the manager lists every node, the
    // network the peers it has learnt by gossip so far.
    const peers = new Map([...(factsA?.peers ?? []), ...nodes].map((p) => [p.ip, p]));
    return { server, client, peers: [...peers.values()].sort((x, y) => (x.ip < y.ip ? -1 : 1)) };
  }

  private async checkPlacement(): Promise<CheckResult> {
    const { server, client, peers } = await this.placement();
    const line = (p: typeof server) =>
      `${p.container} on ${p.host}: ${p.running ? 'running' : 'not running'}, overlay ${p.overlayIp || 'none'}`;
    const evidence = [
      line(server),
      line(client),
      ...peers.map((p) => `underlay (VXLAN) peer ${p.name}: ${p.ip}`),
    ];
    const ok =
      server.running && client.running && server.overlayIp !== '' && client.overlayIp !== '';
    return result(
      ok,
      ok
        ? `server on ${server.host} at ${server.overlayIp}, client on ${client.host} at ${client.overlayIp}: one overlay subnet across two hosts.`
        : 'server and client are not both running on the overlay.',
      evidence,
    );
  }

  private async checkTalk(): Promise<CheckResult> {
    const { server, client, peers } = await this.placement();
    if (!server.running || !client.running)
      return result(false, 'server and client must run first (step 3).');
    const [serverSockets, clientSockets] = await Promise.all([
      socketsOf(this.a.docker, 'server').then(established),
      socketsOf(this.b.docker, 'client').then(established),
    ]);
    const inbound = serverSockets.find(
      (s) => s.localPort === PORT && s.remoteIp === client.overlayIp,
    );
    const outbound = clientSockets.find(
      (s) => s.remoteIp === server.overlayIp && s.remotePort === PORT,
    );
    const evidence = [
      inbound
        ? `server (${this.a.name}) ${inbound.localIp}:${inbound.localPort} ← ${inbound.remoteIp}:${inbound.remotePort}`
        : `server (${this.a.name}): no connection on ${PORT} from ${client.overlayIp}`,
      outbound
        ? `client (${this.b.name}) ${outbound.localIp}:${outbound.localPort} → ${outbound.remoteIp}:${outbound.remotePort}`
        : `client (${this.b.name}): no connection to ${server.overlayIp}:${PORT}`,
      ...peers.map((p) => `carried by VXLAN between ${p.ip} (${p.name})`),
    ];
    const ok = Boolean(inbound && outbound);
    return result(
      ok,
      ok
        ? `client on ${this.b.name} talks to server on ${this.a.name} over the overlay (${client.overlayIp} → ${server.overlayIp}:${PORT}).`
        : `No connection from client to server on ${PORT} yet: listen in server, then \`nc server ${PORT}\` in client.`,
      evidence,
    );
  }

  private async checkPublished(): Promise<CheckResult> {
    const target = `${this.underlay.a}:${PUBLISHED_PORT}`;
    const published = await placed(this.a.docker, this.a.name, 'published', OVERLAY);
    if (!published.running)
      return result(
        false,
        `Nothing publishes ${PUBLISHED_PORT} on ${this.a.name} yet (press “Publish”).`,
      );
    const [clientSockets, publishedSockets] = await Promise.all([
      socketsOf(this.b.docker, 'client')
        .then(established)
        .catch(() => []),
      socketsOf(this.a.docker, 'published').then(established),
    ]);
    const outbound = clientSockets.find(
      (s) => s.remoteIp === this.underlay.a && s.remotePort === PUBLISHED_PORT,
    );
    const inbound = publishedSockets.find((s) => s.localPort === PORT);
    const evidence = [
      outbound
        ? `client (${this.b.name}) → ${target}`
        : `client (${this.b.name}): no connection to ${target}`,
      inbound
        ? `published (${this.a.name}) :${PORT} ← ${inbound.remoteIp}:${inbound.remotePort} (host B’s address, as the host’s NAT passes it on)`
        : `published (${this.a.name}): no connection on ${PORT}`,
    ];
    const ok = Boolean(outbound && inbound);
    return result(
      ok,
      ok
        ? `client on ${this.b.name} reached published on ${this.a.name} through ${target}.`
        : `No connection through ${target} yet: listen in published, then \`nc ${this.underlay.a} ${PUBLISHED_PORT}\` in client.`,
      evidence,
    );
  }

  /** Removes what the lesson made on both engines; leaves a swarm only if the lesson made or joined it. */
  async reset(): Promise<void> {
    // Containers first, then the overlay while the swarm still stands, then the swarm.
    await cleanupOwned(this.b.docker, acrossHostsLab).catch(() => undefined);
    await cleanupOwned(this.a.docker, acrossHostsLab).catch(() => undefined);
    await undoSwarm(this.a.docker, this.b.docker, this.changes);
    this.changes = { initialisedA: false, joinedB: false };
  }
}

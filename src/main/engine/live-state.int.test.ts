// LiveState against the real engine: it follows what happens outside the app,
// reports an engine that is not there (naming the endpoint) and keeps trying,
// and comes back by itself when the connection to the engine is lost.
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LiveState } from './live-state';
import {
  socketPath,
  TEST_IMAGE,
  docker,
  removeTestResources,
  uniqueName,
  waitUntil,
} from '../../../test/support';

/** These tests speak to the engine's socket itself. */
const SOCKET_PATH = socketPath();

const LAB = uniqueName('live-state');
const made: string[] = [];
const states: LiveState[] = [];
let dir: string;

/** A LiveState on `socketPath`, stopped after each test. */
function liveStateOn(socketPath: string, source = 'DOCKER_HOST'): LiveState {
  const state = new LiveState({
    docker: new Dockerode({ socketPath }),
    endpoint: `unix://${socketPath}`,
    source,
  });
  states.push(state);
  return state;
}

/** Made outside the app, straight on the engine (named for clean-up, labelled with the lab). */
async function createOutside(what: string, options: Partial<Dockerode.ContainerCreateOptions>) {
  const name = uniqueName(what);
  made.push(name);
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Labels: { 'io.crosstalk.lab': LAB },
    ...options,
  });
  return { name, container };
}

/** A unix socket forwarding to the engine's, which the test can take down and bring back. */
class EngineProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(readonly path: string) {}

  async up(): Promise<void> {
    await rm(this.path, { force: true });
    const server = createServer((downstream) => {
      const upstream = connect(SOCKET_PATH);
      for (const [a, b] of [
        [downstream, upstream],
        [upstream, downstream],
      ] as const) {
        this.sockets.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => (this.sockets.delete(a), b.destroy()));
      }
    });
    await new Promise<void>((resolve) => server.listen(this.path, resolve));
    this.server = server;
  }

  /** Stops answering and cuts every open connection, as an engine that went away. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'it-live-state-'));
});

afterEach(() => {
  for (const s of states.splice(0)) s.stop();
});

afterAll(async () => {
  await removeTestResources(LAB, made);
  await rm(dir, { recursive: true, force: true });
});

describe('following the engine', () => {
  let state: LiveState;
  beforeAll(async () => {
    state = new LiveState({
      docker: new Dockerode({ socketPath: SOCKET_PATH }),
      endpoint: `unix://${SOCKET_PATH}`,
      source: 'default socket',
    });
    await state.start();
  });
  afterAll(() => state.stop());

  it('connects and reports the engine', () => {
    const status = state.status();
    expect(status).toMatchObject({
      connected: true,
      endpoint: `unix://${SOCKET_PATH}`,
      source: 'default socket',
      error: null,
    });
    expect(status.info?.version).toMatch(/^\d+\.\d+/);
    expect(state.snapshot().images).toContain(TEST_IMAGE);
    expect(state.snapshot().networks.map((n) => n.name)).toEqual(
      expect.arrayContaining(['bridge', 'host', 'none']),
    );
  });

  it('sees a container made elsewhere within a second, its changes, and its removal', async () => {
    let changes = 0;
    const onChange = () => changes++;
    state.on('change', onChange);
    try {
      const { name, container } = await createOutside('outside', {
        Cmd: ['sleep', '300'],
      });
      const createdAt = Date.now();
      const seen = await waitUntil(
        () => state.snapshot().containers.find((c) => c.name === name),
        'the new container in the snapshot',
        1000,
      );
      expect(Date.now() - createdAt).toBeLessThan(1000);
      expect(seen).toMatchObject({ state: 'created', owned: false, image: TEST_IMAGE });
      expect(seen.command).toEqual(['sleep', '300']);
      expect(changes).toBeGreaterThan(0);

      await container.start();
      await waitUntil(() => state.container(name)?.state === 'running', 'running', 1000);
      expect(state.container(name)!.pid).toBeGreaterThan(0);

      await container.stop({ t: 0 });
      const stopped = await waitUntil(
        () => (state.container(name)?.state === 'exited' ? state.container(name) : null),
        'exited',
        1000,
      );
      expect(stopped.exitCode).toBe(137); // killed: sleep as pid 1 does not handle SIGTERM
      expect(stopped.pid).toBe(0);

      await container.remove();
      await waitUntil(() => !state.container(name), 'the container to disappear', 1000);
      expect(state.snapshot().containers.some((c) => c.name === name)).toBe(false);
    } finally {
      state.off('change', onChange);
    }
  });

  it("reports a container's own exit code", async () => {
    const { name, container } = await createOutside('exits', { Cmd: ['sh', '-c', 'exit 7'] });
    await container.start();
    const exited = await waitUntil(
      () => (state.container(name)?.state === 'exited' ? state.container(name) : null),
      'the container to exit',
      2000,
    );
    expect(exited.exitCode).toBe(7);
  });

  it('sees networks made and removed elsewhere, and who is attached', async () => {
    const name = uniqueName('outside-net');
    made.push(name);
    const network = await docker.createNetwork({ Name: name, Labels: { 'io.crosstalk.lab': LAB } });
    const view = await waitUntil(
      () => state.snapshot().networks.find((n) => n.name === name),
      'the network',
      1000,
    );
    expect(view).toMatchObject({ id: network.id, driver: 'bridge', builtin: false, owned: false });
    expect(view.subnet).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);

    const { name: member, container } = await createOutside('net-member', {
      Cmd: ['sleep', '300'],
      HostConfig: { NetworkMode: name },
    });
    await container.start();
    const attached = await waitUntil(
      () =>
        state
          .snapshot()
          .networks.find((n) => n.name === name && n.containers.includes(container.id)),
      'the member on the network',
      1000,
    );
    expect(attached.containers).toEqual([container.id]);
    expect(state.container(member)!.networks[0]).toMatchObject({ network: name });

    await container.remove({ force: true });
    await network.remove();
    await waitUntil(
      () => !state.snapshot().networks.some((n) => n.name === name),
      'the network to disappear',
      1000,
    );
  });
  it('forgets a container removed while it was being looked at (no pane left "removing")', async () => {
    // A forced removal sends kill, die and network events, each of which has the container
    // inspected; an inspect answered after the destroy event must not bring it back.
    const net = uniqueName('removing-net');
    made.push(net);
    await docker.createNetwork({ Name: net, Labels: { 'io.crosstalk.lab': LAB } });
    const made8 = await Promise.all(
      Array.from({ length: 8 }, () =>
        createOutside('removed', { Cmd: ['sleep', '300'], HostConfig: { NetworkMode: net } }),
      ),
    );
    await Promise.all(made8.map(({ container }) => container.start()));
    await waitUntil(
      () => made8.every(({ name }) => state.container(name)?.state === 'running'),
      'all eight running',
      3000,
    );
    await Promise.all(made8.map(({ container }) => container.remove({ force: true })));
    await waitUntil(
      () => made8.every(({ name }) => !state.container(name)),
      'all eight gone',
      2000,
    );
    // Answers to inspects made before the destroy events land after them: still gone.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const left = made8.map(({ name }) => state.container(name)).filter(Boolean);
    expect(left.map((c) => `${c!.name} ${c!.state}`)).toEqual([]);
  });
});

describe('an engine that is not there', () => {
  it('reports disconnected, naming the endpoint, and keeps retrying until it answers', async () => {
    const path = join(dir, 'late.sock');
    const state = liveStateOn(path);
    await state.start();

    const status = state.status();
    expect(status.connected).toBe(false);
    expect(status.endpoint).toBe(`unix://${path}`);
    expect(status.error?.code).toBe('engine-unreachable');
    expect(status.error?.message).toContain(`unix://${path}`);
    expect(status.error?.message).toContain('the socket file does not exist');
    expect(status.error?.hint).toContain('DOCKER_HOST');
    expect(state.snapshot()).toMatchObject({ containers: [], networks: [] });

    // Still down a second later, then the engine appears: no call needed to notice.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(state.isConnected).toBe(false);
    const proxy = new EngineProxy(path);
    await proxy.up();
    try {
      await waitUntil(() => state.isConnected, 'the retry loop to connect', 6000);
      expect(state.status().error).toBeNull();
      expect(state.snapshot().images).toContain(TEST_IMAGE);
    } finally {
      state.stop();
      await proxy.down();
    }
  });

  it('gives the default-socket hint when nothing was configured', async () => {
    const path = join(dir, 'default.sock');
    const state = liveStateOn(path, 'default socket');
    await state.start();
    expect(state.status().error?.hint).toMatch(/Start Docker/);
    await expect(state.reconnect()).resolves.toBeUndefined();
    expect(state.isConnected).toBe(false);
  });

  it('stops retrying once stopped', async () => {
    const path = join(dir, 'stopped.sock');
    const state = liveStateOn(path);
    await state.start();
    state.stop();
    const proxy = new EngineProxy(path);
    await proxy.up();
    try {
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(state.isConnected).toBe(false);
    } finally {
      await proxy.down();
    }
  });
});

describe('losing the engine', () => {
  it('shows disconnected, reconnects by itself, and relists what changed meanwhile', async () => {
    const path = join(dir, 'flaky.sock');
    const proxy = new EngineProxy(path);
    await proxy.up();
    const state = liveStateOn(path);
    await state.start();
    expect(state.isConnected).toBe(true);

    const { name: before, container: early } = await createOutside('before-loss', {
      Cmd: ['sleep', '300'],
    });
    await waitUntil(() => state.container(before), 'the first container', 1000);

    await proxy.down();
    await waitUntil(() => !state.isConnected, 'the loss to show', 2000);
    expect(state.status().error?.message).toContain(`unix://${path}`);

    // While the app cannot see the engine, things change there.
    const { name: during } = await createOutside('during-loss', { Cmd: ['sleep', '300'] });
    await early.remove({ force: true });

    await proxy.up();
    await waitUntil(() => state.isConnected, 'the reconnect', 6000);
    expect(state.container(during)).toMatchObject({ name: during, state: 'created' });
    expect(state.container(before)).toBeUndefined();

    // And the new events stream works: later changes still arrive.
    const { name: after } = await createOutside('after-loss', { Cmd: ['sleep', '300'] });
    await waitUntil(() => state.container(after), 'a container made after the reconnect', 1000);
    await proxy.down();
  });
});

// The live picture against the real engine: sockets polled from /proc, a live connection
// seen and gone, and the bind-address case in the reachability matrix.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocketsEvent } from '../../../shared/live-picture';
import type { ContainerView, NetworkView } from '../../../shared/model';
import { readContainerSockets } from '../sockets/read-sockets';
import { toContainerView, toNetworkView } from '../views';
import { probeReachability } from './reachability';
import { SocketWatch } from './socket-watch';
import { docker } from '../../../../test/support';

const tag = randomBytes(3).toString('hex');
const labels = { 'io.crosstalk.owned': 'true', 'io.crosstalk.test': 'live-picture' };
const netName = `crosstalk-lp-net-${tag}`;
const read = readContainerSockets({ docker, hostProc: true });

async function run(
  name: string,
  cmd: string,
  image = 'crosstalk-test:latest',
  publish = false,
): Promise<ContainerView> {
  const c = await docker.createContainer({
    name: `crosstalk-lp-${name}-${tag}`,
    Image: image,
    // In crosstalk-test, sh is busybox's and would run busybox's nc: bash runs nc.traditional.
    Cmd: [image.includes('busybox') ? 'sh' : 'bash', '-c', cmd],
    Labels: labels,
    // Published on a port the engine picks, so runs never collide.
    ...(publish ? { ExposedPorts: { '1234/tcp': {} } } : {}),
    HostConfig: {
      NetworkMode: netName,
      ...(publish ? { PortBindings: { '1234/tcp': [{ HostIp: '', HostPort: '' }] } } : {}),
    },
  });
  await c.start();
  return toContainerView(await c.inspect());
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const listensOn = async (c: ContainerView, port: number) =>
  (await read(c)).some((s) => s.state === 'LISTEN' && s.localPort === port) || undefined;

describe('the live picture on a real engine', () => {
  let loopback: ContainerView;
  let open: ContainerView;
  let client: ContainerView;
  let networks: NetworkView[];

  beforeAll(async () => {
    await docker.createNetwork({ Name: netName, Labels: labels });
    [loopback, open, client] = await Promise.all([
      run('loop', 'nc -l -s 127.0.0.1 -p 1234'),
      run('open', 'nc -lp 1234'),
      run('client', 'sleep 600'),
    ]);
    const net = await docker.getNetwork(netName).inspect();
    networks = [toNetworkView(net, [])];
    await until(
      'servers listening',
      async () => (await listensOn(loopback, 1234)) && (await listensOn(open, 1234)),
    );
  });

  afterAll(async () => {
    await Promise.all(
      [loopback, open, client].map((c) =>
        c
          ? docker
              .getContainer(c.id)
              .remove({ force: true })
              .catch(() => undefined)
          : undefined,
      ),
    );
    await docker
      .getNetwork(netName)
      .remove()
      .catch(() => undefined);
  });

  it('sees a connection while it is open, and not after', async () => {
    const byId = new Map([open, client].map((c) => [c.id, c]));
    const watch = new SocketWatch({
      container: (id) => byId.get(id),
      source: () => ({ available: true, via: 'proc', read }),
      intervalMs: 100,
    });
    const events: SocketsEvent[] = [];
    const sub = watch.subscribe((e) => events.push(e));
    sub.watch([open.id, client.id]);
    const connected = (e: SocketsEvent | undefined) =>
      (e?.byContainer[client.id]?.connections ?? []).some((c) => c.remotePort === 1234);
    const exec = await docker.getContainer(client.id).exec({
      // Stdin stays open for a second (nc would otherwise wait for more), then timeout ends it.
      Cmd: ['bash', '-c', `sleep 1 | timeout 2 nc ${open.name} 1234`],
    });
    await exec.start({ Detach: true });
    await until('the connection', async () => (connected(events.at(-1)) ? true : undefined));
    await until('the connection to close', async () =>
      connected(events.at(-1)) ? undefined : true,
    );
    sub.dispose();
    expect(watch.polling).toBe(false);
  });

  it('finds a loopback-only server unreachable and a 0.0.0.0 one reachable', async () => {
    // The earlier test's connection ended the one-shot server: start it again.
    const reopened = await run('open2', 'nc -lp 1234');
    await until('the new server', () => listensOn(reopened, 1234));
    const matrix = await probeReachability({
      docker,
      containers: [client, loopback, reopened],
      networks,
      readSockets: read,
    });
    const cell = (to: string) => matrix.cells.find((c) => c.from === client.id && c.to === to)!;
    expect(cell(loopback.id).reachable).toBe(false);
    expect(cell(loopback.id).probes.map((p) => [p.route, p.outcome])).toEqual([
      ['name', 'refused'],
      ['ip', 'refused'],
    ]);
    expect(cell(reopened.id).reachable).toBe(true);
    // The first probe used up `nc -lp`: the second route says so instead of "refused".
    expect(cell(reopened.id).probes.map((p) => [p.route, p.outcome])).toEqual([
      ['name', 'open'],
      ['ip', 'gone'],
    ]);
    expect(matrix.notes.join(' ')).toMatch(/one-shot server/);
    await docker.getContainer(reopened.id).remove({ force: true });
  });

  it('through the host, tells a listening server from Docker’s proxy hanging up', async () => {
    const [loop, open] = await Promise.all([
      run('publoop', 'nc -l -s 127.0.0.1 -p 1234', undefined, true),
      // A server that listens again after each client: every route can reach it.
      run('pubopen', 'while true; do nc -lp 1234; done', undefined, true),
    ]);
    try {
      await until(
        'the servers',
        async () => (await listensOn(loop, 1234)) && listensOn(open, 1234),
      );
      const matrix = await probeReachability({
        docker,
        containers: [client, loop, open],
        networks,
        readSockets: read,
      });
      const host = (to: string) =>
        matrix.cells
          .find((c) => c.from === client.id && c.to === to)!
          .probes.find((p) => p.route === 'host')?.outcome;
      expect(host(loop.id)).toBe('closed');
      expect(host(open.id)).toBe('open');
    } finally {
      await Promise.all([loop, open].map((c) => docker.getContainer(c.id).remove({ force: true })));
    }
  });

  it('probes from a busybox image, whose nc has no -z', async () => {
    const bb = await run('bb', 'sleep 600', 'crosstalk-busybox:latest');
    const again = await run('open3', 'nc -lp 1234');
    await until('the new server', () => listensOn(again, 1234));
    try {
      const matrix = await probeReachability({
        docker,
        containers: [bb, loopback, again],
        networks,
        readSockets: read,
      });
      const cell = (to: string) => matrix.cells.find((c) => c.from === bb.id && c.to === to)!;
      expect(cell(loopback.id).probes.map((p) => p.outcome)).toEqual(['refused', 'refused']);
      expect(cell(again.id).probes[0]?.outcome).toBe('open');
      expect(matrix.notes.join(' ')).not.toMatch(/cannot run probes/);
    } finally {
      await Promise.all([bb, again].map((c) => docker.getContainer(c.id).remove({ force: true })));
    }
  });
});

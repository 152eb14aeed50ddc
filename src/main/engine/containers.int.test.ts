// Containers and networks through the contract's handlers, against the real engine:
// what is asked for is what the engine runs, bad input fails clearly, and a
// failed action leaves nothing behind.
import { connect, createServer, type Server } from 'node:net';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_LABEL, OWNED_LABEL } from './labels';
import { Crosstalk } from './runtime';
import {
  TEST_IMAGE,
  TestClient,
  containersNamed,
  docker,
  execIn,
  freePort,
  networksNamed,
  startConnectedApp,
  stopConnectedApp,
  removeTestResources,
  runUnowned,
  uniqueName,
  waitUntil,
} from '../../../test/support';

const LAB = uniqueName('containers');
const unowned: string[] = [];
let app: Crosstalk;
let client: TestClient;

beforeAll(async () => {
  ({ app, client } = await startConnectedApp());
  expect(app.state.isConnected).toBe(true);
});

afterAll(() => stopConnectedApp(client, LAB, unowned));

/** A container spec of this lab, started by default. */
const spec = (name: string, more: Record<string, unknown> = {}) => ({
  image: TEST_IMAGE,
  name,
  labId: LAB,
  ...more,
});

async function expectNothingNamed(name: string) {
  expect(await containersNamed(name)).toEqual([]);
}

describe('creating containers', () => {
  it('runs what was asked: command, env, TTY, ports, network, labels', async () => {
    const network = uniqueName('net');
    await client.call('createNetwork', { name: network, labId: LAB });
    const [tcpPort, udpPort] = [await freePort(), await freePort()];
    const name = uniqueName('server');

    const created = await client.call(
      'createContainer',
      spec(name, {
        command: 'nc -lp 1234',
        env: ['GREETING=hold my word', 'EMPTY='],
        tty: true,
        ports: [
          { hostIp: '127.0.0.1', hostPort: tcpPort, containerPort: 1234, protocol: 'tcp' },
          { hostPort: udpPort, containerPort: 5353, protocol: 'udp' },
        ],
        network,
      }),
    );
    expect(created.name).toBe(name);
    expect(created.id).toMatch(/^[0-9a-f]{64}$/);

    const info = await docker.getContainer(created.id).inspect();
    expect(info.State.Running).toBe(true);
    expect(info.Config.Image).toBe(TEST_IMAGE);
    expect(info.Config.Cmd).toEqual(['nc', '-lp', '1234']);
    expect(info.Config.Env).toEqual(expect.arrayContaining(['GREETING=hold my word', 'EMPTY=']));
    expect(info.Config.Tty).toBe(true);
    expect(info.Config.OpenStdin).toBe(true);
    expect(info.Config.Labels).toMatchObject({ [OWNED_LABEL]: 'true', [LAB_LABEL]: LAB });
    expect(info.HostConfig.PortBindings).toEqual({
      '1234/tcp': [{ HostIp: '127.0.0.1', HostPort: String(tcpPort) }],
      '5353/udp': [{ HostIp: '', HostPort: String(udpPort) }],
    });
    expect(Object.keys(info.NetworkSettings.Networks)).toEqual([network]);

    // The app's own view, refreshed by the handler without waiting for an event.
    const view = app.state.container(name)!;
    expect(view).toMatchObject({ id: created.id, state: 'running', owned: true, labId: LAB });
    expect(view.ports).toEqual(
      expect.arrayContaining([
        { hostIp: '127.0.0.1', hostPort: tcpPort, containerPort: 1234, protocol: 'tcp' },
        expect.objectContaining({ hostPort: udpPort, containerPort: 5353, protocol: 'udp' }),
      ]),
    );
    expect(view.networks.map((n) => n.network)).toEqual([network]);
    expect(view.networks[0]!.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);

    // The published port really reaches the process: bytes sent to the host port arrive.
    await waitUntil(
      async () => /\b1234\b/.test(await execIn(name, ['netstat', '-ltn'])),
      'nc to listen',
    );
    await new Promise<void>((resolve, reject) => {
      const socket = connect(tcpPort, '127.0.0.1', () => socket.end('hold my word\n', resolve));
      socket.on('error', reject);
    });
    await waitUntil(async () => {
      const logs = (await docker.getContainer(name).logs({ stdout: true })) as Buffer;
      return logs.toString().includes('hold my word');
    }, 'the bytes to arrive in the server');
  });

  it('creates legacy links: the client resolves the alias to the target', async () => {
    const target = uniqueName('linked');
    const linker = uniqueName('linker');
    await client.call('createContainer', spec(target));
    await client.call('createContainer', spec(linker, { links: [{ target, alias: 'db' }] }));

    const info = await docker.getContainer(linker).inspect();
    expect(info.HostConfig.Links).toEqual([`/${target}:/${linker}/db`]);
    expect(app.state.container(linker)!.links).toEqual([{ target, alias: 'db', network: null }]);
    const targetIp = (await docker.getContainer(target).inspect()).NetworkSettings.Networks.bridge!
      .IPAddress;
    const hosts = await execIn(linker, ['cat', '/etc/hosts']);
    expect(hosts).toMatch(new RegExp(`^${targetIp.replace(/\./g, '\\.')}\\s.*\\bdb\\b`, 'm'));
  });

  it('creates without starting when asked', async () => {
    const name = uniqueName('idle');
    const { id } = await client.call('createContainer', spec(name, { start: false }));
    expect((await docker.getContainer(id).inspect()).State.Status).toBe('created');
    expect(app.state.container(id)!.state).toBe('created');
  });
});

describe('the container lifecycle', () => {
  it('stops, starts, restarts and removes, and the view follows each step', async () => {
    const name = uniqueName('life');
    // Exits with 5 on SIGTERM, so a stop is quick and its exit code is telling.
    const { id } = await client.call(
      'createContainer',
      spec(name, { command: `bash -c 'trap "exit 5" TERM; while :; do sleep 0.1; done'` }),
    );
    const inspect = () => docker.getContainer(id).inspect();

    await client.call('stopContainer', { id: name });
    expect((await inspect()).State).toMatchObject({ Status: 'exited', ExitCode: 5 });
    expect(app.state.container(id)).toMatchObject({ state: 'exited', exitCode: 5 });
    // Stopping what is stopped is what the person wanted: no error.
    await client.call('stopContainer', { id: name });

    await client.call('startContainer', { id: name });
    const firstStart = (await inspect()).State.StartedAt;
    expect((await inspect()).State.Running).toBe(true);
    expect(app.state.container(id)).toMatchObject({ state: 'running', exitCode: null });
    await client.call('startContainer', { id: name });

    await client.call('restartContainer', { id: name });
    const restarted = (await inspect()).State;
    expect(restarted.Running).toBe(true);
    expect(restarted.StartedAt > firstStart).toBe(true);
    expect(app.state.container(id)!.startedAt).toBe(restarted.StartedAt);

    await client.call('removeContainer', { id: name });
    await expectNothingNamed(name);
    expect(app.state.container(id)).toBeUndefined();
  });

  it('says clearly when the container is not there', async () => {
    const name = uniqueName('ghost');
    for (const action of ['startContainer', 'stopContainer', 'restartContainer'] as const) {
      const error = await client.fail(action, { id: name });
      expect(error.code).toBe('not-found');
      expect(error.message).toContain(name);
      expect(error.hint).not.toBe('');
    }
    expect((await client.fail('startContainer', { id: 'bad id!' })).code).toBe('invalid-input');
  });
});

describe('bad input fails clearly and leaves nothing behind', () => {
  it('rejects an invalid container name', async () => {
    const error = await client.fail('createContainer', spec('bad name!'));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^name: Container names are/);
    expect(error.hint).not.toBe('');
    expect((await client.fail('createContainer', spec('x'))).code).toBe('invalid-input');
  });

  it.each([
    ['hostPort', 0],
    ['hostPort', 70000],
    ['containerPort', 0],
    ['containerPort', 70000],
    ['hostPort', 80.5],
  ])('rejects %s %s', async (field, value) => {
    const name = uniqueName('badport');
    const port = { hostPort: 8080, containerPort: 80, [field]: value };
    const error = await client.fail('createContainer', spec(name, { ports: [port] }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(new RegExp(`ports\\.0\\.${field}: Ports are`));
    await expectNothingNamed(name);
  });

  it('rolls back when the host port is already published by another container', async () => {
    const port = await freePort();
    const ports = [{ hostIp: '127.0.0.1', hostPort: port, containerPort: 1234 }];
    const first = uniqueName('holder');
    await client.call('createContainer', spec(first, { ports }));

    const second = uniqueName('clash');
    const error = await client.fail('createContainer', spec(second, { ports }));
    expect(error.code).toBe('port-allocated');
    expect(error.message).toContain(String(port));
    expect(error.message).toContain(second);
    expect(error.hint).toMatch(/another host port/);
    await expectNothingNamed(second);
    // The first one is untouched.
    expect((await docker.getContainer(first).inspect()).State.Running).toBe(true);
  });

  it('rolls back when the host port is held by a process outside the engine', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const name = uniqueName('busy');
      const error = await client.fail(
        'createContainer',
        spec(name, { ports: [{ hostIp: '127.0.0.1', hostPort: port, containerPort: 1234 }] }),
      );
      expect(error.code).toBe('port-allocated');
      expect(error.message).toContain(String(port));
      await expectNothingNamed(name);
    } finally {
      server.close();
    }
  });

  it('refuses a name already in use, and keeps the existing container', async () => {
    const name = uniqueName('taken');
    const { id } = await client.call('createContainer', spec(name));
    const error = await client.fail('createContainer', spec(name, { command: 'sleep 1' }));
    expect(error.code).toBe('name-in-use');
    expect(error.message).toContain(name);
    const same = await containersNamed(name);
    expect(same.map((c) => c.Id)).toEqual([id]);
  });

  it("accepts a name that is another container's id prefix (only exact names clash)", async () => {
    const { id } = await client.call(
      'createContainer',
      spec(uniqueName('prefixed'), { start: false }),
    );
    const name = id.slice(0, 12);
    unowned.push(name);
    const created = await client.call('createContainer', spec(name, { start: false }));
    expect(created.name).toBe(name);
    expect(created.id).not.toBe(id);
  });

  it('says when the image is not on the engine', async () => {
    const name = uniqueName('noimage');
    const error = await client.fail(
      'createContainer',
      spec(name, { image: 'crosstalk-no-such-image:never' }),
    );
    expect(error.code).toBe('image-missing');
    expect(error.message).toContain('crosstalk-no-such-image:never');
    expect(error.hint).toMatch(/pull|build/i);
    await expectNothingNamed(name);
  });

  it('refuses a link to a container that does not exist', async () => {
    const name = uniqueName('lonely');
    const missing = uniqueName('missing');
    const error = await client.fail(
      'createContainer',
      spec(name, { links: [{ target: missing }] }),
    );
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(missing);
    await expectNothingNamed(name);
  });

  it('refuses a network that does not exist', async () => {
    const name = uniqueName('nonet');
    const network = uniqueName('missing-net');
    const error = await client.fail('createContainer', spec(name, { network }));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(network);
    await expectNothingNamed(name);
  });

  it('rolls back a container whose command cannot start', async () => {
    const name = uniqueName('nocmd');
    const error = await client.fail('createContainer', spec(name, { command: 'no-such-program' }));
    expect(error.code).not.toBe('internal');
    expect(error.message).toContain(name);
    expect(error.message).toContain('no-such-program');
    await expectNothingNamed(name);
  });

  it('rejects a command with an unclosed quote before touching the engine', async () => {
    const name = uniqueName('quote');
    const error = await client.fail('createContainer', spec(name, { command: `echo 'oops` }));
    expect(error).toMatchObject({ code: 'invalid-input' });
    expect(error.message).toMatch(/unclosed ' quote/);
    await expectNothingNamed(name);
  });
});

describe('networks', () => {
  it('creates a labelled bridge network, refuses a duplicate and a bad name', async () => {
    const name = uniqueName('net');
    const created = await client.call('createNetwork', { name, labId: LAB });
    const info = await docker.getNetwork(created.id).inspect();
    expect(info).toMatchObject({ Name: name, Driver: 'bridge' });
    expect(info.Labels).toMatchObject({ [OWNED_LABEL]: 'true', [LAB_LABEL]: LAB });
    // The live state learns of it from the events stream.
    await waitUntil(
      () => app.state.snapshot().networks.find((n) => n.name === name && n.owned),
      'the network in the snapshot',
    );

    const duplicate = await client.fail('createNetwork', { name, labId: LAB });
    expect(duplicate.code).toBe('name-in-use');
    expect(duplicate.message).toContain(name);
    expect(await networksNamed(name)).toHaveLength(1);

    const bad = await client.fail('createNetwork', { name: 'no spaces', labId: LAB });
    expect(bad.code).toBe('invalid-input');
    expect(bad.message).toMatch(/^name: Network names are/);
    expect(await networksNamed('no spaces')).toEqual([]);
  });

  it('refuses to remove a network that still has containers, then removes it', async () => {
    const network = uniqueName('busy-net');
    await client.call('createNetwork', { name: network, labId: LAB });
    const member = uniqueName('member');
    await client.call('createContainer', spec(member, { network }));

    const error = await client.fail('removeNetwork', { id: network });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain(network);
    expect(error.message).toContain(member);
    expect(error.hint).toMatch(/Remove those containers/);
    expect(await networksNamed(network)).toHaveLength(1);

    await client.call('removeContainer', { id: member });
    await client.call('removeNetwork', { id: network });
    expect(await networksNamed(network)).toEqual([]);
    await waitUntil(
      () => !app.state.snapshot().networks.some((n) => n.name === network),
      'the network to leave the snapshot',
    );
  });

  it("refuses the engine's own networks and missing ones", async () => {
    const builtin = await client.fail('removeNetwork', { id: 'bridge' });
    expect(builtin.code).toBe('invalid-input');
    expect(builtin.message).toContain('"bridge"');
    expect(await networksNamed('bridge')).toHaveLength(1);

    const missing = uniqueName('gone-net');
    const error = await client.fail('removeNetwork', { id: missing });
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(missing);
  });
});

describe('cleanup', () => {
  it("removes only the lab's labelled containers and networks", async () => {
    const lab = uniqueName('cleanup');
    const otherLab = uniqueName('keep');
    const network = uniqueName('lab-net');
    const owned = uniqueName('owned');
    const stopped = uniqueName('owned-stopped');
    const neighbour = uniqueName('other-lab');
    const foreign = uniqueName('unlabelled');
    unowned.push(foreign);
    try {
      await client.call('createNetwork', { name: network, labId: lab });
      await client.call('createContainer', { image: TEST_IMAGE, name: owned, network, labId: lab });
      await client.call('createContainer', {
        image: TEST_IMAGE,
        name: stopped,
        labId: lab,
        start: false,
      });
      await client.call('createContainer', { image: TEST_IMAGE, name: neighbour, labId: otherLab });
      await runUnowned(foreign);

      const removed = await client.call('cleanup', { labId: lab });
      expect(removed).toEqual({ containers: 2, networks: 1 });
      await expectNothingNamed(owned);
      await expectNothingNamed(stopped);
      expect(await networksNamed(network)).toEqual([]);
      // What the person made elsewhere, and other labs, survive.
      expect((await docker.getContainer(foreign).inspect()).State.Running).toBe(true);
      expect(await containersNamed(neighbour)).toHaveLength(1);
    } finally {
      await removeTestResources(lab, [foreign]);
      await removeTestResources(otherLab);
    }
    await expectNothingNamed(foreign);
  });
  it('two clean-ups of one lab at once both finish, and leave nothing', async () => {
    // A second window (or a lesson's reset) cleaning up while the first still removes: the
    // engine answers 409 "removal already in progress" to the later one.
    const lab = uniqueName('overlap');
    const network = uniqueName('overlap-net');
    const names = Array.from({ length: 4 }, (_, i) => uniqueName(`overlap-${i}`));
    try {
      await client.call('createNetwork', { name: network, labId: lab });
      for (const name of names)
        await client.call('createContainer', { image: TEST_IMAGE, name, network, labId: lab });
      const [a, b] = await Promise.all([
        client.call('cleanup', { labId: lab }),
        client.call('cleanup', { labId: lab }),
      ]);
      expect(a.containers + b.containers).toBeGreaterThanOrEqual(4);
      for (const name of names) await expectNothingNamed(name);
      expect(await networksNamed(network)).toEqual([]);
    } finally {
      await removeTestResources(lab);
    }
  });
});

describe('cleanup of what the person confirmed', () => {
  it('removes only the listed ids, and never one that is not owned', async () => {
    const lab = uniqueName('confirmed');
    const network = uniqueName('confirmed-net');
    const listed = uniqueName('listed');
    const later = uniqueName('made-later');
    const foreign = uniqueName('unlabelled');
    unowned.push(foreign);
    try {
      const net = await client.call('createNetwork', { name: network, labId: lab });
      const shown = await client.call('createContainer', {
        image: TEST_IMAGE,
        name: listed,
        labId: lab,
      });
      await runUnowned(foreign);
      const foreignId = (await docker.getContainer(foreign).inspect()).Id;
      // Made after the dialog listed what it would remove: it is not removed.
      await client.call('createContainer', { image: TEST_IMAGE, name: later, labId: lab });
      const removed = await client.call('cleanup', {
        labId: lab,
        only: { containers: [shown.id, foreignId], networks: [net.id] },
      });
      expect(removed).toEqual({ containers: 1, networks: 1 });
      await expectNothingNamed(listed);
      expect(await networksNamed(network)).toEqual([]);
      expect(await containersNamed(later)).toHaveLength(1);
      expect((await docker.getContainer(foreign).inspect()).State.Running).toBe(true);
    } finally {
      await removeTestResources(lab, [foreign]);
    }
  });
});

describe('an engine that is not there', () => {
  it('fails each action with engine-unreachable, naming the endpoint', async () => {
    const socketPath = `/tmp/${uniqueName('nowhere')}.sock`;
    const offline = new Crosstalk({
      docker: new Dockerode({ socketPath }),
      endpoint: `unix://${socketPath}`,
      source: 'DOCKER_HOST',
    });
    await offline.start();
    try {
      const offlineClient = new TestClient(offline);
      const name = uniqueName('offline');
      const error = await offlineClient.fail('createContainer', spec(name));
      expect(error.code).toBe('engine-unreachable');
      expect(error.message).toContain(`unix://${socketPath}`);
      expect(error.hint).toContain('DOCKER_HOST');
      expect((await offlineClient.fail('cleanup', {})).code).toBe('engine-unreachable');
      await expectNothingNamed(name);
    } finally {
      offline.stop();
    }
  });
});

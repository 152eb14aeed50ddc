// Crosstalk on Podman's Docker-compatible API (Podman 4.3, started by the test
// set-up): named as Podman, attach consoles that get no junk typed in, exec
// consoles that leave no conmon behind, networks that appear without network
// events, with their members although Podman names a container's network by name.
import { execFileSync } from 'node:child_process';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../scripts/test-engines/engines.mjs';
import { parseHost } from './discovery';
import { Crosstalk } from './runtime';
import { TEST_IMAGE, TestClient, uniqueName, waitUntil } from '../../../test/support';
import { cleanupOwned } from './networks';
import { LessonDriver } from '../../../test/support/lesson-driver';

const socket = testEngines().podman.socket;
const podman = new Dockerode({ socketPath: socket });
const endpoint = `unix://${socket}`;
const LAB = uniqueName('podman');
let app: Crosstalk;
let client: TestClient;

beforeAll(async () => {
  app = new Crosstalk({
    docker: podman,
    endpoint,
    source: 'DOCKER_HOST',
    endpointInfo: parseHost(endpoint, null, {
      source: 'DOCKER_HOST',
      sourceDetail: `DOCKER_HOST is set to ${endpoint}`,
      contextName: null,
      machineName: null,
    }),
  });
  await app.start();
  client = new TestClient(app);
});

afterAll(async () => {
  await client?.consoles.closeAll();
  app?.stop();
  await cleanupOwned(podman, LAB);
});

/** conmon processes watching this container (one per running exec session, one for the container). */
function conmonsOf(containerId: string): number {
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.split('\n').filter((l) => /^\S*conmon /.test(l) && l.includes(containerId)).length;
}

async function shellBox(what: string): Promise<{ name: string; id: string }> {
  const name = uniqueName(what);
  const { id } = await client.call('createContainer', { image: TEST_IMAGE, name, labId: LAB });
  return { name, id };
}

describe('Podman', () => {
  it('is named as Podman, from its version’s components', () => {
    expect(app.state.status()).toMatchObject({
      connected: true,
      info: { kind: 'podman', product: expect.stringMatching(/^Podman 4\./) },
    });
  });

  it('an attach console gets no request body typed into its shell', async () => {
    const box = await shellBox('attach');
    const id = TestClient.consoleId();
    await client.call('openConsole', { consoleId: id, container: box.name, mode: 'attach' });
    const sink = client.consoleSink(id);
    client.typeInto(id, 'echo sum=$((40+2))\r');
    await sink.waitForText('sum=42', 10_000);
    const text = sink.text();
    expect(text).not.toContain('"stdin"');
    expect(text).not.toContain('command not found');
    await client.call('closeConsole', { consoleId: id });
  });

  it('an attach console reopened replays what was typed in order, though Podman mixes up `tail`', async () => {
    const box = await shellBox('replay');
    const first = TestClient.consoleId();
    await client.call('openConsole', { consoleId: first, container: box.name, mode: 'attach' });
    const sink = client.consoleSink(first);
    // Typed a key at a time, as a person does: each echo is its own partial line in the log.
    for (const key of 'hold my word') {
      client.typeInto(first, key);
      await new Promise((r) => setTimeout(r, 30));
    }
    client.typeInto(first, '\r');
    await sink.waitForText('command not found', 10_000);
    await client.call('closeConsole', { consoleId: first });

    const again = TestClient.consoleId();
    await client.call('openConsole', { consoleId: again, container: box.name, mode: 'attach' });
    const replay = client.consoleSink(again);
    await replay.waitForText('command not found', 10_000);
    expect(replay.text()).toContain('hold my word');
    expect(replay.text()).not.toContain('drow');
    await client.call('closeConsole', { consoleId: again });
  });

  it('closing an exec console leaves no conmon behind', async () => {
    const box = await shellBox('exec');
    const before = conmonsOf(box.id);
    const id = TestClient.consoleId();
    await client.call('openConsole', { consoleId: id, container: box.name, mode: 'exec' });
    const sink = client.consoleSink(id);
    client.typeInto(id, 'echo in-exec-$((6*7))\r');
    await sink.waitForText('in-exec-42', 10_000);
    expect(conmonsOf(box.id)).toBeGreaterThan(before);
    await client.call('closeConsole', { consoleId: id });
    await waitUntil(
      () => conmonsOf(box.id) === before,
      'the exec session’s conmon to exit',
      10_000,
    );
  });

  it('shows a network made after start, with its members, though Podman sends no network events', async () => {
    const netName = uniqueName('net');
    // Made behind the app's back, as with the podman CLI: only a re-list can find it.
    const net = await podman.createNetwork({
      Name: netName,
      Labels: { 'io.crosstalk.owned': 'true', 'io.crosstalk.lab': LAB },
    });
    await waitUntil(
      () => app.state.snapshot().networks.some((n) => n.name === netName),
      'the new network in the snapshot',
      8000,
    );
    const box = await shellBox('member');
    await podman.getNetwork(net.id).connect({ Container: box.id });
    await waitUntil(
      () =>
        app.state
          .snapshot()
          .networks.find((n) => n.name === netName)
          ?.containers.includes(box.id),
      'the container as the network’s member',
      8000,
    );
  });

  it('the user-networks lesson runs, its DNS check expecting aardvark-dns on the gateway', async () => {
    const lesson = new LessonDriver(client, 'user-networks', podman);
    const view = await lesson.setUp();
    try {
      expect(view.steps[0]!.text).toContain('aardvark-dns');
      await lesson.doStep(lesson.step('dns'));
      const dns = await lesson.untilPasses('dns');
      expect(dns.detail).toMatch(/^"nameserver \d+\.\d+\.\d+\.1"$/);
      const map = await client.call('engineMap', undefined);
      expect(map).toMatchObject({
        product: expect.stringMatching(/^Podman/),
        flavourLabel: 'local Podman engine',
      });
      expect(map.hostFromContainer.reason).toContain('podman0');
    } finally {
      await lesson.reset();
    }
  });

  it('legacy links say plainly that Podman has no --link, and are skipped', async () => {
    const legacy = (await client.call('lessons', undefined)).find((l) => l.id === 'legacy-links');
    expect(legacy?.unsupported).toContain('Podman has no `--link`');
    const error = await client.fail('startLesson', { lessonId: 'legacy-links', image: TEST_IMAGE });
    expect(error.message).toContain('Podman has no --link');
  });
});

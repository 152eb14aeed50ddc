// What a lesson says about the host is derived from the engine's facts for the network at
// hand: the user-networks lesson's gateway is the host's address on that network's own
// bridge, as docker inspect has it, never "the default bridge's … docker0". A lesson's file
// opened as a scenario has its {{facts}} filled from this engine too.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  TEST_IMAGE,
  TestClient,
  docker,
  startConnectedApp,
  stopConnectedApp,
} from '../../../test/support';
import { builtInLessons } from './lessons/catalog';

let client: TestClient;

beforeAll(async () => ({ client } = await startConnectedApp()));

afterAll(async () => {
  await client.call('resetLesson', { lessonId: 'user-networks' }).catch(() => undefined);
  await stopConnectedApp(client);
});

it("names the lesson network's own gateway and bridge, from docker inspect", async () => {
  const view = await client.call('startLesson', { lessonId: 'user-networks', image: TEST_IMAGE });
  const network = view.networks[0]!;
  const info = await docker.getNetwork(network).inspect();
  const host = view.facts.find((f) => f.label === 'The host, from a container')!;
  expect(host.value).toBe(info.IPAM!.Config![0]!.Gateway);
  expect(host.reason).toBe(
    `the gateway of ${network}, which is the host’s address on that network’s own bridge (br-${info.Id.slice(0, 12)})`,
  );
  expect(host.reason).not.toContain('docker0');
});

it('a lesson file opened as a scenario types what is true of this engine', async () => {
  const text = builtInLessons['through-host'].replace('busybox:latest', TEST_IMAGE);
  const { id } = await client.call('openScenario', { text, source: 'through-host.yaml' });
  try {
    const view = await client.call('setUpScenario', { id, pull: false });
    const gateway = (await docker.getContainer('client').inspect()).NetworkSettings.Networks[
      'bridge'
    ]!.Gateway;
    const typed = view.scenario.steps.flatMap((s) =>
      s.actions.flatMap((a) => (a.kind === 'type' ? [a.text] : [])),
    );
    expect(typed).toEqual(['nc -lp 1234', `nc ${gateway} 1234`, 'hold my word']);
    expect(view.scenario.steps[1]!.check?.says).toBe(
      `client has a connection open to ${gateway}:1234`,
    );
  } finally {
    await client.call('resetScenario', { id });
  }
});

// Scenario files against the real engine, through the contract: set-up through the create
// path (labels, networks, aliases), checks that ask the engine, rollback of a half set-up,
// and a reset that leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_IMAGE,
  TestClient,
  docker,
  execIn,
  freePort,
  startConnectedApp,
  stopConnectedApp,
  uniqueName,
} from '../../../../test/support';
import { labIdOfScenario } from './runner';

const TITLE = uniqueName('scn');
const LAB = labIdOfScenario(TITLE);
const NET_A = `${TITLE}-a`;
const NET_B = `${TITLE}-b`;
const SERVER = `${TITLE}-server`;
const CLIENT = `${TITLE}-client`;
let client: TestClient;

beforeAll(async () => ({ client } = await startConnectedApp()));

afterAll(() => stopConnectedApp(client, LAB, [SERVER, CLIENT]));

const scenario = (port: number, clientPort = port + 1) => `
format: crosstalk/scenario@1
title: ${TITLE}
image: ${TEST_IMAGE}
networks: [${NET_A}, ${NET_B}]
containers:
  - name: ${SERVER}
    networks: [${NET_A}, ${NET_B}]
    aliases: [api]
    ports: ["127.0.0.1:${port}:1234"]
  - name: ${CLIENT}
    networks: [${NET_B}]
    ports: ["127.0.0.1:${clientPort}:1234"]
steps:
  - title: running
    check: { kind: running, container: ${SERVER} }
  - title: nobody listens
    check: { kind: listening, container: ${SERVER}, port: 1234 }
  - title: hosts
    check: { kind: env, container: ${CLIENT}, name: PATH }
`;

describe('scenarios on the engine', () => {
  it('sets up networks and containers, labelled, on both networks with their alias', async () => {
    const port = await freePort();
    const view = await client.call('openScenario', { text: scenario(port), source: 'it.yaml' });
    expect(view.id).toBe(LAB);
    expect(view.running).toBe(false);
    const up = await client.call('setUpScenario', { id: LAB });
    expect(up.running).toBe(true);
    const server = await docker.getContainer(SERVER).inspect();
    expect(server.State.Running).toBe(true);
    expect(server.Config.Labels['io.crosstalk.lab']).toBe(LAB);
    expect(Object.keys(server.NetworkSettings.Networks).sort()).toEqual([NET_A, NET_B].sort());
    expect(server.NetworkSettings.Networks[NET_B]!.Aliases).toContain('api');
    expect(server.HostConfig.PortBindings['1234/tcp']).toEqual([
      { HostIp: '127.0.0.1', HostPort: String(port) },
    ]);
    // The alias resolves from the other container, on the shared network.
    expect(await execIn(CLIENT, ['ping', '-c', '1', '-W', '1', 'api']).catch(() => '')).toMatch(
      new RegExp(server.NetworkSettings.Networks[NET_B]!.IPAddress.replace(/\./g, '\\.')),
    );

    const running = await client.call('checkScenarioStep', { id: LAB, step: 0 });
    expect(running).toMatchObject({ ok: true, detail: `${SERVER} is running.` });
    const listening = await client.call('checkScenarioStep', { id: LAB, step: 1 });
    expect(listening).toMatchObject({
      ok: false,
      detail: `${SERVER} does not listen on port 1234.`,
    });
    const env = await client.call('checkScenarioStep', { id: LAB, step: 2 });
    expect(env.ok).toBe(true);
    expect(env.detail).toMatch(new RegExp(`^${CLIENT} has PATH=`));

    await client.call('resetScenario', { id: LAB });
    expect(
      await docker.listContainers({ all: true, filters: { label: [`io.crosstalk.lab=${LAB}`] } }),
    ).toEqual([]);
    expect(await docker.listNetworks({ filters: { label: [`io.crosstalk.lab=${LAB}`] } })).toEqual(
      [],
    );
  });

  it('rolls a half set-up back: nothing of it is left when a container cannot start', async () => {
    const port = await freePort();
    // Both containers publish the same host port: the second cannot start.
    await client.call('openScenario', { text: scenario(port, port), source: 'clash.yaml' });
    const error = await client.fail('setUpScenario', { id: LAB });
    expect(error.message).toMatch(new RegExp(`${CLIENT}|${port}`));
    expect(
      await docker.listContainers({ all: true, filters: { label: [`io.crosstalk.lab=${LAB}`] } }),
    ).toEqual([]);
    expect(await docker.listNetworks({ filters: { label: [`io.crosstalk.lab=${LAB}`] } })).toEqual(
      [],
    );
  });

  it('says which image is missing, and that nothing was created', async () => {
    const text = scenario(await freePort()).replace(
      `image: ${TEST_IMAGE}`,
      'image: crosstalk-absent-13:latest',
    );
    await client.call('openScenario', { text, source: 'absent.yaml' });
    const error = await client.fail('setUpScenario', { id: LAB });
    expect(error).toMatchObject({ code: 'image-missing' });
    expect(error.message).toContain('crosstalk-absent-13:latest');
    expect(await docker.listNetworks({ filters: { label: [`io.crosstalk.lab=${LAB}`] } })).toEqual(
      [],
    );
  });
});

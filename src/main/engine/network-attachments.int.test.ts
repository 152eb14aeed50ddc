// Networks as the seed teaches them, through the contract against the real engine: links on a
// user-defined network (`docker run --network x --link y`), and `docker network connect
// --alias` / `disconnect` on a running container, each checked with docker inspect and from
// inside the containers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crosstalk } from './runtime';
import {
  TEST_IMAGE,
  TestClient,
  docker,
  execIn,
  startConnectedApp,
  stopConnectedApp,
  uniqueName,
  waitUntil,
} from '../../../test/support';

const LAB = uniqueName('attach');
let app: Crosstalk;
let client: TestClient;

beforeAll(async () => ({ app, client } = await startConnectedApp()));

afterAll(() => stopConnectedApp(client, LAB));

const spec = (name: string, more: Record<string, unknown> = {}) => ({
  image: TEST_IMAGE,
  name,
  labId: LAB,
  ...more,
});

/** What the container's resolver makes of a name, by ping's first line (busybox). */
async function resolves(container: string, name: string): Promise<string | null> {
  const out = await execIn(container, ['sh', '-c', `ping -c1 -W1 ${name} 2>&1 | head -1`]);
  return /\(([\d.]+)\)/.exec(out)?.[1] ?? null;
}

const ipOn = async (container: string, network: string) =>
  (await docker.getContainer(container).inspect()).NetworkSettings.Networks[network]?.IPAddress;

describe('links on a user-defined network', () => {
  it('are sent on the endpoint, as docker run --network x --link y does, and shown', async () => {
    const network = uniqueName('link-net');
    const server = uniqueName('server');
    const linker = uniqueName('client');
    await client.call('createNetwork', { name: network, labId: LAB });
    await client.call('createContainer', spec(server, { network }));
    await client.call(
      'createContainer',
      spec(linker, { network, links: [{ target: server, alias: 'db' }] }),
    );

    const info = await docker.getContainer(linker).inspect();
    expect(info.NetworkSettings.Networks[network]!.Links).toEqual([`${server}:db`]);
    expect(await resolves(linker, 'db')).toBe(await ipOn(server, network));
    await waitUntil(() => app.state.container(linker)?.links.length, 'the link in the live state');
    expect(app.state.container(linker)!.links).toEqual([{ target: server, alias: 'db', network }]);
  });
});

describe('connect and disconnect', () => {
  it('connects a running container with an alias, then disconnects it', async () => {
    const network = uniqueName('join-net');
    const member = uniqueName('member');
    const joiner = uniqueName('joiner');
    // The joiner's own network, not the default bridge: it tests connect, not docker0.
    const home = uniqueName('home-net');
    await client.call('createNetwork', { name: network, labId: LAB });
    await client.call('createNetwork', { name: home, labId: LAB });
    await client.call('createContainer', spec(member, { network }));
    await client.call('createContainer', spec(joiner, { network: home }));
    expect(await resolves(member, 'api')).toBeNull();

    await client.call('connectNetwork', { network, container: joiner, aliases: ['api'] });
    const joined = await docker.getContainer(joiner).inspect();
    expect(Object.keys(joined.NetworkSettings.Networks).sort()).toEqual([home, network].sort());
    expect(joined.NetworkSettings.Networks[network]!.Aliases).toContain('api');
    // The network's DNS answers the alias to every member.
    expect(await resolves(member, 'api')).toBe(await ipOn(joiner, network));
    expect(app.state.container(joiner)!.networks.map((n) => n.network)).toContain(network);
    expect(
      app.state.container(joiner)!.networks.find((n) => n.network === network)!.aliases,
    ).toContain('api');

    const again = await client.fail('connectNetwork', { network, container: joiner });
    expect(again).toMatchObject({ code: 'invalid-input' });
    expect(again.message).toContain(`already on ${network}`);

    await client.call('disconnectNetwork', { network, container: joiner });
    const left = await docker.getContainer(joiner).inspect();
    expect(Object.keys(left.NetworkSettings.Networks)).toEqual([home]);
    expect(await resolves(member, 'api')).toBeNull();
    expect(app.state.container(joiner)!.networks.map((n) => n.network)).toEqual([home]);

    const notOn = await client.fail('disconnectNetwork', { network, container: joiner });
    expect(notOn.message).toContain(`not on ${network}`);
  });

  it('refuses what cannot work, saying what to do, and changes nothing', async () => {
    const network = uniqueName('refuse-net');
    const stopped = uniqueName('stopped');
    await client.call('createNetwork', { name: network, labId: LAB });
    await client.call('createContainer', spec(stopped, { start: false }));

    const notRunning = await client.fail('connectNetwork', { network, container: stopped });
    expect(notRunning).toMatchObject({ code: 'invalid-input' });
    expect(notRunning.hint).toMatch(/Start/);
    const missing = await client.fail('connectNetwork', {
      network: uniqueName('no-net'),
      container: stopped,
    });
    expect(missing).toMatchObject({ code: 'not-found' });
    const host = await client.fail('connectNetwork', { network: 'host', container: stopped });
    expect(host).toMatchObject({ code: 'invalid-input' });
    const badAlias = await client.fail('connectNetwork', {
      network,
      container: stopped,
      aliases: ['no spaces'],
    });
    expect(badAlias).toMatchObject({ code: 'invalid-input' });
    const info = await docker.getContainer(stopped).inspect();
    expect(Object.keys(info.NetworkSettings.Networks)).toEqual(['bridge']);
  });
});

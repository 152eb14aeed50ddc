// Networks as the seed teaches them, driven through the window at projector size and checked
// against the engine: `docker network create`, links on a user-defined network
// (`docker run --network x --link y`), `docker network connect --alias` and `disconnect`.
import { test, expect } from './fixtures';
import { createContainer, pane } from './app';
import { docker } from './engine';

const NET = 'nw-e2e-net';
const SPARE = 'nw-e2e-spare';
const HOME = 'nw-e2e-home';
const SERVER = 'nw-e2e-server';
const CLIENT = 'nw-e2e-client';
const JOINER = 'nw-e2e-joiner';

test.use({ viewport: { width: 1280, height: 720 } });

const networkNamed = async (name: string) =>
  (await docker.listNetworks({ filters: { name: [name] } })).find((n) => n.Name === name);

test('create, connect, disconnect and remove networks; links on a user network', async ({
  app: page,
}) => {
  await page.getByRole('button', { name: 'Networks' }).click();
  const panel = page.getByRole('region', { name: 'Networks' });
  for (const name of [NET, SPARE, HOME]) {
    await panel.getByLabel('docker network create').fill(name);
    await panel.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(panel.getByRole('article', { name: `Network ${name}` })).toBeVisible();
    expect((await networkNamed(name))?.Driver).toBe('bridge');
  }
  // The default bridge is listed once.
  await expect(panel.getByRole('article', { name: 'Network bridge' })).toHaveCount(1);

  // Links on a user network: sent on the endpoint, as the docker CLI sends them, and shown.
  await createContainer(page, { name: SERVER, network: NET });
  await createContainer(page, { name: CLIENT, network: NET, links: [SERVER] });
  const client = await docker.getContainer(CLIENT).inspect();
  expect(client.NetworkSettings.Networks[NET]!.Links).toEqual([`${SERVER}:${SERVER}`]);
  await expect(pane(page, CLIENT).getByTitle(`Link on ${NET}`)).toHaveText(`→ ${SERVER}`);
  const netCard = panel.getByRole('article', { name: `Network ${NET}` });
  await expect(netCard.getByTitle(`Link on ${NET}`)).toContainText(`→ ${SERVER} as ${SERVER}`);
  await page.getByRole('button', { name: 'Diagram' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Diagram' })
      .locator(`[aria-label="Link ${CLIENT} → ${SERVER} as ${SERVER} on ${NET}"]`),
  ).toHaveCount(1);
  await page.getByRole('button', { name: 'Diagram' }).click();

  // Connect a running container with an alias, then disconnect it.
  await createContainer(page, { name: JOINER, network: HOME });
  await netCard.getByLabel(`Container to connect to ${NET}`).selectOption(JOINER);
  await netCard.getByLabel(`Alias on ${NET}`).fill('api');
  await netCard.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(netCard.getByRole('list', { name: `On ${NET}` })).toContainText(JOINER);
  const joined = await docker.getContainer(JOINER).inspect();
  expect(joined.NetworkSettings.Networks[NET]?.Aliases).toContain('api');
  await expect(pane(page, JOINER)).toContainText(
    `${NET} ${joined.NetworkSettings.Networks[NET]!.IPAddress}`,
  );

  await netCard.getByRole('button', { name: `Disconnect ${JOINER} from ${NET}` }).click();
  await expect(netCard.getByRole('list', { name: `On ${NET}` })).not.toContainText(JOINER);
  const left = await docker.getContainer(JOINER).inspect();
  expect(Object.keys(left.NetworkSettings.Networks)).toEqual([HOME]);

  // Remove: the empty one goes; the one with containers is refused, saying why.
  await panel
    .getByRole('article', { name: `Network ${SPARE}` })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(panel.getByRole('article', { name: `Network ${SPARE}` })).toHaveCount(0);
  expect(await networkNamed(SPARE)).toBeUndefined();
  await netCard.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText(`Network "${NET}" still has containers`)).toBeVisible();
  expect(await networkNamed(NET)).toBeDefined();
});

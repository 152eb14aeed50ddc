// The live picture, end to end in browser mode: the network lesson's two containers in the
// diagram with the engine's own addresses, a live edge while `nc` is connected, the bytes
// of "hold my word" in hex, and the bind-address case in the reachability matrix.
import { test, expect } from './fixtures';
import { consoleOf, createContainer, pane, typeLine, waitForPrompt } from './app';
import { docker } from './engine';
import { docsShot } from './docs-shot';

const NET = 'lp-e2e-net';
const SERVER = 'lp-e2e-server';
const CLIENT = 'lp-e2e-client';

async function ipOn(container: string, network: string): Promise<string> {
  const info = await docker.getContainer(container).inspect();
  return info.NetworkSettings.Networks[network]!.IPAddress;
}

test('the diagram shows the network, live connections, reachability and bytes', async ({
  app: page,
}) => {
  await docker.createNetwork({ Name: NET, Labels: { 'io.crosstalk.owned': 'true' } });
  await page.getByRole('button', { name: 'Diagram' }).click();
  const diagram = page.getByRole('region', { name: 'Diagram' });
  await expect(diagram).toBeVisible();

  await createContainer(page, { name: SERVER, network: NET });
  await createContainer(page, { name: CLIENT, network: NET });
  await waitForPrompt(page, SERVER);
  await waitForPrompt(page, CLIENT);

  // The engine's truth, as docker inspect has it, is what the diagram shows.
  const net = await docker.getNetwork(NET).inspect();
  const ipam = net.IPAM?.Config?.[0];
  const netNode = diagram.getByRole('group', { name: `Network ${NET}` });
  await expect(netNode).toContainText(`${ipam?.Subnet} · gw ${ipam?.Gateway}`);
  const serverNode = diagram.getByRole('group', { name: `Container ${SERVER}` });
  const clientNode = diagram.getByRole('group', { name: `Container ${CLIENT}` });
  await expect(serverNode).toContainText(await ipOn(SERVER, NET));
  await expect(clientNode).toContainText(await ipOn(CLIENT, NET));

  // Clicking a container focuses its console. (A click can land while the diagram re-renders
  // from a sockets update and be lost, as for a person; then the person clicks again.)
  await expect(async () => {
    await serverNode.click();
    await expect(consoleOf(page, SERVER).locator('textarea')).toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // A live connection: the edge appears while nc is connected.
  await typeLine(page, SERVER, 'nc -lp 1234');
  await expect(serverNode).toContainText('listens 0.0.0.0:1234');
  const edge = diagram.locator(`[aria-label^="Connection ${CLIENT} → ${SERVER}"]`);
  await typeLine(page, CLIENT, `nc ${SERVER} 1234`);
  const connected = Date.now();
  await expect(edge).toHaveCount(1);
  test
    .info()
    .annotations.push({ type: 'edge appeared', description: `${Date.now() - connected} ms` });

  // The byte view: "hold my word" arrives at the server as 68 6f 6c 64 ….
  await pane(page, SERVER).getByRole('button', { name: 'Bytes' }).click();
  await typeLine(page, CLIENT, 'hold my word');
  await expect(consoleOf(page, SERVER)).toContainText('hold my word');
  const bytes = page.getByRole('region', { name: `${SERVER} bytes` });
  await expect(bytes).toContainText('68 6f 6c 64 20 6d 79 20 77 6f 72 64');
  await expect(bytes).toContainText('|hold my word');
  await expect(edge).toHaveAttribute('aria-label', /→ 1234/);
  await expect(diagram.getByText(/↑13 B typed/)).toBeVisible();
  await docsShot(page, 'screenshot-diagram.png');

  // Ctrl-C ends the client's nc: the edge vanishes.
  await page.keyboard.press('Control+C');
  const closed = Date.now();
  await expect(edge).toHaveCount(0);
  test.info().annotations.push({ type: 'edge vanished', description: `${Date.now() - closed} ms` });

  // The bind-address case: a server on 127.0.0.1 only cannot be reached from the client…
  await consoleOf(page, SERVER).click();
  await page.keyboard.press('Control+C');
  await typeLine(page, SERVER, 'nc -l -s 127.0.0.1 -p 1234');
  await expect(serverNode).toContainText('listens 127.0.0.1:1234');
  const reach = page.getByRole('region', { name: 'Reachability' });
  await reach.getByRole('button', { name: 'Probe reachability' }).click();
  await expect(
    reach.getByRole('cell', { name: `${CLIENT} → ${SERVER}: unreachable` }),
  ).toBeVisible();
  await expect(
    diagram.locator(`[aria-label="Reach ${CLIENT} → ${SERVER}: unreachable"]`),
  ).toHaveCount(1);

  // …and can once it listens on 0.0.0.0.
  await consoleOf(page, SERVER).click();
  await page.keyboard.press('Control+C');
  await typeLine(page, SERVER, 'nc -lp 1234');
  await expect(serverNode).toContainText('listens 0.0.0.0:1234');
  await reach.getByRole('button', { name: 'Probe reachability' }).click();
  await expect(reach.getByRole('cell', { name: `${CLIENT} → ${SERVER}: reachable` })).toBeVisible();
  await expect(
    diagram.locator(`[aria-label="Reach ${CLIENT} → ${SERVER}: reachable"]`),
  ).toHaveCount(1);
});

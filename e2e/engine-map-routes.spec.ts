// The engine map says what a client in a container dials to reach a published port, from the
// engine's facts for the network at hand: that network's own gateway and bridge (not docker0),
// and plainly that a port published on 127.0.0.1 cannot be dialled from a container.
import { test, expect } from './fixtures';
import { pane } from './app';
import { TEST_IMAGE, docker, startShell } from './engine';

test('the engine map: the client dials the gateway of its own network', async ({ app: page }) => {
  await startShell('client');
  const server = await docker.createContainer({
    name: 'server',
    Image: TEST_IMAGE,
    Cmd: ['bash'],
    Tty: true,
    OpenStdin: true,
    Labels: { 'io.crosstalk.owned': 'true' },
    ExposedPorts: { '41234/tcp': {}, '41235/tcp': {} },
    HostConfig: {
      NetworkMode: 'stage',
      PortBindings: {
        '41234/tcp': [{ HostIp: '0.0.0.0', HostPort: '41234' }],
        '41235/tcp': [{ HostIp: '127.0.0.1', HostPort: '41235' }],
      },
    },
  });
  await server.start();
  const stage = await docker.getNetwork('stage').inspect();
  const gateway = stage.IPAM!.Config![0]!.Gateway!;
  await expect(pane(page, 'server')).toBeVisible();

  await page.getByRole('button', { name: 'Engine map', exact: true }).click();
  const routes = page.getByLabel('Through the host, from each network');
  await expect(routes).toContainText(
    `the client dials ${gateway}:41234: ${gateway} is the host’s address on stage’s bridge br-${stage.Id.slice(0, 12)}, and the engine forwards port 41234 to server:41234`,
  );
  await expect(routes).toContainText(
    `published on 127.0.0.1 only: a client on stage cannot dial ${gateway}:41235`,
  );
  await expect(routes).not.toContainText('docker0');
});

// The course's first demo, end to end: "hold my word" through the host, then
// "I am client" through a legacy link.
import { test, expect } from './fixtures';
import { consoleOf, createContainer, headerTool, typeLine, waitForPrompt } from './app';
import { docker, gatewayOf } from './engine';
import { docsShot } from './docs-shot';

test('bytes typed in the client arrive at the server, through the host and through a link', async ({
  app: page,
}) => {
  await createContainer(page, { name: 'server', ports: '1234:1234' });
  await waitForPrompt(page, 'server');
  await typeLine(page, 'server', 'nc -lp 1234');

  // The engine's truth: the server really publishes 1234 on the host.
  const server = await docker.getContainer('server').inspect();
  expect(server.NetworkSettings.Ports['1234/tcp']?.[0]?.HostPort).toBe('1234');

  await createContainer(page, { name: 'client' });
  await waitForPrompt(page, 'client');
  const gateway = await gatewayOf('client');
  await typeLine(page, 'client', `nc ${gateway} 1234`);
  await typeLine(page, 'client', 'hold my word');
  await expect(consoleOf(page, 'server')).toContainText('hold my word');
  await docsShot(page, 'screenshot-hold-my-word.png');

  // Screen-reader mode keeps the console's text as an accessible document.
  await headerTool(page, 'Reader');
  await expect(consoleOf(page, 'server').locator('.xterm-accessibility-tree')).toContainText(
    'hold my word',
  );
  await headerTool(page, 'Reader');

  // Second half: connect directly, through a legacy link.
  await page.keyboard.press('Control+C');
  await consoleOf(page, 'server').click();
  await page.keyboard.press('Control+C');
  await typeLine(page, 'server', 'nc -lp 1234');
  await createContainer(page, { name: 'linked-client', links: ['server'] });
  await waitForPrompt(page, 'linked-client');
  const hosts = await docker.getContainer('linked-client').inspect();
  expect(hosts.HostConfig.Links).toContain('/server:/linked-client/server');
  await typeLine(page, 'linked-client', 'nc server 1234');
  await typeLine(page, 'linked-client', 'I am client');
  await expect(consoleOf(page, 'server')).toContainText('I am client');
});

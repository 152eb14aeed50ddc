// One spec per lesson: set it up from the panel, click its commands into the
// consoles, and check each step against the engine's truth.
import { test, expect } from './fixtures';
import { consoleOf, pane } from './app';
import { BUSYBOX_IMAGE, docker, gatewayOf, TEST_IMAGE } from './engine';
import {
  expectCheck,
  expectPlainEvidence,
  openLesson,
  panesInOrder,
  runCommands,
  step,
} from './lessons';
import { docsShot } from './docs-shot';

test('lesson 1: through the host', async ({ app: page }) => {
  const lesson = await openLesson(page, '1 · Through the host');
  const gateway = await gatewayOf('client');
  await expect(lesson).toContainText(gateway);
  await runCommands(page, step(lesson, 'Listen on the server'), ['server', 'client']);
  await expectCheck(step(lesson, 'Listen on the server'), /listens on .*:1234/);
  await runCommands(page, step(lesson, 'Connect from the client, through the host'), []);
  await expectCheck(
    step(lesson, 'Connect from the client, through the host'),
    new RegExp(`${gateway}:1234`),
  );
  await runCommands(page, step(lesson, 'Send a message'), []);
  await expect(consoleOf(page, 'server')).toContainText('hold my word');
  await expectCheck(step(lesson, 'Send a message'), /received "hold my word"/);
  await docsShot(page, 'lesson-through-host.png');
  await lesson.getByRole('button', { name: 'Reset' }).click();
  await expect(pane(page, 'server')).toHaveCount(0);
  expect(
    (
      await docker.listContainers({
        all: true,
        filters: { label: ['io.crosstalk.lab=lesson-through-host'] },
      })
    ).length,
  ).toBe(0);
});

test('lesson 2: legacy links', async ({ app: page }) => {
  const lesson = await openLesson(page, '2 · Legacy links');
  const serverIp = (await docker.getContainer('server').inspect()).NetworkSettings.Networks[
    'bridge'
  ]!.IPAddress;
  await runCommands(page, step(lesson, 'The link is a line in /etc/hosts'), ['server', 'client']);
  await expect(consoleOf(page, 'client')).toContainText(`${serverIp}\tserver`);
  await expectCheck(
    step(lesson, 'The link is a line in /etc/hosts'),
    new RegExp(`server is ${serverIp.replace(/\./g, '\\.')}`),
  );
  await runCommands(page, step(lesson, '…and environment variables'), []);
  await expectCheck(
    step(lesson, '…and environment variables'),
    new RegExp(`SERVER_PORT=tcp://${serverIp}:1234`),
  );
  await runCommands(page, step(lesson, 'Talk through the link'), []);
  await expect(consoleOf(page, 'server')).toContainText('I am client');
  await expectCheck(step(lesson, 'Talk through the link'), /I am client/);
  await expectPlainEvidence(step(lesson, 'Talk through the link'), 'I am client');
  await runCommands(page, step(lesson, 'One way only'), []);
  await expectCheck(step(lesson, 'One way only'), /no entry for client/);
  await expectPlainEvidence(step(lesson, 'One way only'), 'server cannot resolve client');
  await docsShot(page, 'lesson-legacy-links.png');
  const recreate = step(lesson, 'Re-create the server');
  // Made before the client (the client links to it), the server's pane comes first, and stays.
  expect(await panesInOrder(page)).toEqual(['server', 'client']);
  await recreate.getByRole('button', { name: 'Re-create server' }).click();
  await expect(recreate.getByRole('status')).toContainText('server re-created');
  await expect(pane(page, 'server-placeholder')).toHaveCount(0);
  await expect(pane(page, 'server')).toHaveCount(1);
  expect(await panesInOrder(page)).toEqual(['server', 'client']);
  await expectCheck(recreate, /lost its line|stale address|link is broken/);
});

test('lesson 3: user-defined networks', async ({ app: page }) => {
  const lesson = await openLesson(page, '3 · User-defined networks');
  await runCommands(page, step(lesson, 'The embedded DNS'), ['server', 'client']);
  await expect(consoleOf(page, 'client')).toContainText('nameserver 127.0.0.11');
  await expectCheck(step(lesson, 'The embedded DNS'), /127\.0\.0\.11/);
  await runCommands(page, step(lesson, 'Talk by name'), []);
  await expect(consoleOf(page, 'server')).toContainText('now it works');
  await expectCheck(step(lesson, 'Talk by name'), /now it works/);
  const recreate = step(lesson, 'Re-create the server');
  // Set up makes both at once, so either may come first; the re-create must not change it.
  const before = await panesInOrder(page);
  expect(before.toSorted()).toEqual(['client', 'server']);
  await recreate.getByRole('button', { name: 'Re-create server' }).click();
  await expect(recreate.getByRole('status')).toContainText('server re-created');
  await expect(recreate.getByRole('status')).toContainText('a stand-in container held');
  // The new server keeps the old one's place; the stand-in leaves no pane behind.
  await expect(pane(page, 'server-placeholder')).toHaveCount(0);
  await expect(pane(page, 'server')).toHaveCount(1);
  expect(await panesInOrder(page)).toEqual(before);
  const newIp = (await docker.getContainer('server').inspect()).NetworkSettings.Networks['example']!
    .IPAddress;
  await expectCheck(
    recreate,
    new RegExp(`resolves to ${newIp.replace(/\./g, '\\.')}: the new server`),
  );
  await docsShot(page, 'lesson-user-networks.png');
  await runCommands(page, step(lesson, 'Reconnect, by the same name'), ['server']);
  await expectCheck(
    step(lesson, 'Reconnect, by the same name'),
    new RegExp(`${newIp}:1234 is established`),
  );
});

for (const [image, flavour] of [
  [TEST_IMAGE, 'traditional'],
  [BUSYBOX_IMAGE, 'busybox'],
] as const) {
  test(`lesson 4: bind addresses (${flavour} netcat)`, async ({ app: page }) => {
    const lesson = await openLesson(page, '4 · Bind addresses', image);
    await expect(lesson).toContainText(new RegExp(`Netcat in the image\\s*${flavour}`));
    await runCommands(page, step(lesson, 'Listen on 127.0.0.1 only'), ['server', 'client']);
    await expectCheck(
      step(lesson, 'Listen on 127.0.0.1 only'),
      /127\.0\.0\.1:1234 \(loopback only\)/,
    );
    const first = step(lesson, 'Who can reach it?');
    await first.getByRole('button', { name: 'Probe' }).click();
    const table1 = first.getByRole('table', { name: 'Who can reach the server' });
    await expect(table1.getByRole('row', { name: /^client/ })).toContainText('✗ unreachable');
    await expect(table1.getByRole('row', { name: /^server itself/ })).toContainText('✓ reachable');
    await expect(table1.getByRole('row', { name: /^this host/ })).toContainText('✗ unreachable');
    await runCommands(page, step(lesson, 'Listen on 0.0.0.0'), []);
    await expectCheck(step(lesson, 'Listen on 0.0.0.0'), /(0\.0\.0\.0|\[::\]):1234\./);
    const second = step(lesson, 'Who can reach it now?');
    await second.getByRole('button', { name: 'Probe' }).click();
    const table2 = second.getByRole('table', { name: 'Who can reach the server' });
    await expect(table2.getByRole('row', { name: /^client/ })).toContainText('✓ reachable');
    await expect(table2.getByRole('row', { name: /^this host/ })).toContainText('✓ reachable');
    if (flavour === 'traditional') await docsShot(page, 'lesson-bind-addresses.png');
  });
}

// Scenario files, recording and replay: the seed demo ("hold my word") as a
// scenario stepped by the speaker's key, recorded while it runs, exported, and
// replayed in browser mode started against no engine.
import { readFile, rm } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { testEngines } from '../scripts/test-engines/engines.mjs';
import { startWebMode, stopWebMode } from './web-mode';
import { consoleOf, pane } from './app';
import { docker } from './engine';
import { outputOf, parseCastStrictly } from './recording';
import type { Page } from '@playwright/test';

const SEED = 'scenarios/hold-my-word.yaml';

/** Picks a file made of `text` in the scenario file chooser (the Scenario panel is open). */
function chooseScenarioText(page: Page, name: string, text: string, mimeType = 'text/yaml') {
  return page
    .getByLabel('Open a scenario or recording file')
    .setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

/** Opens the Scenario panel and picks a file made of `text`. */
async function openScenarioText(page: Page, name: string, text: string, mimeType?: string) {
  await page.getByRole('button', { name: 'Scenario', exact: true }).click();
  await chooseScenarioText(page, name, text, mimeType);
}

function step(page: Page, n: number, title: string) {
  return page.getByRole('listitem', { name: `Step ${n}: ${title}` });
}

test('the seed demo as a scenario: stepped by F7, checked, recorded, replayed with no engine', async ({
  app: page,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Downloads and a second server: browser mode.');
  await page.getByRole('button', { name: 'Scenario', exact: true }).click();
  await page.getByLabel('Open a scenario or recording file').setInputFiles(SEED);
  const scenario = page.getByRole('article', { name: 'Hold my word' });
  await scenario.getByRole('button', { name: 'Set up' }).click();
  await expect(consoleOf(page, 'server')).toContainText('#');
  await expect(consoleOf(page, 'client')).toContainText('#');
  // Created through the app's create path: labelled as the scenario's, on its network.
  const client = await docker.getContainer('client').inspect();
  expect(client.Config.Labels['io.crosstalk.lab']).toBe('scenario-hold-my-word');
  expect(Object.keys(client.NetworkSettings.Networks)).toEqual(['example']);

  await page.getByRole('button', { name: 'Record', exact: true }).click();
  const recordingTo = page.getByRole('status').filter({ hasText: 'Recording to' });
  await expect(recordingTo).toBeVisible();

  const titles = ['The server listens', 'The client dials the server by name', 'Hold my word'];
  for (const [i, title] of titles.entries()) {
    await page.locator('body').focus();
    await page.keyboard.press('F7');
    const li = step(page, i + 1, title);
    await expect(li).toContainText('done', { timeout: 30_000 });
    await expect(li.getByRole('status')).toContainText('✓');
  }
  await expect(consoleOf(page, 'server')).toContainText('hold my word');
  await expect(page.getByRole('status', { name: 'Caption' })).toHaveText(
    'Typed in the client, printed by the server',
  );
  await page.getByRole('button', { name: 'Stop recording' }).click();
  const saved = page.getByText(/^Saved in /);
  await expect(saved).toBeVisible();
  const dir = (await saved.locator('code').textContent())!;

  // Back one step and re-type it: the server prints the words a second time.
  await page.keyboard.press('Shift+F7');
  await expect(step(page, 3, 'Hold my word')).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('F7');
  await expect(step(page, 3, 'Hold my word')).toContainText('done');
  await expect
    .poll(
      async () =>
        ((await consoleOf(page, 'server').textContent()) ?? '').split('hold my word').length - 1,
    )
    .toBeGreaterThanOrEqual(2);

  // Export: the bundle and each pane's .cast, as asciinema's player reads them.
  const downloads: Record<string, string> = {};
  const all = new Promise<void>((resolve) => {
    page.on('download', async (d) => {
      const path = testInfo.outputPath(d.suggestedFilename());
      await d.saveAs(path);
      downloads[d.suggestedFilename()] = path;
      if (Object.keys(downloads).length === 3) resolve();
    });
  });
  await page.getByRole('button', { name: 'Export bundle and .cast files' }).click();
  await all;
  const server = parseCastStrictly(await readFile(downloads['server.cast']!, 'utf8'));
  const clientCast = parseCastStrictly(await readFile(downloads['client.cast']!, 'utf8'));
  expect(server.header.title).toBe('server');
  expect(outputOf(server)).toContain('hold my word');
  expect(clientCast.events.some((e) => e[1] === 'i' && e[2].includes('d'))).toBe(true);
  const markers = server.events.filter((e) => e[1] === 'm').map((e) => e[2]);
  expect(markers).toEqual(titles.map((t, i) => `${i + 1}. ${t}`));
  // The files on disk are the same ones, written as it happened.
  expect(await readFile(`${dir}/server.cast`, 'utf8')).toBe(
    await readFile(downloads['server.cast']!, 'utf8'),
  );
  const bundleFile = Object.keys(downloads).find((f) => f.endsWith('.crosstalk.json'))!;
  const bundle = JSON.parse(await readFile(downloads[bundleFile]!, 'utf8'));
  const kinds = bundle.events.map((e: { kind: string }) => e.kind);
  expect(kinds).toContain('step');
  expect(kinds).toContain('snapshot');
  await rm(dir, { recursive: true, force: true });

  // Replay in browser mode started against no engine at all.
  const offlineServer = await startWebMode(process.cwd(), {
    DOCKER_HOST: 'unix:///tmp/crosstalk-13-no-engine.sock',
  });
  const { url } = offlineServer;
  try {
    const offline = await page.context().newPage();
    await offline.goto(url);
    await expect(offline.getByText('disconnected')).toBeVisible();
    await offline.getByRole('button', { name: 'Scenario', exact: true }).click();
    await offline
      .getByLabel('Open a scenario or recording file')
      .setInputFiles(downloads[bundleFile]!);
    const replay = offline.getByRole('region', { name: 'Replay', exact: true });
    await expect(replay).toContainText('Replay · not live');
    const serverPane = offline.getByRole('group', { name: 'server replayed console' });
    const markerBar = offline.getByRole('navigation', { name: 'Markers' });
    await markerBar.getByRole('button', { name: '2. The client dials the server by name' }).click();
    await expect(serverPane).toContainText('nc -lp 1234');
    await expect(serverPane).not.toContainText('hold my word');
    await markerBar.getByRole('button', { name: '3. Hold my word' }).click();
    await expect(serverPane).not.toContainText('hold my word');
    await offline.getByLabel('Speed').selectOption('4');
    await offline.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(serverPane).toContainText('hold my word');
    const diagram = offline.getByRole('complementary', { name: 'Replayed diagram' });
    await expect(diagram.getByLabel('container server')).toContainText('running');
    await expect(diagram.getByLabel('Replayed engine events')).toContainText(
      'step 3. Hold my word',
    );
    await offline.screenshot({ path: testInfo.outputPath('replay.png') });

    // Bad input, still with no engine: the line and the reason.
    await offline.getByRole('button', { name: 'Close replay' }).click();
    const broken = (await readFile(SEED, 'utf8')).replace(
      '        speed: 12',
      '        speed: fast',
    );
    const line = broken.split('\n').findIndex((l) => l.includes('speed: fast')) + 1;
    await chooseScenarioText(offline, 'broken.yaml', broken);
    await expect(offline.getByRole('alert', { name: 'File error' })).toContainText(
      `broken.yaml, line ${line}: steps[2].actions[1].speed`,
    );
    const badCast = (await readFile(downloads['server.cast']!, 'utf8')).replace(/\n\[\d/, '\n[-1');
    await chooseScenarioText(offline, 'bad.cast', badCast, 'application/x-asciicast');
    await expect(offline.getByRole('alert', { name: 'Recording error' })).toContainText(
      'bad.cast, line 2: the time is seconds since the start',
    );
  } finally {
    await stopWebMode(offlineServer);
  }
  await expect(pane(page, 'server')).toBeVisible();
});

test('a scenario whose image is missing offers to pull it', async ({ app: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The browser project covers it.');
  const text = (await readFile(SEED, 'utf8')).replace(
    'image: crosstalk-test:latest',
    'image: crosstalk-absent-13:latest',
  );
  await openScenarioText(page, 'absent.yaml', text);
  await page.getByRole('button', { name: 'Set up' }).click();
  await expect(
    page.getByText('needs crosstalk-absent-13:latest, which is not on this engine'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Pull image and set up' }).click();
  // No registry is reachable here: the pull itself is tried and its failure explained.
  await expect(page.getByText(/Could not pull crosstalk-absent-13:latest/)).toBeVisible({
    timeout: 30_000,
  });
  expect(
    (
      await docker.listContainers({
        all: true,
        filters: { label: ['io.crosstalk.lab=scenario-hold-my-word'] },
      })
    ).length,
  ).toBe(0);
});

test('a scenario pulls its missing image from a registry in the page: layers, cancel, then set-up', async ({
  app: page,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The browser project covers it.');
  const big = `127.0.0.1:${testEngines().registry.port}/crosstalk-big:latest`;
  const removeBig = () =>
    docker
      .getImage(big)
      .remove({ force: true })
      .catch(() => undefined);
  await removeBig();
  try {
    const text = (await readFile(SEED, 'utf8')).replace(
      'image: crosstalk-test:latest',
      `image: ${big}`,
    );
    await openScenarioText(page, 'big.yaml', text);
    await page.getByRole('button', { name: 'Set up' }).click();
    await page.getByRole('button', { name: 'Pull image and set up' }).click();
    const pull = page.getByRole('region', { name: `Pull of ${big}` });
    // The same pull as everywhere: a row per layer with its bytes, and Cancel.
    await expect(pull.getByRole('row', { name: /^Layer / }).first()).toBeVisible({
      timeout: 30_000,
    });
    await pull.getByRole('button', { name: 'Cancel pull' }).click();
    await expect(page.getByText(`The pull of ${big} was cancelled.`)).toBeVisible();
    const lab = { label: ['io.crosstalk.lab=scenario-hold-my-word'] };
    expect((await docker.listContainers({ all: true, filters: lab })).length).toBe(0);

    await page.getByRole('button', { name: 'Pull image and set up' }).click();
    await expect(page.getByRole('toolbar', { name: 'Step controls' })).toBeVisible({
      timeout: 120_000,
    });
    await expect(pull).toBeHidden();
    await expect(pane(page, 'server')).toBeVisible();
    expect((await docker.getContainer('server').inspect()).Config.Image).toBe(big);
  } finally {
    await docker
      .listContainers({ all: true, filters: { label: ['io.crosstalk.lab=scenario-hold-my-word'] } })
      .then((cs) => Promise.all(cs.map((c) => docker.getContainer(c.Id).remove({ force: true }))));
    await removeBig();
  }
});

test('a recording over 2 MB opens in browser mode: sent in chunks, checked, replayed', async ({
  app: page,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The WebSocket limit is browser mode’s.');
  // 3 MB of output in one pane: more than one WebSocket message may carry (2 MiB).
  const line = `${'hold my word '.repeat(7)}\r\n`;
  const events = Array.from({ length: 32_000 }, (_, i) => JSON.stringify([i / 1000, 'o', line]));
  const cast = [
    JSON.stringify({ version: 2, width: 100, height: 30, timestamp: 1_790_000_000, title: 'big' }),
    ...events,
  ].join('\n');
  expect(cast.length).toBeGreaterThan(3_000_000);
  await openScenarioText(page, 'big.cast', cast, 'application/x-asciicast');
  const replay = page.getByRole('region', { name: 'Replay', exact: true });
  await expect(replay).toContainText('Replay · not live');
  await expect(page.getByRole('group', { name: 'big replayed console' })).toBeVisible();
  await page.getByRole('button', { name: 'Close replay' }).click();
});

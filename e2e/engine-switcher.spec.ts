// The engine switcher, from the header: the course's demo on the local engine, then on Podman
// and on the TLS dockerd, switched live in one window. The test engines are made visible to
// discovery through a docker config of the test's own (DOCKER_CONFIG with a context for each),
// never through the person's ~/.docker.
import Dockerode from 'dockerode';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { consoleOf, createContainer, pane, typeLine, waitForPrompt } from './app';
import { docsShot } from './docs-shot';
import { docker } from './engine';
import { startWebMode, stopWebMode, type WebMode } from './web-mode';
import { cleanupOwned } from '../src/main/engine/networks';
import { dockerFor } from '../src/main/engine/connect';
import { parseHost } from '../src/main/engine/discovery';
import { testEngines } from '../scripts/test-engines/engines.mjs';
import {
  dockerConfigWithTestEngines,
  type TestDockerConfig,
} from '../test/support/docker-contexts';

test.use({ viewport: { width: 1280, height: 720 } });

const engines = testEngines();
const podman = new Dockerode({ socketPath: engines.podman.socket });
const { certDir } = engines.tls;
const tlsDocker = dockerFor(
  parseHost(
    `tcp://${engines.tls.host}:${engines.tls.port}`,
    {
      verify: true,
      caPath: `${certDir}/ca.pem`,
      certPath: `${certDir}/cert.pem`,
      keyPath: `${certDir}/key.pem`,
    },
    { source: 'DOCKER_HOST', sourceDetail: 'the e2e test', contextName: null, machineName: null },
  ),
);
const everyEngine = () =>
  Promise.all([docker, podman, tlsDocker].map((engine) => cleanupOwned(engine)));

let config: TestDockerConfig;
let web: WebMode;

// eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
test.beforeAll(async ({}, testInfo) => {
  test.skip(
    testInfo.project.name !== 'browser',
    'Browser mode is started with its own DOCKER_CONFIG.',
  );
  config = dockerConfigWithTestEngines();
  web = await startWebMode(process.cwd(), { DOCKER_CONFIG: config.dir });
});

test.afterAll(async () => {
  if (web) await stopWebMode(web);
  config?.remove();
  await everyEngine();
});

const switcher = (page: Page) => page.getByRole('button', { name: /Switch engine$/ });

/** The course's demo on the engine the window shows: a server and a client talking by name. */
async function holdMyWord(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Networks' }).click();
  const panel = page.getByRole('region', { name: 'Networks' });
  await panel.getByLabel('docker network create').fill('talk');
  await panel.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(panel.getByRole('article', { name: 'Network talk' })).toBeVisible();
  await page.getByRole('button', { name: 'Networks' }).click();

  await createContainer(page, { name: 'server', network: 'talk' });
  await waitForPrompt(page, 'server');
  await typeLine(page, 'server', 'nc -lp 1234');
  await createContainer(page, { name: 'client', network: 'talk' });
  await waitForPrompt(page, 'client');
  await typeLine(page, 'client', 'nc server 1234');
  await typeLine(page, 'client', 'hold my word');
  await expect(consoleOf(page, 'server')).toContainText('hold my word');
}

test('switching from the local engine to Podman and to the TLS engine, the demo on each', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await everyEngine();
  await page.goto(web.url);
  await expect(switcher(page)).toHaveAccessibleName(/^Engine: (default|DOCKER_HOST), Docker/);
  await holdMyWord(page);

  // Stage mode, by keyboard: open the list, move to Podman, choose it.
  await page.keyboard.press('Shift+F8');
  await switcher(page).focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('menu', { name: 'Engines' });
  const podmanItem = list.getByRole('menuitemradio', { name: new RegExp(`^${config.podman}`) });
  await expect(podmanItem).toContainText(/Podman \d/);
  const tlsItem = list.getByRole('menuitemradio', { name: new RegExp(`^${config.tls}`) });
  await expect(tlsItem).toContainText('TLS');
  await expect(list.getByRole('menuitemradio', { checked: true })).toContainText('this window');
  await docsShot(page, 'screenshot-engine-switcher.png');
  while (!(await podmanItem.evaluate((el) => el === document.activeElement)))
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(switcher(page)).toHaveAccessibleName(
    `Engine: ${config.podman}, Podman. Switch engine`,
  );
  // The local engine's panes are gone; the notice says what closed.
  const notice = page.getByRole('status').filter({ hasText: 'This window now shows' });
  await expect(notice).toContainText(`This window now shows ${config.podman} (Podman`);
  await expect(notice).toContainText('2 consoles on');
  await expect(pane(page, 'server')).toHaveCount(0);
  await page.keyboard.press('Shift+F8');

  await holdMyWord(page);
  await page.getByRole('button', { name: 'Engine map' }).click();
  const map = page.getByRole('region', { name: 'Engine map' });
  await expect(map).toContainText(/Podman \d/);
  await expect(map.getByTestId('engine-link')).toContainText('local socket');
  await expect(map).toContainText(`unix://${engines.podman.socket}`);
  await expect(map).toContainText('podman0');
  await docsShot(page, 'screenshot-engine-map-podman.png');

  // By mouse now, to the TLS dockerd; the engine map follows the window to the new engine.
  await switcher(page).click();
  await tlsItem.click();
  await expect(switcher(page)).toHaveAccessibleName(
    `Engine: ${config.tls}, Docker Engine. Switch engine`,
  );
  await expect(switcher(page)).toContainText('TLS');
  await expect(map.getByTestId('engine-link')).toContainText('TLS');
  await expect(map).toContainText(`tcp://127.0.0.1:${engines.tls.port}`);
  // Its containers reach the host on its own bridge, not on docker0 (the main engine's).
  await expect(map).toContainText('which is the host’s ct');
  await expect(map).not.toContainText('docker0');
  await docsShot(page, 'screenshot-engine-map-tls.png');
  await page.getByRole('button', { name: 'Engine map' }).click();
  await holdMyWord(page);

  // The engines' truth: each has its own server, and the TLS one is where the window is.
  for (const engine of [docker, podman, tlsDocker])
    expect((await engine.getContainer('server').inspect()).State.Running).toBe(true);
  await page.reload();
  await expect(switcher(page)).toHaveAccessibleName(new RegExp(`^Engine: ${config.tls}`));
});

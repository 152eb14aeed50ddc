// Two hosts in one window, on the two-host lab (`npm run lab -- two-hosts up`, which `.ci/run`
// starts): both lab engines added beside the app's own, lesson 5 set up from the Lessons panel,
// the demo typed into node2's client and read in node1's server console, the diagram's
// cross-host edge within a second, the published-port method, and checks that fail when their
// step is skipped.
import Dockerode from 'dockerode';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { docsShot } from './docs-shot';
import { expectCheck, openLesson, step } from './lessons';
import { readLabState } from '../src/main/lab/lab-state';
import { testEngines } from '../scripts/test-engines/engines.mjs';
import { docker as mainEngine } from './engine';

const lab = readLabState();
const nodes = (lab?.nodes ?? []).map((n) => new Dockerode({ socketPath: n.socketPath }));
const LESSON = '5 · Across hosts';
const LESSON_LAB = 'io.crosstalk.lab=lesson-across-hosts';

/** A pane when the window shows several engines: "server on node1". */
const paneOn = (page: Page, name: string, node: string) =>
  page.getByRole('region', { name: `${name} on ${node}`, exact: true });
const consoleIn = (pane: Locator, name: string) =>
  pane.getByRole('group', { name: `${name} console`, exact: true });

async function typeInto(page: Page, pane: Locator, name: string, line: string) {
  await consoleIn(pane, name).click();
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** The lab must start outside any swarm and without the lesson's leftovers (a failed run's). */
async function clearLab() {
  for (const docker of nodes) {
    const left = await docker.listContainers({ all: true, filters: { label: [LESSON_LAB] } });
    await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  }
  for (const docker of [...nodes].reverse()) {
    const info = await docker.info();
    if (info.Swarm?.LocalNodeState === 'active') await docker.swarmLeave({ force: true });
  }
}

async function addLabEngines(page: Page) {
  await page.getByRole('button', { name: /^Engines · / }).click();
  for (const node of ['node1', 'node2'])
    await page.getByRole('button', { name: `Add ${node} to this window` }).click();
  await expect(page.getByRole('button', { name: 'Engines · 3' })).toBeVisible();
  await page.getByRole('button', { name: /^Engines · / }).click();
}

/** Failed checks say ✗ with the reason; the result is the step's first status. */
async function expectFailedCheck(s: Locator, detail: RegExp) {
  await s.getByRole('button', { name: 'Check' }).click();
  const status = s.getByRole('status').first();
  await expect(status).toContainText('✗');
  await expect(status).toContainText(detail);
}

/**
 * Times, in the page, from the Enter keystroke to the edge in the DOM: the expect's own
 * polling (100, 250, 500, 1000 ms apart) would add up to a second of its own.
 */
async function clockEdge(page: Page, label: string) {
  await page.evaluate((label) => {
    const clock = { enter: -1, edge: -1 };
    Object.assign(window, { edgeClock: clock });
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter') return;
      clock.enter = performance.now();
      document.removeEventListener('keydown', onKey, true);
    };
    document.addEventListener('keydown', onKey, true);
    new MutationObserver((_, observer) => {
      if (clock.enter < 0 || !document.querySelector(`[aria-label^="${label}"]`)) return;
      clock.edge = performance.now();
      observer.disconnect();
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, label);
}

async function edgeDelay(page: Page): Promise<number> {
  const clock = await page.evaluate(
    () => (window as unknown as { edgeClock: { enter: number; edge: number } }).edgeClock,
  );
  expect(clock.enter, 'Enter was seen').toBeGreaterThan(0);
  expect(clock.edge, 'the edge was seen').toBeGreaterThan(0);
  return Math.round(clock.edge - clock.enter);
}

const boxOf = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not drawn');
  return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
};

/** Host node1 and host node2 side by side (x apart, y shared), the edge reaching across. */
async function expectSideBySide(diagram: Locator, edge: Locator) {
  const hosts = ['node1', 'node2'].map((n) => diagram.getByRole('group', { name: `Host ${n}` }));
  for (const host of hosts) await expect(host).toBeInViewport();
  const [a, b] = [await boxOf(hosts[0]!), await boxOf(hosts[1]!)];
  const [left, right] = a.left < b.left ? [a, b] : [b, a];
  expect(left.right, 'the hosts’ x ranges are disjoint').toBeLessThanOrEqual(right.left);
  expect(a.top < b.bottom && b.top < a.bottom, 'the hosts’ y ranges overlap').toBe(true);
  const line = await boxOf(edge.locator('path').first());
  expect(line.left, 'the edge starts under the left host').toBeLessThan(left.right);
  expect(line.right, 'the edge ends under the right host').toBeGreaterThan(right.left);
}

test.describe('two hosts in one window', () => {
  test.skip(nodes.length < 2, 'The two-host lab is not up (npm run lab -- two-hosts up).');
  test.beforeEach(clearLab);
  test.afterEach(clearLab);

  test('lesson 5 across the lab: demo, diagram within 1 s, checks that fail when skipped', async ({
    app: page,
  }) => {
    test.setTimeout(180_000);
    // Both lab engines, added from the header.
    await addLabEngines(page);

    const lesson = await openLesson(page, LESSON);
    await expect(lesson).toContainText(`node1 at ${lab!.nodes[0]!.underlayIp}`);

    // Each check fails until its step is done.
    const swarm = step(lesson, 'Two engines, one swarm');
    await expectFailedCheck(swarm, /not one swarm yet/);
    const overlay = step(lesson, 'An overlay network spans both hosts');
    const placement = step(lesson, 'A server on host A, a client on host B');
    await expectFailedCheck(placement, /not both running|could not run/);
    await swarm.getByRole('button', { name: 'Create the swarm' }).click();
    await expect(swarm.getByRole('status').first()).toContainText('are one swarm', {
      timeout: 30_000,
    });
    await expectFailedCheck(overlay, /has no network crosstalk-overlay/);
    await overlay.getByRole('button', { name: 'Create the overlay' }).click();
    await expect(overlay.getByRole('status').first()).toContainText('spans the swarm', {
      timeout: 30_000,
    });
    await placement.getByRole('button', { name: 'Start server and client' }).click();
    await expect(placement.getByRole('status').first()).toContainText('one overlay subnet', {
      timeout: 30_000,
    });

    // Both hosts in one window: each pane says which engine it is on.
    const server = paneOn(page, 'server', 'node1');
    const client = paneOn(page, 'client', 'node2');
    await expect(server.locator('[data-engine="lab-node1"]').first()).toHaveText('node1');
    await expect(client.locator('[data-engine="lab-node2"]').first()).toHaveText('node2');
    await expect(consoleIn(server, 'server')).toContainText('#');
    await expect(consoleIn(client, 'client')).toContainText('#');

    const talk = step(lesson, 'Talk by name, across hosts');
    await expectFailedCheck(talk, /No connection from client to server/);

    // The diagram: a host per engine, the overlay across them, the connection within 1 s.
    await page.getByRole('button', { name: 'Diagram' }).click();
    const diagram = page.getByRole('region', { name: 'Diagram' });
    await expect(diagram.getByRole('group', { name: 'Host node1' })).toBeVisible();
    await expect(diagram.getByRole('group', { name: 'Host node2' })).toBeVisible();
    await expect(diagram.getByRole('group', { name: 'Network crosstalk-overlay' })).toHaveCount(1);

    await talk.locator('button.cmd').first().click(); // listen in server, on node1
    await expect(diagram.getByRole('group', { name: 'Container server' })).toContainText(':1234');
    // The panel folds away so both consoles and the diagram share the window.
    const lessons = page.getByRole('button', { name: 'Lessons', exact: true });
    await lessons.click();
    const edge = diagram.locator('[aria-label^="Connection client → server"]');
    await clockEdge(page, 'Connection client → server');
    await typeInto(page, client, 'client', 'nc server 1234');
    await expect(edge).toHaveCount(1, { timeout: 5_000 });
    const ms = await edgeDelay(page);
    test.info().annotations.push({ type: 'cross-host edge appeared', description: `${ms} ms` });
    console.log(`cross-host edge drawn ${ms} ms after Enter`);
    expect(ms).toBeLessThan(1000);

    // The demo across hosts: typed in node2's client, read in node1's server console.
    await typeInto(page, client, 'client', 'hold my word');
    await expect(consoleIn(server, 'server')).toContainText('hold my word');
    // At 1280×720 the hosts stand side by side, the connection drawn from one to the other.
    await page.setViewportSize({ width: 1280, height: 720 });
    await diagram.getByRole('button', { name: 'Fit' }).click();
    await expectSideBySide(diagram, edge);
    await page.screenshot({ path: test.info().outputPath('two-hosts-1280x720.png') });
    // The docs' picture: tall enough for the overlay under both hosts too.
    await page.setViewportSize({ width: 1440, height: 900 });
    await diagram.getByRole('button', { name: 'Fit' }).click();
    await expectSideBySide(diagram, edge);
    await expect(
      diagram.getByRole('group', { name: 'Network crosstalk-overlay' }),
    ).toBeInViewport();
    await docsShot(page, 'two-hosts.png');
    await lessons.click();
    await expectCheck(talk, /talks to server on node1 over the overlay/);

    // The first method across hosts: publish on node1, dial node1's own address from node2.
    const published = step(lesson, 'Through host A’s published port');
    await expectFailedCheck(published, /Nothing publishes 8080/);
    await published.getByRole('button', { name: 'Publish 8080 on host A' }).click();
    await expect(paneOn(page, 'published', 'node1')).toBeVisible();
    await expect(consoleIn(paneOn(page, 'published', 'node1'), 'published')).toContainText('#');
    const commands = published.locator('button.cmd');
    await commands.nth(0).click();
    await page.waitForTimeout(400);
    await commands.nth(1).click();
    await expectCheck(published, /reached published on node1 through/);
    await expect(diagram.locator(`[aria-label^="Connection client → published"]`)).toHaveCount(1);

    // Reset: nothing of the lesson left, and neither engine in a swarm any more.
    await lesson.getByRole('button', { name: 'Reset' }).click();
    await expect(lesson.getByRole('button', { name: 'Set up', exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await expect(server).toHaveCount(0);
    for (const docker of nodes) {
      const left = await docker.listContainers({ all: true, filters: { label: [LESSON_LAB] } });
      expect(left).toHaveLength(0);
      expect((await docker.info()).Swarm?.LocalNodeState).toBe('inactive');
    }

    // An added engine leaves the view again; the window's own engine cannot be removed.
    await page.getByRole('button', { name: /^Engines · / }).click();
    await page.getByRole('button', { name: 'Remove node2 from this window' }).click();
    await expect(page.getByRole('button', { name: 'Engines · 2' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add node2 to this window' })).toBeVisible();
  });

  test('a pull goes to the engine chosen in New container, its progress shown for that engine', async ({
    app: page,
  }) => {
    // The test registry listens on this machine's loopback: node2 (its own network namespace)
    // cannot reach it, the window's own engine can. So node2's pull fails, with node2's reason.
    const image = `127.0.0.1:${testEngines().registry.port}/crosstalk-big:latest`;
    await mainEngine
      .getImage(image)
      .remove({ force: true })
      .catch(() => undefined);
    await addLabEngines(page);
    await page.getByRole('button', { name: 'New container' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New container' });
    await dialog.getByLabel('Engine').selectOption({ label: 'node2' });
    await dialog.getByLabel('Image', { exact: true }).fill(image);
    await expect(dialog.getByRole('note')).toContainText('is not on this engine');
    await dialog.getByRole('button', { name: `Pull ${image}` }).click();
    const pull = dialog.getByRole('region', { name: `Pull of ${image}` });
    await expect(pull).toContainText('failed', { timeout: 30_000 });
    await expect(pull.getByRole('alert')).toContainText(/connection refused|dial tcp/);
    // The window's own engine was never asked.
    await expect(mainEngine.getImage(image).inspect()).rejects.toThrow();
  });
});

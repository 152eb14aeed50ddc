// The diagram a room can read: at 1280×720 (a projector), with 6 containers on 2 networks, a
// link, published ports and a live connection, every piece of text renders at 12 px or more
// and no two labels overlap (measured on their boxes); Large text makes it larger; the view
// stays where the person put it when the picture changes; the matrix scrolls with its headers.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { docker, TEST_IMAGE } from './engine';
import { docsShot } from './docs-shot';
import { lineContrasts, textContrasts } from './contrast';
import { headerTool } from './app';

const OWNED = { 'io.crosstalk.owned': 'true' };
const NETS = ['dg-front', 'dg-back'];

test.use({ viewport: { width: 1280, height: 720 } });

async function run(name: string, network: string, more: Record<string, unknown> = {}) {
  const { HostConfig, ...rest } = more;
  const c = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Tty: true,
    OpenStdin: true,
    Labels: OWNED,
    HostConfig: { NetworkMode: network, ...(HostConfig as object) },
    ...rest,
  });
  await c.start();
}

async function exec(name: string, cmd: string) {
  const e = await docker.getContainer(name).exec({ Cmd: ['sh', '-c', cmd] });
  await e.start({ Detach: true });
}

/** Six containers on two networks: a link, published ports, a server and a live client. */
async function stage() {
  for (const n of NETS) await docker.createNetwork({ Name: n, Labels: OWNED });
  await run('dg-web', 'dg-front', {
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '18080' }] } },
  });
  await run('dg-api', 'dg-front', {
    ExposedPorts: { '1234/tcp': {} },
    HostConfig: { PortBindings: { '1234/tcp': [{ HostIp: '127.0.0.1', HostPort: '11234' }] } },
  });
  await run('dg-proxy', 'dg-front');
  await run('dg-db', 'dg-back');
  await run('dg-cache', 'dg-back');
  await run('dg-worker', 'dg-back', {
    NetworkingConfig: { EndpointsConfig: { 'dg-back': { Links: ['dg-db:database'] } } },
  });
  await exec('dg-db', 'sleep 600 | nc -lp 5432');
  await exec('dg-worker', 'sleep 600 | nc dg-db 5432');
}

/** Every text-bearing element of the diagram, its rendered font size, and its box. */
async function texts(page: Page) {
  return page.getByRole('region', { name: 'Diagram' }).evaluate((root) => {
    const viewport = root.querySelector('.svelte-flow__viewport') as HTMLElement;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const out: { text: string; px: number; inFlow: boolean }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent!.trim() || el.closest('[aria-hidden="true"], details:not([open])'))
        continue;
      if (el.getClientRects().length === 0) continue;
      const inFlow = viewport.contains(el);
      const px = parseFloat(getComputedStyle(el).fontSize) * (inFlow ? zoom : 1);
      out.push({ text: n.textContent!.trim().slice(0, 40), px, inFlow });
    }
    return { zoom, out };
  });
}

/** The boxes of every label: edge labels and each line of text in the nodes. */
async function labelBoxes(page: Page) {
  return page
    .locator(
      '.svelte-flow__edge-label, .node-box .name, .node-box .facts, .node-box .endpoint, .node-box .title, .node-box .image, .node-box li, .node-box .quiet',
    )
    .evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent!.trim(), x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
}

type Rect = { text: string; x: number; y: number; w: number; h: number };
const intersect = (a: Rect, b: Rect) =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

test('the diagram of 6 containers on 2 networks reads at 12 px or more, labels apart', async ({
  app: page,
}) => {
  await stage();
  await page.getByRole('button', { name: 'Diagram' }).click();
  const diagram = page.getByRole('region', { name: 'Diagram' });
  for (const name of ['dg-web', 'dg-api', 'dg-proxy', 'dg-db', 'dg-cache', 'dg-worker'])
    await expect(diagram.getByRole('group', { name: `Container ${name}` })).toBeVisible({
      timeout: 15_000,
    });
  await expect(
    diagram.locator('[aria-label="Link dg-worker → dg-db as database on dg-back"]'),
  ).toHaveCount(1);
  await expect(diagram.locator('[aria-label^="Connection dg-worker → dg-db"]')).toHaveCount(1);
  await expect(diagram.getByRole('group', { name: 'Container dg-api' })).toContainText(
    'host 127.0.0.1:11234 → 1234/tcp',
  );
  await page.waitForTimeout(600); // the fit's 200 ms animation, and a sockets tick

  const { zoom, out } = await texts(page);
  test.info().annotations.push({ type: 'diagram zoom', description: zoom.toFixed(2) });
  const smallest = Math.min(...out.map((t) => t.px));
  test.info().annotations.push({ type: 'smallest text', description: `${smallest.toFixed(1)} px` });
  expect(out.filter((t) => t.px < 12)).toEqual([]);
  expect(out.filter((t) => t.inFlow).length).toBeGreaterThan(30);

  const boxes = await labelBoxes(page);
  const clashes = boxes.flatMap((a, i) =>
    boxes.slice(i + 1).flatMap((b) => (intersect(a, b) ? [`${a.text} × ${b.text}`] : [])),
  );
  expect(clashes).toEqual([]);
  await docsShot(page, 'diagram-six-containers.png');

  // Every piece of node and label text against what is behind it, in the dark theme and the
  // light one a projector needs (WCAG AA for normal text: 4.5:1).
  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light') await headerTool(page, 'Light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const contrasts = await textContrasts(diagram, '.node-box, .svelte-flow__edge-label');
    expect(contrasts.length).toBeGreaterThan(30);
    const lowest = Math.min(...contrasts.map((c) => c.ratio));
    test.info().annotations.push({ type: `lowest contrast, ${theme}`, description: `${lowest}:1` });
    expect(contrasts.filter((c) => c.ratio < 4.5)).toEqual([]);
    // Each line (trunk, attachment, link, connection) against the canvas and the host's box
    // it crosses: 3:1, what a line that carries meaning needs (WCAG non-text contrast).
    const lines = await lineContrasts(diagram, '.svelte-flow__edge-path', '.host');
    expect(lines.length).toBeGreaterThan(6);
    const faintest = Math.min(...lines.map((c) => c.ratio));
    test.info().annotations.push({ type: `faintest line, ${theme}`, description: `${faintest}:1` });
    expect(lines.filter((c) => c.ratio < 3)).toEqual([]);
  }
  await headerTool(page, 'Light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Large text: everything in the picture larger still.
  await page.getByRole('button', { name: 'Large text' }).click();
  await page.waitForTimeout(600);
  const large = await texts(page);
  expect(Math.min(...large.out.filter((t) => t.inFlow).map((t) => t.px))).toBeGreaterThanOrEqual(
    18,
  );
  await page.getByRole('button', { name: 'Large text' }).click();
  await page.waitForTimeout(600);

  // The person pans: a new container does not move the view back; Fit does.
  const flow = diagram.locator('.svelte-flow');
  const box = (await flow.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(300);
  const transform = () =>
    diagram.locator('.svelte-flow__viewport').evaluate((v) => getComputedStyle(v).transform);
  const panned = await transform();
  await run('dg-late', 'dg-back');
  await expect(diagram.getByRole('group', { name: 'Container dg-late' })).toBeAttached();
  await page.waitForTimeout(600);
  expect(await transform()).toBe(panned);
  await diagram.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(transform).not.toBe(panned);

  // The matrix: scrolls both ways, its header row and column stay in view.
  const reach = page.getByRole('region', { name: 'Reachability' });
  await reach.getByRole('button', { name: 'Probe reachability' }).click();
  const scroller = reach.getByRole('region', { name: 'Reachability matrix, scrollable' });
  await expect(scroller.getByRole('table')).toBeVisible({ timeout: 30_000 });
  const sizes = await scroller.evaluate((s) => ({
    sw: s.scrollWidth,
    cw: s.clientWidth,
    sh: s.scrollHeight,
    ch: s.clientHeight,
  }));
  expect(sizes.sw).toBeGreaterThan(sizes.cw);
  expect(sizes.sh).toBeGreaterThan(sizes.ch);
  await scroller.evaluate((s) => s.scrollTo(s.scrollWidth, s.scrollHeight));
  const corner = scroller.getByRole('columnheader', { name: 'from ↓ to →' });
  const scrollerBox = (await scroller.boundingBox())!;
  const cornerBox = (await corner.boundingBox())!;
  expect(Math.abs(cornerBox.x - scrollerBox.x)).toBeLessThan(3);
  expect(Math.abs(cornerBox.y - scrollerBox.y)).toBeLessThan(3);
});

// What browser mode's start-up leaves out and keeps (BENCHMARKS.md, start-up): the engine client
// without the packages only image builds, BuildKit and ssh:// engines use, none of them loaded
// for a unix-socket engine; hashed assets kept by the browser, the page itself never.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { removeOwned, startShell } from './engine';
import { listProbe } from '../bench/lib/list-probe';
import { startWebMode, stopWebMode } from './web-mode';

// eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', "Browser mode's start-up; the build is shared.");
});

/** The header's New container: enabled once the engine answered and its list is shown. */
const ready = (page: Page) =>
  page.getByRole('banner').getByRole('button', { name: 'New container' });

test('the built engine client leaves out tar-fs, ssh2 and gRPC', () => {
  const chunks = readdirSync('out/main/chunks').map((f) =>
    readFileSync(join('out/main/chunks', f), 'utf8'),
  );
  const main = chunks.join('\n');
  // The bundler names each bundled package's file in a comment.
  expect(main).toContain('// node_modules/dockerode/lib/docker.js');
  for (const pkg of ['tar-fs', 'tar-stream', '@balena/dockerignore', 'uuid', 'ssh2', 'protobufjs'])
    expect(main, pkg).not.toContain(`// node_modules/${pkg}/`);
});

test('a unix-socket engine: the list is shown with none of them loaded', async ({ page }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'loaded-packages-')), 'packages.json');
  const web = await startWebMode(process.cwd(), {
    NODE_OPTIONS: `--import ${join(process.cwd(), 'e2e/loaded-packages.mjs')}`,
    LOADED_PACKAGES_FILE: file,
  });
  try {
    await page.goto(web.url);
    await expect(ready(page)).toBeEnabled();
  } finally {
    await stopWebMode(web);
  }
  const loaded = JSON.parse(readFileSync(file, 'utf8')) as string[];
  for (const pkg of ['tar-fs', '@balena/dockerignore', 'uuid', 'ssh2', 'protobufjs'])
    expect(loaded, pkg).not.toContain(pkg);
});

test('hashed assets are kept by the browser; the page is fetched every time', async ({ page }) => {
  // With start-up marks on, the server notes each file it serves on stderr.
  const web = await startWebMode(process.cwd(), { CROSSTALK_STARTUP_MARKS: '1' });
  const served: string[] = [];
  web.child.stderr!.on('data', (d: Buffer) => {
    for (const m of d.toString().matchAll(/served (\S+)/g)) served.push(m[1]!);
  });
  try {
    const headers = new Map<string, Record<string, string>>();
    page.on('response', async (r) => headers.set(new URL(r.url()).pathname, await r.allHeaders()));
    await page.goto(web.url);
    await expect(ready(page)).toBeEnabled();
    expect(headers.get('/')!['cache-control']).toBe('no-store');
    expect(headers.get('/')!['set-cookie']).toContain('crosstalk_token=');
    const scripts = served.filter((p) => /^\/assets\/.+\.js$/.test(p));
    expect(scripts.length).toBeGreaterThan(1);
    await expect.poll(() => scripts.filter((s) => !headers.has(s))).toEqual([]);
    for (const s of scripts)
      expect(headers.get(s)?.['cache-control'], s).toBe('private, max-age=31536000, immutable');

    // A reload fetches the page again and none of the scripts it had.
    served.length = 0;
    await page.reload();
    await expect(ready(page)).toBeEnabled();
    expect(served).toContain('/');
    expect(served.filter((p) => scripts.includes(p))).toEqual([]);
  } finally {
    await stopWebMode(web);
  }
});

test('the list is painted first; then the consoles, then the lessons, with no click', async ({
  page,
}) => {
  await removeOwned();
  await startShell('first-a');
  await startShell('first-b');
  const web = await startWebMode();
  const calls: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      if (typeof f.payload === 'string')
        calls.push((JSON.parse(f.payload) as { name: string }).name);
    }),
  );
  try {
    await page.addInitScript({ content: listProbe(['first-a', 'first-b']) });
    await page.goto(web.url);
    await expect(page.getByRole('group', { name: 'first-a console' })).toBeVisible();
    // The Lessons panel's code and the lessons (YAML read on the main side) arrive unasked.
    await expect.poll(() => calls).toContain('lessons');
    await expect(page.getByRole('complementary')).toHaveCount(0);
    // The page's own clock: what was fetched when, against the frame that painted the list.
    const fetchedAt = () =>
      page.evaluate(() => {
        const start = (name: RegExp) =>
          performance.getEntriesByType('resource').find((r) => name.test(r.name))?.startTime ?? -1;
        return {
          listFrame: performance.getEntriesByName('list-frame')[0]?.startTime ?? -1,
          console: start(/\/Console-[\w-]{8}\.js$/),
          lessons: start(/\/LessonPanel-[\w-]{8}\.js$/),
        };
      });
    // An entry is there once its fetch has ended.
    await expect.poll(async () => (await fetchedAt()).lessons).toBeGreaterThan(0);
    const at = await fetchedAt();
    expect(at.listFrame).toBeGreaterThan(0);
    expect(at.console).toBeGreaterThan(at.listFrame);
    expect(at.lessons).toBeGreaterThan(at.console);
  } finally {
    await stopWebMode(web);
    await removeOwned();
  }
});

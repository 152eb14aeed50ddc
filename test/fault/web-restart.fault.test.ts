// Browser mode restarted under an open page, as Jupyter survives its own restart: the token and
// port are kept in the config folder, so the restarted server prints the same URL; the page
// says what happened, reconnects by itself (no reload), and its consoles take typing again.
import { afterAll, expect, it } from 'vitest';
import {
  browserModeSuite,
  consoleText,
  freshConfigDir,
  openPage,
  startPromptShell,
  startWeb,
  stopWeb,
  typeInto,
  waitForConsoles,
  type WebProcess,
} from './browser-mode';
import { record } from './figures';
import { TEST_IMAGE } from './private-engine';

const PROMPT = 'ct9-restart$';
const SHELL = 'fault-restart-shell';
const SERVER = 'fault-restart-exec';
const configDir = freshConfigDir();
const running: WebProcess[] = [];
// Each test starts (and restarts) its own browser mode on `configDir`.
const suite = browserModeSuite(
  async (docker) => {
    await startPromptShell(docker, SHELL, PROMPT);
    const server = await docker.createContainer({
      name: SERVER,
      Image: TEST_IMAGE,
      Cmd: ['sleep', 'inf'],
    });
    await server.start();
  },
  { web: false },
);

afterAll(async () => {
  for (const web of running) await stopWeb(web);
});

async function start(args: string[] = []): Promise<WebProcess> {
  const web = await startWeb(args, configDir);
  running.push(web);
  return web;
}

it('a restarted browser mode keeps its URL, and the open page reconnects without a reload', async () => {
  const first = await start();
  const page = await openPage(suite.browser, first.url);
  await waitForConsoles(page, [SHELL], PROMPT, 15_000);
  await typeInto(page, SERVER, `PS1='${PROMPT} '`);
  await waitForConsoles(page, [SERVER], PROMPT, 10_000);
  // Gone after a reload: proves the page was never reloaded.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  await stopWeb(first);
  const banner = page.getByRole('alert').filter({ hasText: 'Disconnected from Crosstalk' });
  await banner.waitFor({ timeout: 10_000 });
  const said = await banner.textContent();
  expect(said).toContain(
    "Crosstalk's browser-mode server stopped; start it again with `npm run web` and this page reconnects by itself.",
  );
  await expect
    .poll(() => banner.textContent())
    .toMatch(/Reconnecting… \(attempt \d+, next in \d+ s\)/);
  await banner.getByRole('button', { name: 'Retry now' }).waitFor();

  const second = await start();
  expect(second.url).toBe(first.url);
  const t0 = performance.now();
  // The person need not wait for the back-off: Retry now reconnects at once.
  await banner.getByRole('button', { name: 'Retry now' }).click();
  await banner.waitFor({ state: 'detached', timeout: 15_000 });
  const reconnectedMs = performance.now() - t0;
  await waitForConsoles(page, [SHELL], PROMPT, 10_000);
  await waitForConsoles(page, [SERVER], 'a new shell', 10_000);
  const consolesMs = performance.now() - t0;
  await typeInto(page, SHELL, 'echo back-$((40+2))');
  await typeInto(page, SERVER, 'echo also-$((40+2))');
  await waitForConsoles(page, [SHELL], 'back-42', 10_000);
  await waitForConsoles(page, [SERVER], 'also-42', 10_000);
  const typedMs = performance.now() - t0;
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

  // Without Retry now, the back-off finds a server that comes back by itself.
  await stopWeb(second);
  await banner.waitFor({ timeout: 10_000 });
  const third = await start();
  const t1 = performance.now();
  await banner.waitFor({ state: 'detached', timeout: 20_000 });
  const byItselfMs = performance.now() - t1;
  await waitForConsoles(page, [SHELL], PROMPT, 10_000);
  await typeInto(page, SHELL, 'echo again-$((40+2))');
  await waitForConsoles(page, [SHELL], 'again-42', 10_000);
  expect(await consoleText(page, SHELL)).not.toContain('was removed');

  // --new-token rotates: same port, another token; the old URL is refused.
  await stopWeb(third);
  const rotated = await start(['--new-token']);
  expect(new URL(rotated.url).port).toBe(new URL(first.url).port);
  expect(rotated.url).not.toBe(first.url);
  expect(rotated.output()).toMatch(/made a new access token/);
  const old = await fetch(first.url);
  expect(old.status).toBe(403);

  record('web-restart', {
    reconnectAfterRetryNowMs: Math.round(reconnectedMs),
    consolesBackMs: Math.round(consolesMs),
    typingAnsweredMs: Math.round(typedMs),
    reconnectByBackoffMs: Math.round(byItselfMs),
  });
});

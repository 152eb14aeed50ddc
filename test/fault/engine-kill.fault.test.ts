// The engine dies under an open page: its dockerd killed with TERM, then with KILL, while
// consoles are open (attach and exec). The page says the engine is disconnected — never that
// a container was removed — and once the engine runs again the list is right and each console
// reattaches with its marker and takes typing, without a reload.
import { beforeAll, expect, it } from 'vitest';
import type { Page } from '@playwright/test';
import {
  browserModeSuite,
  consoleText,
  openPage,
  startPromptShell,
  typeInto,
  waitForConsoles,
} from './browser-mode';
import { record } from './figures';
import { killEngine, startEngine, TEST_IMAGE } from './private-engine';

const PROMPT = 'ct9-kill$';
/** Attach consoles (a TTY with stdin) that come back when the engine does. */
const SHELLS = ['fault-kill-a', 'fault-kill-b'];
/** No stdin: its pane opens an exec console (a shell of its own). */
const SERVER = 'fault-kill-exec';
/** dockerd restarts them when it starts again; a TERM'd dockerd waits 1 s, not 10, per stop. */
const comeBack = { HostConfig: { RestartPolicy: { Name: 'always' } }, StopTimeout: 1 };
const suite = browserModeSuite(
  async (docker) => {
    for (const name of SHELLS) await startPromptShell(docker, name, PROMPT, comeBack);
    const s = await docker.createContainer({
      ...comeBack,
      name: SERVER,
      Image: TEST_IMAGE,
      Env: [`PS1=${PROMPT} `],
      Cmd: ['sleep', 'infinity'],
    });
    await s.start();
  },
  // A test that fails with the engine down leaves it to be started again before removal.
  { beforeRemove: () => startEngine() },
);
let page: Page;

beforeAll(async () => {
  page = await openPage(suite.browser, suite.web.url);
  await waitForConsoles(page, SHELLS, PROMPT, 15_000);
});

/** The page's state label of one container (its pane header). */
const paneState = (name: string) =>
  page
    .getByRole('region', { name, exact: true })
    .locator('.state')
    .first()
    .textContent()
    .then((t) => t?.trim() ?? '');

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  it(`${signal} to dockerd mid-session: disconnected, then the list and every console come back`, async () => {
    const all = [...SHELLS, SERVER];
    await startEngine();
    for (const name of all)
      await expect.poll(() => paneState(name), { timeout: 15_000 }).toBe('running');
    // The exec shell is at its prompt (set here: it is a login shell of its own).
    await typeInto(page, SERVER, `PS1='${PROMPT} '`);
    await waitForConsoles(page, [SERVER], PROMPT, 10_000);

    const t0 = performance.now();
    await killEngine(signal);
    const killedMs = performance.now() - t0;
    const banner = page.getByRole('alert').filter({ hasText: 'No Docker engine' });
    await banner.waitFor({ timeout: 15_000 });
    const bannerMs = performance.now() - t0;
    // Every console says what happened — the engine went away, or (a TERM'd dockerd stops its
    // containers first) the container exited — and none that its container was removed.
    const said = await Promise.all(
      all.map(async (name) => {
        await expect
          .poll(() => consoleText(page, name), { timeout: 10_000, interval: 50 })
          .toMatch(/engine is unreachable|exited with code/);
        const text = await consoleText(page, name);
        expect(text, name).not.toContain('was removed');
        return /engine is unreachable/.test(text.slice(text.lastIndexOf(PROMPT)));
      }),
    );

    const t = performance.now();
    await startEngine();
    // From here on: the engine answers again.
    const t1 = performance.now();
    const engineMs = t1 - t;
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    const listed = await Promise.all(
      all.map((name) =>
        expect.poll(() => paneState(name), { timeout: 15_000, interval: 20 }).toBe('running'),
      ),
    ).then(() => performance.now() - t1);
    await waitForConsoles(page, all, 'console reattached', 15_000);
    const reattached = performance.now() - t1;

    const t2 = performance.now();
    for (const name of all) await typeInto(page, name, `echo typed-$((6*7))-${name}`);
    await waitForConsoles(page, all, 'typed-42', 10_000);
    const typedMs = performance.now() - t2;
    for (const name of all) expect(await consoleText(page, name)).toContain(`typed-42-${name}`);
    record(`engine-kill-${signal}`, {
      killedMs: Math.round(killedMs),
      consolesSayingEngineUnreachable: said.filter(Boolean).length,
      disconnectedShownMs: Math.round(bannerMs),
      engineStartMs: Math.round(engineMs),
      listRightAfterAnswerMs: Math.round(listed),
      consolesReattachedAfterAnswerMs: Math.round(reattached),
      typingAnsweredMs: Math.round(typedMs),
    });
  });
}

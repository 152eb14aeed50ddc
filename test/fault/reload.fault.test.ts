// A reloaded page reattaches its consoles, and each shows what a terminal would: the
// shell's prompt too, which the engine's log never holds (no trailing newline).
import { expect, it } from 'vitest';
import { browserModeSuite, openPage, startPromptShell, waitForConsoles } from './browser-mode';
import { sleep } from './private-engine';
import { record } from './figures';

const COUNT = 24;
const PROMPT = 'ct9-ready$';
const names = Array.from(
  { length: COUNT },
  (_, i) => `fault-shell-${String(i + 1).padStart(2, '0')}`,
);
const suite = browserModeSuite(async (docker) => {
  await Promise.all(names.map((name) => startPromptShell(docker, name, PROMPT)));
  // Every shell has printed its prompt long before the page attaches.
  await sleep(1000);
});

// Measured from the moment the page shows the last pane (mounting 24 xterm panes is the
// page's own start-up, recorded as reloadMs) until every console shows its prompt.
it(`shows the prompt of ${COUNT} shells within 2 s of their panes, also after a reload`, async () => {
  const page = await openPage(suite.browser, suite.web.url);
  await page.getByRole('region', { name: names[COUNT - 1], exact: true }).waitFor();
  const opened = await waitForConsoles(page, names, PROMPT, 10_000);
  const t0 = performance.now();
  await page.reload();
  await page.getByRole('region', { name: names[COUNT - 1], exact: true }).waitFor();
  const panes = performance.now() - t0;
  const prompts = await waitForConsoles(page, names, PROMPT, 10_000);
  record('reload', {
    consoles: COUNT,
    firstOpenPromptsMs: Math.round(opened),
    reloadPanesMs: Math.round(panes),
    reloadPromptsMs: Math.round(prompts),
    reloadTotalMs: Math.round(panes + prompts),
  });
  expect(opened).toBeLessThan(2000);
  expect(prompts).toBeLessThan(2000);
});

// A console is opened as its pane is made, before its xterm is on the page (BENCHMARKS.md, the
// lesson: two panes' xterms took 90–130 ms before the attach); the first prompt is kept and the
// guessed size is followed by the fitted one.
import { test, expect } from '@playwright/test';
import { consoleOf, typeLine, waitForPrompt } from './app';
import { removeOwned, startShell } from './engine';
import { startWebMode, stopWebMode } from './web-mode';

// eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Reads the WebSocket calls of browser mode.');
});

/** For each `openConsole` the page sends: whether that console's xterm was already made. */
const OPEN_PROBE = `(() => {
  const opens = (window.__opens = []);
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string' && data.includes('"openConsole"')) {
      const id = JSON.parse(data).args.consoleId;
      opens.push({ id, xterm: !!document.querySelector('[data-console-id="' + id + '"] .xterm') });
    }
    return send.call(this, data);
  };
})()`;

test('a console opens before its xterm is made, keeps its prompt and takes the fitted size', async ({
  page,
}) => {
  await removeOwned();
  await startShell('early-a');
  const web = await startWebMode();
  try {
    await page.addInitScript({ content: OPEN_PROBE });
    await page.goto(web.url);
    await waitForPrompt(page, 'early-a');
    const opens = await page.evaluate(
      () => (window as unknown as { __opens: { xterm: boolean }[] }).__opens,
    );
    expect(opens.length).toBeGreaterThan(0);
    expect(opens.every((o) => !o.xterm)).toBe(true);
    // The TTY has the size the pane shows, not the guess it was opened with.
    const console = consoleOf(page, 'early-a');
    const [cols, rows] = await Promise.all([
      console.getAttribute('data-cols'),
      console.getAttribute('data-rows'),
    ]);
    expect(`${rows} ${cols}`).not.toBe('24 80');
    await typeLine(page, 'early-a', 'echo "tty=$(stty size)"');
    await expect(console).toContainText(`tty=${rows} ${cols}`);
  } finally {
    await stopWebMode(web);
    await removeOwned();
  }
});

// A 10 MB paste arrives whole: chunked and flow-controlled end to end (browser → server
// → engine stream → the container's TTY), after the console asked first, and the page
// keeps painting meanwhile.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  browserModeSuite,
  consoleText,
  openPage,
  startPromptShell,
  waitForConsoles,
} from './browser-mode';
import { record } from './figures';
import { execIn } from './private-engine';

const SIZE = 10 * 1024 * 1024;
const NAME = 'fault-paste';
const PROMPT = 'ct9-paste$';
const suite = browserModeSuite((docker) => startPromptShell(docker, NAME, PROMPT));

/** Runs a command in the container and returns its output. */
const execInBox = (cmd: string) => execIn(suite.docker, NAME, cmd);

it('pastes 10 MB into a shell after asking, and every byte arrives', async () => {
  const { browser, web } = suite;
  const page = await openPage(browser, web.url);
  await waitForConsoles(page, [NAME], PROMPT, 15_000);
  const console = page.getByRole('group', { name: `${NAME} console`, exact: true });
  await console.click();
  // Raw and silent, so the TTY neither limits line length nor echoes 10 MB back.
  await page.keyboard.type(
    `stty raw -echo; head -c ${SIZE} > /tmp/paste; stty sane; echo pasted-$?`,
  );
  await page.keyboard.press('Enter');
  await expect.poll(() => execInBox('pgrep head || true'), { timeout: 10_000 }).not.toBe('');

  // The text a person copied: no newlines (a TTY would turn them into \r).
  const digest = await page.evaluate((size) => {
    const unit = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const textarea = document.activeElement!;
    const data = new DataTransfer();
    data.setData('text/plain', text);
    // Frames painted while the paste flows: the page must not freeze.
    const w = window as unknown as { pasteGaps: number[] };
    w.pasteGaps = [];
    let last = performance.now();
    const tick = (now: number) => {
      w.pasteGaps.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    textarea.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
    return text.length;
  }, SIZE);
  expect(digest).toBe(SIZE);

  const ask = page.getByRole('alertdialog', { name: `Large paste into ${NAME}` });
  await ask.waitFor();
  expect(await ask.textContent()).toContain('Paste 10.0 MiB into fault-paste?');
  const t0 = performance.now();
  await ask.getByRole('button', { name: 'Paste' }).click();
  await expect
    .poll(() => consoleText(page, NAME), { timeout: 90_000, interval: 200 })
    .toContain('pasted-0');
  const ms = performance.now() - t0;
  const maxGap = await page.evaluate(() =>
    Math.max(...(window as unknown as { pasteGaps: number[] }).pasteGaps),
  );

  const unit = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const expected = createHash('md5')
    .update(unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE))
    .digest('hex');
  expect(await execInBox('wc -c < /tmp/paste')).toBe(String(SIZE));
  expect(await execInBox('md5sum < /tmp/paste')).toContain(expected);
  record('paste', {
    bytes: SIZE,
    ms: Math.round(ms),
    mbPerS: Number((SIZE / 1024 / 1024 / (ms / 1000)).toFixed(2)),
    longestFrameGapMs: Math.round(maxGap),
    serverRssMB: Math.round(
      Number(
        (await import('node:fs'))
          .readFileSync(`/proc/${web.child.pid}/status`, 'utf8')
          .match(/VmRSS:\s+(\d+)/)![1],
      ) / 1024,
    ),
  });
  expect(maxGap).toBeLessThan(2000);
});

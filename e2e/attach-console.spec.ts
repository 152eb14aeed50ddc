// Shell → Attach and back: the container's own terminal shows its prompt at once (the engine's
// log never holds one) and takes typing, for bash and for busybox's sh, every time.
import { test, expect } from './fixtures';
import { consoleOf, pane, typeLine, waitForPrompt } from './app';
import { TEST_IMAGE, docker, startShell } from './engine';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 720 } });

/** The console's last line with text on it, as drawn. */
async function lastLine(page: Page, name: string): Promise<string> {
  const rows = await consoleOf(page, name).locator('.xterm-rows > div').allInnerTexts();
  return (
    rows
      .map((r) => r.replace(/\u00a0/g, ' ').trimEnd())
      .filter(Boolean)
      .at(-1) ?? ''
  );
}

async function choose(page: Page, name: string, mode: 'Attach' | 'Shell'): Promise<void> {
  const button = pane(page, name).getByRole('button', { name: mode, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

for (const shell of ['bash', 'sh'] as const) {
  test(`Attach after Shell shows ${shell}'s prompt and takes typing`, async ({ app: page }) => {
    const name = `attach-${shell}`;
    if (shell === 'bash') {
      await startShell(name);
    } else {
      const container = await docker.createContainer({
        name,
        Image: TEST_IMAGE,
        Cmd: ['sh'],
        Tty: true,
        OpenStdin: true,
        Labels: { 'io.crosstalk.owned': 'true' },
      });
      await container.start();
    }
    // bash: root@<id>:/#   busybox sh: / #
    const prompt = shell === 'bash' ? /^root@\w+:\/# ?$/ : /^\/ # ?$/;
    await waitForPrompt(page, name);

    for (let round = 1; round <= 2; round++) {
      await choose(page, name, 'Shell');
      await expect.poll(() => lastLine(page, name)).toMatch(/^bash-[\d.]+# ?$/);
      await typeLine(page, name, `echo shell-$((${round}+40))`);
      await expect(consoleOf(page, name)).toContainText(`shell-${round + 40}`);

      await choose(page, name, 'Attach');
      // The prompt shows before any key is pressed, on the console's last line.
      await expect.poll(() => lastLine(page, name), { timeout: 5_000 }).toMatch(prompt);
      await typeLine(page, name, `echo attached-$((${round}*7))`);
      await expect(consoleOf(page, name)).toContainText(`attached-${round * 7}`);
      await expect.poll(() => lastLine(page, name)).toMatch(prompt);
    }
  });
}

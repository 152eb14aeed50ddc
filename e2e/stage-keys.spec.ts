// On stage, by keyboard: the app's keys work with a console focused and never reach its
// shell; F6 walks every pane and the header, so no console keeps the keyboard.
import { test, expect } from './fixtures';
import { consoleOf, pane, typeLine, waitForPrompt } from './app';
import { startShell } from './engine';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 720 } });

/** The accessible name of whatever has the keyboard. */
const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

test('F8 and F6 work inside a console and type nothing into its shell', async ({ app: page }) => {
  for (const name of ['alpha', 'beta', 'gamma']) await startShell(name);
  for (const name of ['alpha', 'beta', 'gamma']) await waitForPrompt(page, name);

  // Each console's text box is named after its container.
  await expect(page.getByRole('textbox', { name: 'alpha console input' })).toBeAttached();

  await consoleOf(page, 'alpha').click();
  expect(await focusedName(page)).toBe('alpha console input');
  const largeText = page.getByRole('button', { name: 'Large text' });
  await expect(largeText).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('F8');
  await expect(largeText).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('F8');
  await expect(largeText).toHaveAttribute('aria-pressed', 'false');

  // F6 and Shift+F6 move between consoles; the key itself types nothing.
  await page.keyboard.press('F6');
  expect(await focusedName(page)).toBe('beta console input');
  await page.keyboard.press('F6');
  expect(await focusedName(page)).toBe('gamma console input');
  await page.keyboard.press('Shift+F6');
  await page.keyboard.press('Shift+F6');
  expect(await focusedName(page)).toBe('alpha console input');

  // Had F8 or F6 reached the shell, the line would start with "~" (bash: ~echo …).
  await page.keyboard.type('echo sum=$((6*7))', { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(consoleOf(page, 'alpha')).toContainText('sum=42');
  await expect(consoleOf(page, 'alpha')).not.toContainText('command not found');
  await expect(consoleOf(page, 'alpha')).not.toContainText('~');
  await typeLine(page, 'beta', 'echo sum=$((6*7))');
  await expect(consoleOf(page, 'beta')).toContainText('sum=42');
  await expect(consoleOf(page, 'beta')).not.toContainText('~');
});

test('F6 reaches every pane, the open panels and the header, and F1 lists the keys', async ({
  app: page,
}) => {
  for (const name of ['alpha', 'beta']) await startShell(name);
  for (const name of ['alpha', 'beta']) await waitForPrompt(page, name);
  // At 1280 wide the panels float over the consoles; the keyboard reaches them all the same.
  await consoleOf(page, 'alpha').click();
  await page.getByRole('button', { name: 'Engine map' }).click();
  await page.getByRole('button', { name: 'Diagram' }).click();
  await consoleOf(page, 'alpha').locator('textarea').focus();
  const visited: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('F6');
    visited.push(
      await page.evaluate(
        () =>
          document.activeElement
            ?.closest<HTMLElement>('[data-focus-region]')
            ?.getAttribute('aria-label') ?? 'nowhere',
      ),
    );
  }
  // After the last pane: the diagram, the header, the side panel, and round to the first pane.
  expect(visited).toEqual(['beta', 'Diagram', 'Crosstalk', 'Side panel', 'alpha']);

  // The focused pane is outlined; the others are not.
  await page.keyboard.press('F6');
  expect(await focusedName(page)).toBe('beta console input');
  const outline = await pane(page, 'beta').evaluate((el) => getComputedStyle(el).boxShadow);
  expect(outline).not.toBe('none');
  expect(await pane(page, 'alpha').evaluate((el) => getComputedStyle(el).boxShadow)).toBe('none');

  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const key of ['F1', 'F6', 'Shift+F6', 'F8', 'F7', 'Shift+F7', 'F4'])
    await expect(help).toContainText(key);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the window has its icon: the favicon is served and nothing on load is missing', async ({
  app: page,
}) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await page.reload();
  await expect(page.getByRole('banner')).toBeVisible();
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
  const icon = await page.request.get(new URL(href!, page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/svg+xml');
  expect(await icon.text()).toContain('<title>Crosstalk</title>');
  await page.waitForLoadState('networkidle');
  expect(failed).toEqual([]);
});

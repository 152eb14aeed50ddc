// Stage mode as a speaker uses it at 1280×720 (a projector): one-line chrome, larger
// consoles, the light theme in the consoles too, all remembered across a reload; the
// README's pictures come from here.
import { test, expect } from './fixtures';
import { consoleOf, pane, typeLine, waitForPrompt } from './app';
import { docker, startShell } from './engine';
import type { Page } from '@playwright/test';
import { docsShot } from './docs-shot';

test.use({ viewport: { width: 1280, height: 720 } });

const cols = async (page: Page, name: string) =>
  Number(await consoleOf(page, name).getAttribute('data-cols'));

/** The console's background as xterm paints it. */
const consoleBackground = (page: Page, name: string) =>
  consoleOf(page, name)
    .locator('.xterm-scrollable-element')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);

test('stage mode, dark and light: one-line chrome, remembered across a reload', async ({
  app: page,
}) => {
  for (const name of ['server', 'client']) await startShell(name);
  for (const name of ['server', 'client']) await waitForPrompt(page, name);
  const serverIp = (await docker.getContainer('server').inspect()).NetworkSettings.Networks[
    'stage'
  ]!.IPAddress;
  const normalCols = await cols(page, 'server');

  await page.getByRole('button', { name: 'Stage' }).click();
  await expect(page.getByRole('button', { name: 'Stage' })).toHaveAttribute('aria-pressed', 'true');
  // Larger console text on stage: fewer columns in the same pane.
  await expect.poll(() => cols(page, 'server')).toBeLessThan(normalCols);
  // One line per pane and one for the header; the actions are in menus.
  for (const name of ['server', 'client']) {
    const header = (await pane(page, name).locator('header').boundingBox())!;
    expect(header.height).toBeLessThan(50);
    await expect(pane(page, name).getByRole('button', { name: 'Stop' })).toHaveCount(0);
  }
  expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(50);
  await page.getByRole('button', { name: 'More actions' }).click();
  await expect(page.getByRole('menuitem', { name: 'Clean up' })).toBeVisible();
  await page.keyboard.press('Escape');

  // A real conversation for the picture.
  await typeLine(page, 'server', 'nc -lp 1234');
  await typeLine(page, 'client', `nc ${serverIp} 1234`);
  await typeLine(page, 'client', 'hold my word');
  await expect(consoleOf(page, 'server')).toContainText('hold my word');
  await docsShot(page, 'screenshot-stage-dark.png');

  const light = page.getByRole('button', { name: 'Light' });
  await light.click();
  await expect(light).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => consoleBackground(page, 'server')).toBe('rgb(255, 255, 255)');
  await docsShot(page, 'screenshot-stage-light.png');

  // One pane's own zoom, from its menu.
  await pane(page, 'client').getByRole('button', { name: 'Actions for client' }).click();
  await page.getByRole('menuitem', { name: 'A+' }).click();
  await expect.poll(() => cols(page, 'client')).toBeLessThan(await cols(page, 'server'));
  const zoomedCols = await cols(page, 'client');

  await page.reload();
  await waitForPrompt(page, 'client');
  await expect(page.getByRole('button', { name: 'Stage' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Light' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => consoleBackground(page, 'client')).toBe('rgb(255, 255, 255)');
  await expect.poll(() => cols(page, 'client')).toBe(zoomedCols);

  // Shift+F8 from inside a console leaves stage mode, and types nothing.
  await consoleOf(page, 'client').click();
  await page.keyboard.press('Shift+F8');
  await expect(page.getByRole('button', { name: 'Stage' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(pane(page, 'client').getByRole('button', { name: 'Stop' })).toBeVisible();
});

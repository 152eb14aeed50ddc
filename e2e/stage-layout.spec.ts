// Layouts that give the consoles the window, measured in the real browser: the grid's
// shape, maximize, a pinned pair, and panels that never squeeze a console below 80 × 12.
import { test, expect } from './fixtures';
import { consoleOf, pane, waitForPrompt } from './app';
import { startShell } from './engine';
import type { Locator, Page } from '@playwright/test';

/** What xterm itself reports: the console's columns and rows. */
async function consoleSize(page: Page, name: string): Promise<{ cols: number; rows: number }> {
  const el = consoleOf(page, name);
  return {
    cols: Number(await el.getAttribute('data-cols')),
    rows: Number(await el.getAttribute('data-rows')),
  };
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

async function start(page: Page, names: string[]) {
  for (const name of names) await startShell(name);
  for (const name of names) await waitForPrompt(page, name);
}

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('one pane fills the window, two sit side by side at full height', async ({ app: page }) => {
    await start(page, ['alpha']);
    const grid = await box(page.getByRole('main', { name: 'Containers' }));
    const one = await box(pane(page, 'alpha'));
    expect(one.width * one.height).toBeGreaterThan(0.9 * grid.width * grid.height);

    await start(page, ['beta']);
    const a = await box(pane(page, 'alpha'));
    const b = await box(pane(page, 'beta'));
    for (const p of [a, b]) {
      expect(p.width).toBeGreaterThanOrEqual(480);
      expect(p.height).toBeGreaterThanOrEqual(430);
    }
    expect(Math.abs(a.y - b.y)).toBeLessThan(2);
    expect(b.x).toBeGreaterThan(a.x + a.width);
  });

  test('F9 maximizes the focused pane and restores the grid; two pinned panes share the window', async ({
    app: page,
  }) => {
    await start(page, ['alpha', 'beta', 'gamma', 'delta']);
    const grid = await box(page.getByRole('main', { name: 'Containers' }));
    await consoleOf(page, 'gamma').click();
    await page.keyboard.press('F9');
    await expect(pane(page, 'alpha')).toBeHidden();
    const big = await box(pane(page, 'gamma'));
    expect(big.width * big.height).toBeGreaterThan(0.9 * grid.width * grid.height);
    // Still in gamma's shell: F9 typed nothing there.
    await page.keyboard.type('echo max=$((2+3))', { delay: 5 });
    await page.keyboard.press('Enter');
    await expect(consoleOf(page, 'gamma')).toContainText('max=5');
    await expect(consoleOf(page, 'gamma')).not.toContainText('~');
    await page.keyboard.press('F9');
    for (const name of ['alpha', 'beta', 'gamma', 'delta'])
      await expect(pane(page, name)).toBeVisible();

    // Pin delta by key and alpha from its pane: the pair alone, side by side.
    await consoleOf(page, 'delta').click();
    await page.keyboard.press('Shift+F9');
    await pane(page, 'alpha').getByRole('button', { name: 'Pin' }).click();
    await expect(pane(page, 'beta')).toBeHidden();
    await expect(pane(page, 'gamma')).toBeHidden();
    const d = await box(pane(page, 'delta'));
    const a = await box(pane(page, 'alpha'));
    expect(d.x).toBeLessThan(a.x);
    expect(Math.abs(a.y - d.y)).toBeLessThan(2);
    for (const p of [a, d]) expect(p.height).toBeGreaterThan(0.9 * grid.height);

    // The arrangement survives a reload; "Show all" brings every pane back.
    await page.reload();
    await expect(pane(page, 'beta')).toBeHidden();
    await expect(pane(page, 'delta')).toBeVisible();
    await page.getByRole('button', { name: /^Show all/ }).click();
    for (const name of ['alpha', 'beta', 'gamma', 'delta'])
      await expect(pane(page, name)).toBeVisible();
  });

  test('with the side panel and the diagram open at Large text, a console keeps 80 × 12', async ({
    app: page,
  }) => {
    await start(page, ['alpha']);
    await page.getByRole('button', { name: 'Large text' }).click();
    // The pane header stays one line at Large text: actions fold into a menu.
    const header = await box(pane(page, 'alpha').locator('header'));
    expect(header.height).toBeLessThan(60);
    await pane(page, 'alpha').getByRole('button', { name: 'Actions for alpha' }).click();
    const menu = page.getByRole('menu', { name: 'Actions for alpha' });
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Attach' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Stop' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: 'Diagram' }).click();
    await expect(page.getByRole('region', { name: 'Diagram' })).toBeVisible();
    await expect
      .poll(async () => {
        const s = await consoleSize(page, 'alpha');
        return s.cols >= 80 && s.rows >= 12;
      })
      .toBe(true);
  });
});

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the panels dock beside consoles that keep 80 × 12', async ({ app: page }) => {
    await start(page, ['alpha', 'beta']);
    await page.getByRole('button', { name: 'Engine map' }).click();
    await page.getByRole('button', { name: 'Diagram' }).click();
    const side = await box(page.getByRole('complementary', { name: 'Side panel' }));
    const diagram = await box(page.getByRole('region', { name: 'Diagram' }));
    for (const name of ['alpha', 'beta']) {
      const p = await box(pane(page, name));
      // Beside, not under: no panel covers a console.
      expect(p.x).toBeGreaterThanOrEqual(side.x + side.width - 1);
      expect(p.x + p.width).toBeLessThanOrEqual(diagram.x + 1);
      await expect
        .poll(async () => {
          const s = await consoleSize(page, name);
          return s.cols >= 80 && s.rows >= 12;
        })
        .toBe(true);
    }
  });
});

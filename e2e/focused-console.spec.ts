// At 1280×720 with Large text, the side panel and the diagram float over the grid (docked,
// they would squeeze the consoles below 80 × 12). The console with the keyboard must still
// be seen whole: an overlay that would cover it steps aside while it has the keyboard, and
// comes back when the keyboard moves to it (F6) or to the header.
import { test, expect } from './fixtures';
import { consoleOf, pane, waitForPrompt } from './app';
import { startShell } from './engine';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 720 } });

/** The pane whose console has the keyboard, if one has. */
const focusedPane = (page: Page) =>
  page.evaluate(() => {
    const region = document.activeElement?.closest<HTMLElement>('[data-pane]');
    return region?.getAttribute('aria-label') ?? null;
  });

/** Points of the console (corners, inset 3 px, and centre) that something else covers. */
const covered = (page: Page, name: string) =>
  consoleOf(page, name).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const points: [string, number, number][] = [
      ['top left', r.left + 3, r.top + 3],
      ['top right', r.right - 3, r.top + 3],
      ['bottom left', r.left + 3, r.bottom - 3],
      ['bottom right', r.right - 3, r.bottom - 3],
      ['centre', (r.left + r.right) / 2, (r.top + r.bottom) / 2],
    ];
    return points
      .filter(([, x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return !hit || !el.contains(hit);
      })
      .map(([where, x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return `${where} under ${hit?.closest('[aria-label]')?.getAttribute('aria-label') ?? hit?.tagName}`;
      });
  });

/** What xterm reports: columns and rows. */
const sizeOf = async (page: Page, name: string) => {
  const el = consoleOf(page, name);
  return {
    cols: Number(await el.getAttribute('data-cols')),
    rows: Number(await el.getAttribute('data-rows')),
  };
};

// One pane gets 80 × 12 at Large text; two share the width (the grid's choice, panels or
// not), and the panels must not make them smaller than the grid gave them.
for (const names of [['alpha'], ['alpha', 'beta']]) {
  test(`with the side panel and the diagram over the grid, the focused console is seen whole (${names.length} pane(s))`, async ({
    app: page,
  }) => {
    for (const name of names) await startShell(name);
    for (const name of names) await waitForPrompt(page, name);
    const normal = (await sizeOf(page, names[0]!)).cols;
    await page.keyboard.press('F8');
    await expect(page.locator('.app')).toHaveClass(/\blarge\b/);
    // Larger cells, fewer columns: Large text has reached the consoles.
    await expect.poll(() => sizeOf(page, names[0]!).then((s) => s.cols)).toBeLessThan(normal);
    const before = new Map<string, { cols: number; rows: number }>();
    for (const name of names) before.set(name, await sizeOf(page, name));
    await page.getByRole('banner').getByRole('button', { name: 'Lessons', exact: true }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Diagram', exact: true }).click();
    const side = page.getByRole('complementary', { name: 'Side panel' });
    const diagram = page.getByRole('region', { name: 'Diagram' });
    await expect(side).toBeVisible();
    await expect(diagram).toBeVisible();

    const seen = new Set<string>();
    for (let press = 0; press < 12 && seen.size < names.length; press++) {
      await page.keyboard.press('F6');
      const name = await focusedPane(page);
      if (!name) continue;
      seen.add(name);
      await expect.poll(() => covered(page, name), { message: `${name}'s console` }).toEqual([]);
      const size = await sizeOf(page, name);
      expect(size.cols, `${name} columns`).toBeGreaterThanOrEqual(before.get(name)!.cols);
      expect(size.rows, `${name} rows`).toBeGreaterThanOrEqual(before.get(name)!.rows);
      if (names.length === 1) {
        expect(size.cols, `${name} columns`).toBeGreaterThanOrEqual(80);
        expect(size.rows, `${name} rows`).toBeGreaterThanOrEqual(12);
      }
    }
    expect([...seen].sort()).toEqual(names);

    // A click on the header's button of a panel that stepped aside brings it back, open.
    await consoleOf(page, names[0]!).locator('textarea').focus();
    await expect.poll(async () => (await side.boundingBox())?.x ?? 0).toBeLessThan(0);
    await page.getByRole('banner').getByRole('button', { name: 'Lessons', exact: true }).click();
    await expect.poll(async () => (await side.boundingBox())?.x ?? -1).toBe(0);
    await page.waitForTimeout(400); // past the slide's transition: it stays
    await expect(side).toBeVisible();
    await expect(
      page.getByRole('banner').getByRole('button', { name: 'Lessons', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');

    // The keyboard on a panel brings it back over the grid, whole.
    await side.getByRole('button').first().focus();
    await expect.poll(async () => (await side.boundingBox())?.x ?? -1).toBe(0);
    await expect(pane(page, 'alpha')).toBeVisible();
  });
}

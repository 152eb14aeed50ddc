// The header at a projector's, a laptop's and a desktop's sizes, with and without stage
// mode and Large text: one line, inside the window. The engine's status pill and every
// button show whole (seen: "conne…" at 1280×720, "New container" and "?" past the window's
// edge), the endpoint either fits or ends in an ellipsis with the whole of it in the
// tooltip, and a tool that has no room is in the More actions menu, not lost.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** Every header tool: a button in the bar, or an item of its More actions menu. */
const TOOLS = [
  'Lessons',
  'Scenario',
  'Engine map',
  'Networks',
  'Inspector',
  'Diagram',
  'Stage',
  'Light',
  'Large text',
  'Reader',
  'Clean up',
  'New container',
  'Keyboard shortcuts',
];

/** What of the header is cut or outside the window, as the page lays it out. */
const cutInHeader = (page: Page) =>
  page.getByRole('banner').evaluate((bar) => {
    const cut: string[] = [];
    const name = (el: Element) =>
      el.getAttribute('aria-label') ?? (el.textContent ?? '').trim() ?? el.className;
    /** Inside the window and inside every ancestor (up to the bar) that clips. */
    const whole = (el: HTMLElement) => {
      const box = el.getBoundingClientRect();
      if (box.width < 1 || box.left < -0.5 || box.right > window.innerWidth + 0.5) return false;
      if (box.top < -0.5 || box.bottom > window.innerHeight + 0.5) return false;
      if (el.scrollWidth > el.clientWidth + 1) return false;
      for (let up = el.parentElement; up && up !== bar.parentElement; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === 'visible') continue;
        const clip = up.getBoundingClientRect();
        if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) return false;
      }
      return true;
    };
    const shown = (el: HTMLElement) =>
      el.checkVisibility({ visibilityProperty: true }) && !el.closest('[aria-hidden="true"]');
    const pill = bar.querySelector<HTMLElement>('.pill');
    if (!pill || !shown(pill) || !whole(pill)) cut.push(`pill ${pill?.textContent ?? 'missing'}`);
    const buttons = [...bar.querySelectorAll<HTMLElement>('button')].filter(
      (b) => shown(b) && !b.closest('[popover]'),
    );
    for (const b of buttons) if (!whole(b)) cut.push(name(b));
    // One line: every button's middle on the same line as the pill's.
    const mid = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (r.top + r.bottom) / 2;
    };
    if (pill)
      for (const b of buttons)
        if (Math.abs(mid(b) - mid(pill)) > 4) cut.push(`${name(b)} on another line`);
    const endpoint = bar.querySelector<HTMLElement>('.endpoint');
    if (endpoint && shown(endpoint) && endpoint.getBoundingClientRect().width > 0) {
      const box = endpoint.getBoundingClientRect();
      const fits = endpoint.scrollWidth <= endpoint.clientWidth + 1;
      const ellipsis = getComputedStyle(endpoint).textOverflow === 'ellipsis';
      const tooltip = endpoint.closest('[title]')?.getAttribute('title') ?? '';
      if (box.right > window.innerWidth + 0.5) cut.push('endpoint outside the window');
      if (!fits && (!ellipsis || !tooltip.includes(endpoint.textContent ?? '') || box.width < 40))
        cut.push(`endpoint ${endpoint.textContent}`);
    }
    if (bar.scrollWidth > bar.clientWidth + 1) cut.push('the header itself overflows');
    return cut;
  });

/** The header's tools as a person finds them: buttons in the bar, then the More menu. */
async function reachableTools(page: Page): Promise<string[]> {
  const bar = page.getByRole('banner');
  const found: string[] = [];
  for (const tool of TOOLS)
    if (await bar.getByRole('button', { name: tool, exact: true }).isVisible()) found.push(tool);
  const more = bar.getByRole('button', { name: 'More actions' });
  if (await more.isVisible()) {
    await more.click();
    const menu = page.getByRole('menu', { name: 'More actions' });
    for (const tool of TOOLS)
      for (const role of ['menuitem', 'menuitemcheckbox'] as const)
        if (await menu.getByRole(role, { name: tool, exact: true }).count()) found.push(tool);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  }
  return found;
}

/** Sets stage mode (Shift+F8) and Large text (F8) by their keys, as a speaker does. */
async function setMode(page: Page, stage: boolean, large: boolean) {
  const bar = page.getByRole('banner');
  if ((await bar.getAttribute('class'))!.includes('stage') !== stage)
    await page.keyboard.press('Shift+F8');
  await expect(bar).toHaveClass(stage ? /\bstage\b/ : /^(?!.*\bstage\b)/);
  const app = page.locator('.app');
  if ((await app.getAttribute('class'))!.includes('large') !== large)
    await page.keyboard.press('F8');
  await expect(app).toHaveClass(large ? /\blarge\b/ : /^(?!.*\blarge\b)/);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    test('one header line: pill, buttons and endpoint whole, every tool reachable', async ({
      app: page,
    }) => {
      await expect(page.getByRole('banner').locator('.pill')).toHaveText('connected');
      for (const [stage, large] of [
        [false, false],
        [true, false],
        [true, true],
        [false, true],
      ] as const) {
        await setMode(page, stage, large);
        const at = `stage ${stage ? 'on' : 'off'}, Large text ${large ? 'on' : 'off'}`;
        await expect.poll(() => cutInHeader(page), { message: at }).toEqual([]);
        expect(await reachableTools(page), at).toEqual(expect.arrayContaining(TOOLS));
      }
    });
  });
}

test.describe('between 1280 and 1920 wide', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('every width keeps one whole line; the endpoint ends in an ellipsis where it is cut', async ({
    app: page,
  }) => {
    await expect(page.getByRole('banner').locator('.pill')).toHaveText('connected');
    const endpoint = page.getByRole('banner').locator('.engine > .endpoint');
    const seen = { whole: 0, ellipsis: 0, hidden: 0 };
    for (let width = 1280; width <= 1920; width += 16) {
      await page.setViewportSize({ width, height: 720 });
      await expect.poll(() => cutInHeader(page), { message: `at ${width}` }).toEqual([]);
      if (!(await endpoint.isVisible())) seen.hidden++;
      else if (await endpoint.evaluate((el) => el.scrollWidth > el.clientWidth + 1))
        seen.ellipsis++;
      else seen.whole++;
    }
    // The sweep passed through all three: no room, some room, all the room it needs.
    expect(seen.hidden).toBeGreaterThan(0);
    expect(seen.ellipsis).toBeGreaterThan(0);
    expect(seen.whole).toBeGreaterThan(0);
  });

  test('at Large text the tools without room are in More actions, by keyboard', async ({
    app: page,
  }) => {
    await page.keyboard.press('F8');
    const bar = page.getByRole('banner');
    await expect(bar.getByRole('button', { name: 'Light', exact: true })).toBeHidden();
    const more = bar.getByRole('button', { name: 'More actions' });
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'More actions' });
    const light = menu.getByRole('menuitemcheckbox', { name: 'Light', exact: true });
    await expect(light).toHaveAttribute('aria-checked', 'false');
    for (let i = 0; i < 12 && !(await light.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('ArrowDown');
    await expect(light).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(more).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(light).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  });
});

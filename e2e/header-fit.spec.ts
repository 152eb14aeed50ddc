// The header at a projector's and a laptop's sizes, with and without stage mode: the
// engine's status pill and every button show whole (seen: "conne…" at 1280×720), and the
// endpoint, where it shows, either fits or ends in an ellipsis with the whole of it in
// the tooltip.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** Elements of the header whose text is cut, as the page lays them out. */
const cutInHeader = (page: Page) =>
  page.getByRole('banner').evaluate((bar) => {
    const cut: string[] = [];
    const whole = (el: Element) => {
      const box = el.getBoundingClientRect();
      const barBox = bar.getBoundingClientRect();
      const inside = box.left >= barBox.left - 0.5 && box.right <= barBox.right + 0.5;
      return inside && el.scrollWidth <= el.clientWidth + 1;
    };
    for (const el of bar.querySelectorAll('button, .pill')) {
      if ((el as HTMLElement).offsetParent === null) continue; // hidden at this size
      // A clipping ancestor (the engine's box) cuts its children too.
      const clip = el.closest('.engine');
      const clipped =
        clip !== null &&
        (el.getBoundingClientRect().right > clip.getBoundingClientRect().right + 0.5 ||
          el.getBoundingClientRect().width < 1);
      if (!whole(el) || clipped) cut.push((el.textContent ?? '').trim());
    }
    const endpoint = bar.querySelector<HTMLElement>('.endpoint');
    if (endpoint && endpoint.offsetParent !== null && endpoint.getBoundingClientRect().width > 0) {
      const fits = endpoint.scrollWidth <= endpoint.clientWidth + 1;
      const ellipsis = getComputedStyle(endpoint).textOverflow === 'ellipsis';
      const tooltip = endpoint.closest('[title]')?.getAttribute('title') ?? '';
      const narrow = endpoint.getBoundingClientRect().width < 40;
      if (!fits && (!ellipsis || !tooltip.includes(endpoint.textContent ?? '') || narrow))
        cut.push(`endpoint ${endpoint.textContent}`);
    }
    if (bar.scrollWidth > bar.clientWidth + 1) cut.push('the header itself overflows');
    return cut;
  });

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    test('the header shows its pill, its buttons and the endpoint whole, on stage too', async ({
      app: page,
    }) => {
      await expect(page.getByRole('banner').locator('.pill')).toHaveText('connected');
      expect(await cutInHeader(page)).toEqual([]);
      await page.getByRole('button', { name: 'Stage' }).click();
      await expect(page.getByRole('button', { name: 'Stage' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      expect(await cutInHeader(page)).toEqual([]);
      await page.getByRole('button', { name: 'Stage' }).click();
    });
  });
}

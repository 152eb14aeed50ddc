// The page's own "list shown": a MutationObserver, set before the page's script runs, marks
// (performance.mark) when every named pane is in the DOM ('list-shown') and the animation frame
// that paints them ('list-frame'). The start-up figure is read from these marks afterwards, on
// the page's clock, instead of from Playwright's polling (which sees the list 100-570 ms late).
import type { Page } from '@playwright/test';

export function listProbe(names: string[]): string {
  return `
    new MutationObserver((_, obs) => {
      const shown = new Set([...document.querySelectorAll('section[aria-label]')].map((e) => e.getAttribute('aria-label')));
      if (${JSON.stringify(names)}.every((n) => shown.has(n))) {
        obs.disconnect();
        performance.mark('list-shown');
        requestAnimationFrame(() => performance.mark('list-frame'));
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  `;
}

export interface ListMarks {
  /** Both marks in ms after the page's navigation start. */
  inDom: number;
  frame: number;
  /** The page's time origin, in ms since the epoch (to put the marks on another clock). */
  timeOrigin: number;
}

/** Waits for the probe's marks (the frame mark follows the DOM one) and reads them. */
export async function listMarks(page: Page): Promise<ListMarks> {
  await page.waitForFunction(() => performance.getEntriesByName('list-frame').length > 0);
  return page.evaluate(() => ({
    inDom: performance.getEntriesByName('list-shown')[0]!.startTime,
    frame: performance.getEntriesByName('list-frame')[0]!.startTime,
    timeOrigin: performance.timeOrigin,
  }));
}

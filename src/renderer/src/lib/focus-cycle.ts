// F6 and Shift+F6: focus moves between the window's regions — the header, the open side
// panel, each shown pane (into its console) and the diagram — in the order they appear, so
// a console never keeps the keyboard. Regions carry data-focus-region; a pane's value is
// its container id.
import { focusConsole } from './console-registry';

/** The index a step from `current` lands on, wrapping; from nowhere, the first pane. */
export function stepIndex(count: number, current: number, direction: 1 | -1, start = 0): number {
  if (count === 0) return -1;
  if (current < 0) return Math.min(Math.max(start, 0), count - 1);
  return (current + direction + count) % count;
}

const FOCUSABLE =
  'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea, [tabindex]:not([tabindex="-1"])';

/** Shown regions in the order they appear: panes by their place in the grid (CSS order). */
function regions(): HTMLElement[] {
  const all = [...document.querySelectorAll<HTMLElement>('[data-focus-region]')].filter((el) =>
    el.checkVisibility(),
  );
  const isPane = (el: HTMLElement) => el.dataset['pane'] !== undefined;
  const panes = all
    .filter(isPane)
    .sort((a, b) => Number(getComputedStyle(a).order) - Number(getComputedStyle(b).order));
  return all.map((el) => (isPane(el) ? panes.shift()! : el));
}

/** Puts the keyboard in a region: a pane's console when it has one, else its first control. */
export function focusRegion(region: HTMLElement): void {
  const id = region.dataset['focusRegion'] ?? '';
  if (region.dataset['pane'] !== undefined && focusConsole(id)) return;
  const target = region.querySelector<HTMLElement>(FOCUSABLE) ?? region;
  if (target === region && !region.hasAttribute('tabindex')) region.tabIndex = -1;
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
}

/** The region holding the focus, if any. */
export function currentRegion(): HTMLElement | null {
  return document.activeElement?.closest<HTMLElement>('[data-focus-region]') ?? null;
}

export function cycleFocus(direction: 1 | -1): void {
  const all = regions();
  const current = all.indexOf(currentRegion() as HTMLElement);
  const firstPane = all.findIndex((el) => el.dataset['pane'] !== undefined);
  const next = all[stepIndex(all.length, current, direction, firstPane)];
  if (next) focusRegion(next);
}

/** The container id of the pane that holds the focus, if one does. */
export function focusedPaneId(): string | null {
  const region = currentRegion();
  return region?.dataset['pane'] !== undefined ? (region?.dataset['focusRegion'] ?? null) : null;
}

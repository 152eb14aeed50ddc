// The keys of a menu (WAI-ARIA menu pattern): arrows move through the items, wrapping at
// both ends; Home and End go to the first and last. Shared by every popover menu.

/**
 * The index of the item `key` moves to from `index` in a menu of `length` items, or null
 * when `key` is not a menu key (or there are no items). From nowhere (index -1), Down goes
 * to the first item and Up to the last.
 */
export function menuKeyTarget(key: string, index: number, length: number): number | null {
  if (length <= 0) return null;
  const at = index >= 0 && index < length ? index : -1;
  switch (key) {
    case 'ArrowDown':
      return (at + 1) % length;
    case 'ArrowUp':
      return at < 0 ? length - 1 : (at - 1 + length) % length;
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return null;
  }
}

/** Moves the focus among `items` for a menu key pressed in the menu; other keys pass. */
export function moveMenuFocus(e: KeyboardEvent, items: HTMLElement[]): void {
  const at = items.indexOf(document.activeElement as HTMLElement);
  const to = menuKeyTarget(e.key, at, items.length);
  if (to === null) return;
  e.preventDefault();
  items[to]?.focus();
}

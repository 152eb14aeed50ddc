import { describe, expect, it } from 'vitest';
import { menuKeyTarget } from './menu-keys';

describe('menuKeyTarget', () => {
  it('moves down and up, wrapping at both ends', () => {
    expect(menuKeyTarget('ArrowDown', 0, 3)).toBe(1);
    expect(menuKeyTarget('ArrowDown', 2, 3)).toBe(0);
    expect(menuKeyTarget('ArrowUp', 1, 3)).toBe(0);
    expect(menuKeyTarget('ArrowUp', 0, 3)).toBe(2);
  });

  it('goes to the first and the last item with Home and End', () => {
    expect(menuKeyTarget('Home', 2, 3)).toBe(0);
    expect(menuKeyTarget('End', 0, 3)).toBe(2);
  });

  it('enters from nowhere: Down at the first item, Up at the last', () => {
    expect(menuKeyTarget('ArrowDown', -1, 4)).toBe(0);
    expect(menuKeyTarget('ArrowUp', -1, 4)).toBe(3);
  });

  it('stays within one item', () => {
    expect(menuKeyTarget('ArrowDown', 0, 1)).toBe(0);
    expect(menuKeyTarget('ArrowUp', 0, 1)).toBe(0);
  });

  it('leaves other keys, and a menu with no items, alone', () => {
    expect(menuKeyTarget('Enter', 0, 3)).toBeNull();
    expect(menuKeyTarget('a', 0, 3)).toBeNull();
    expect(menuKeyTarget('ArrowDown', -1, 0)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { shownPanes, togglePin } from './pane-selection';

const ids = ['a', 'b', 'c', 'd'];

describe('shownPanes', () => {
  it('shows every pane in order by default', () => {
    expect(shownPanes(ids, { maximized: null, pinned: [] })).toEqual(ids);
  });

  it('shows only the maximized pane', () => {
    expect(shownPanes(ids, { maximized: 'c', pinned: ['a', 'b'] })).toEqual(['c']);
  });

  it('shows a pinned pair alone, and one pinned pane first', () => {
    expect(shownPanes(ids, { maximized: null, pinned: ['d', 'b'] })).toEqual(['d', 'b']);
    expect(shownPanes(ids, { maximized: null, pinned: ['c'] })).toEqual(['c', 'a', 'b', 'd']);
  });

  it('ignores panes whose containers are gone', () => {
    expect(shownPanes(ids, { maximized: 'x', pinned: ['y', 'b'] })).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('togglePin', () => {
  it('pins up to two, the third replacing the oldest, and unpins', () => {
    expect(togglePin([], 'a')).toEqual(['a']);
    expect(togglePin(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(togglePin(['a', 'b'], 'a')).toEqual(['b']);
  });
});

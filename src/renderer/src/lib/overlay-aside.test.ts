import { describe, expect, it } from 'vitest';
import { overlaysAside } from './overlay-aside';

const work = { left: 0, right: 1280 };

describe('overlaysAside', () => {
  it('moves nothing when no console has the keyboard', () => {
    expect(overlaysAside(null, work, { side: 400, diagram: 576 })).toEqual({
      side: false,
      diagram: false,
    });
  });

  it('moves both from a pane as wide as the grid', () => {
    expect(overlaysAside({ left: 10, right: 1270 }, work, { side: 400, diagram: 576 })).toEqual({
      side: true,
      diagram: true,
    });
  });

  it('moves only the overlay over the pane: the diagram stays beside a left pane', () => {
    expect(overlaysAside({ left: 10, right: 635 }, work, { side: 400, diagram: 576 })).toEqual({
      side: true,
      diagram: false,
    });
  });

  it('leaves closed or docked panels alone', () => {
    expect(overlaysAside({ left: 10, right: 1270 }, work, { side: 0, diagram: 0 })).toEqual({
      side: false,
      diagram: false,
    });
  });
});

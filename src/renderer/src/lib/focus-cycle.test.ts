import { describe, expect, it } from 'vitest';
import { stepIndex } from './focus-cycle';

describe('stepIndex', () => {
  it('moves forward and back, wrapping at both ends', () => {
    expect(stepIndex(4, 0, 1)).toBe(1);
    expect(stepIndex(4, 3, 1)).toBe(0);
    expect(stepIndex(4, 0, -1)).toBe(3);
  });

  it('starts at the first pane when nothing is focused', () => {
    expect(stepIndex(4, -1, 1, 2)).toBe(2);
    expect(stepIndex(4, -1, -1, 2)).toBe(2);
    expect(stepIndex(4, -1, 1, -1)).toBe(0);
  });

  it('has nowhere to go when there are no regions', () => {
    expect(stepIndex(0, -1, 1)).toBe(-1);
  });
});

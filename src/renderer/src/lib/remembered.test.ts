import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { remembered, type Reader } from './remembered';

// localStorage as the browser has it: a string map (Node has no window).
const store = new Map<string, string>();
beforeEach(() => {
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    },
  });
});
afterEach(() => store.clear());

const readCount: Reader<number> = (raw) => (typeof raw === 'number' && raw >= 0 ? raw : null);

describe('remembered', () => {
  it('starts from the default, keeps what is set, and reads it back', () => {
    const a = remembered('k', readCount, 1);
    expect(a.value).toBe(1);
    a.value = 5;
    expect(remembered('k', readCount, 1).value).toBe(5);
  });

  it('falls back to the default on a value that is not the setting or is not JSON', () => {
    store.set('k', '-3');
    expect(remembered('k', readCount, 1).value).toBe(1);
    store.set('k', '{oops');
    expect(remembered('k', readCount, 1).value).toBe(1);
  });
});

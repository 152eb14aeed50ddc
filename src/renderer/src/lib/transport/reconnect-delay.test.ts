import { describe, expect, it } from 'vitest';
import { MAX_RECONNECT_DELAY_MS, reconnectDelay } from './reconnect-delay';

describe('reconnectDelay', () => {
  it('backs off from half a second to at most 10 s', () => {
    const delays = Array.from({ length: 8 }, (_, i) => reconnectDelay(i));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    for (let i = 1; i < 50; i++) {
      expect(reconnectDelay(i)).toBeGreaterThanOrEqual(reconnectDelay(i - 1));
      expect(reconnectDelay(i)).toBeLessThanOrEqual(MAX_RECONNECT_DELAY_MS);
    }
  });
});

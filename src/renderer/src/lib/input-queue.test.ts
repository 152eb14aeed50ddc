import { describe, expect, it } from 'vitest';
import { InputQueue } from './input-queue';

function recorder(chunk = 4, window = 8) {
  const sent: number[][] = [];
  const progress: number[] = [];
  const queue = new InputQueue(
    (c) => sent.push([...c]),
    (w) => progress.push(w),
    chunk,
    window,
  );
  return { queue, sent, progress };
}

describe('InputQueue', () => {
  it('sends a big paste in chunks, never more than the window unacknowledged', () => {
    const { queue, sent } = recorder();
    queue.push(Uint8Array.from({ length: 18 }, (_, i) => i));
    expect(sent).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(queue.waiting).toBe(10);
    queue.acked(4);
    expect(sent).toHaveLength(3);
    queue.acked(8);
    queue.acked(8);
    expect(sent.flat()).toEqual(Array.from({ length: 18 }, (_, i) => i));
    expect(queue.waiting).toBe(0);
  });

  it('keeps keys typed during a paste behind it, in order', () => {
    const { queue, sent } = recorder();
    queue.push(new Uint8Array(12).fill(1));
    queue.push(Uint8Array.of(2));
    queue.acked(8);
    queue.acked(4);
    expect(sent.flat()).toEqual([...new Array(12).fill(1), 2]);
  });

  it('drops what waits on clear, and reports progress', () => {
    const { queue, sent, progress } = recorder();
    queue.push(new Uint8Array(20));
    queue.clear();
    queue.acked(8);
    expect(sent.flat()).toHaveLength(8);
    expect(progress.at(-1)).toBe(0);
  });

  it('never lets a confused ack free more than was sent', () => {
    const { queue, sent } = recorder();
    queue.acked(1000);
    queue.push(new Uint8Array(20));
    expect(sent.flat()).toHaveLength(8);
  });
});

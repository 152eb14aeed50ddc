import { describe, expect, it } from 'vitest';
import {
  BUFFER_BYTES,
  FLOOD_BYTES,
  FLOOD_WRITE_MS,
  OutputBatcher,
  WRITE_BYTES,
  type Clock,
} from './output-batcher';

/** A batcher over a write that parses only when told to, and a clock moved by hand. */
function harness() {
  const written: Uint8Array[] = [];
  const unparsed: (() => void)[] = [];
  let acked = 0;
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    later: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => (timers = timers.filter((x) => x !== t));
    },
  };
  const batcher = new OutputBatcher(
    (data, done) => {
      written.push(data.slice());
      unparsed.push(done);
    },
    (bytes) => (acked += bytes),
    clock,
  );
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers = timers.filter((x) => x !== t);
      t.fn();
    }
  };
  const parseAll = () => {
    while (unparsed.length) unparsed.shift()!();
  };
  return { batcher, written, unparsed, parseAll, advance, acked: () => acked };
}

const bytes = (n: number, seed = 0) => Uint8Array.from({ length: n }, (_, i) => (i + seed) % 251);
const joined = (parts: Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe('OutputBatcher', () => {
  it('writes small chunks (echoes) at once, one after another', () => {
    const h = harness();
    h.batcher.push(bytes(1));
    expect(h.written).toHaveLength(1);
    h.parseAll();
    h.advance(1);
    h.batcher.push(bytes(1));
    expect(h.written).toHaveLength(2);
  });

  it('writes a flood at most every FLOOD_WRITE_MS, coalesced, in pieces of at most WRITE_BYTES', () => {
    const h = harness();
    const flood = bytes(3 * WRITE_BYTES + 777);
    h.batcher.push(flood.subarray(0, FLOOD_BYTES));
    expect(h.written).toHaveLength(1);
    h.parseAll();
    for (let at = FLOOD_BYTES; at < flood.length; at += 10_000)
      h.batcher.push(flood.subarray(at, at + 10_000));
    // The last write was a flood's: the rest waits for the next tick.
    expect(h.written).toHaveLength(1);
    h.advance(FLOOD_WRITE_MS - 1);
    expect(h.written).toHaveLength(1);
    h.advance(1);
    expect(h.written.length).toBeGreaterThan(2);
    expect(h.written.every((w) => w.length <= WRITE_BYTES)).toBe(true);
    h.parseAll();
    expect(joined(h.written).equals(Buffer.from(flood))).toBe(true);
    expect(h.acked()).toBe(flood.length);
    expect(h.batcher.pending).toBe(0);
  });

  it("hands a flood's tick to xterm as one write, so xterm draws one frame for it", () => {
    const h = harness();
    h.batcher.push(bytes(FLOOD_BYTES));
    h.parseAll();
    const tick = bytes(600_000, 3);
    for (let at = 0; at < tick.length; at += 65_536) h.batcher.push(tick.subarray(at, at + 65_536));
    h.advance(FLOOD_WRITE_MS);
    expect(h.written).toHaveLength(2);
    expect(Buffer.from(h.written[1]!).equals(Buffer.from(tick))).toBe(true);
  });

  it('waits for xterm to parse a write before the next one', () => {
    const h = harness();
    h.batcher.push(bytes(100));
    h.batcher.push(bytes(100, 1));
    expect(h.written).toHaveLength(1);
    h.parseAll();
    expect(h.written).toHaveLength(2);
    expect(h.written[1]!.length).toBe(100);
  });

  it('acknowledges on arrival up to its buffer, the rest once parsed', () => {
    const h = harness();
    const flood = bytes(BUFFER_BYTES + 50_000);
    h.batcher.push(flood.subarray(0, FLOOD_BYTES)); // a flood's write, not parsed yet
    h.batcher.push(flood.subarray(FLOOD_BYTES));
    expect(h.acked()).toBe(BUFFER_BYTES);
    h.parseAll();
    h.advance(FLOOD_WRITE_MS);
    h.parseAll();
    expect(h.acked()).toBe(flood.length);
    expect(joined(h.written).equals(Buffer.from(flood))).toBe(true);
  });

  it('writes and acknowledges nothing after dispose, and cancels its tick', () => {
    const h = harness();
    h.batcher.push(bytes(FLOOD_BYTES));
    h.parseAll();
    h.batcher.push(bytes(5));
    const acked = h.acked();
    h.batcher.dispose();
    h.advance(FLOOD_WRITE_MS);
    h.batcher.push(bytes(5));
    expect(h.written).toHaveLength(1);
    expect(h.acked()).toBe(acked);
  });
});

// Collects a console's incoming chunks and hands them to xterm.
//
// Echoes and prompts are written at once. A flood is written at most every FLOOD_WRITE_MS: xterm
// draws a frame after each write it parses, and with the DOM renderer (no GPU) each frame
// redraws the scrolled viewport, so a frame per window of bytes cost more than the parse
// itself (BENCHMARKS.md, round three). A console counts as flooding while its last write to
// xterm was at least FLOOD_BYTES; its bytes then wait for the next tick, coalesced.
//
// Acknowledgements (engine/flow-control pauses the stream while too much is unacknowledged):
// bytes are acknowledged on arrival while this console holds less than BUFFER_BYTES not yet
// parsed, and otherwise once xterm has parsed them, so the main side's window counts what is
// still travelling and memory here stays bounded.
export const FLOOD_WRITE_MS = 50;
export const FLOOD_BYTES = 16 * 1024;
export const BUFFER_BYTES = 1024 * 1024;
/**
 * A tick's bytes go to xterm as one write (up to this): xterm draws a frame after each of its
 * 12 ms parse slices, and 128 kB pieces drew 3.4 frames per MB against 2.3 for one write, with
 * the renderer's CPU per MB 15 % lower and the other console's echo no slower (BENCHMARKS.md,
 * "The neighbour's echo during a flood").
 */
export const WRITE_BYTES = BUFFER_BYTES;

export interface Clock {
  now(): number;
  later(fn: () => void, ms: number): () => void;
}

const realClock: Clock = {
  now: () => performance.now(),
  later: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

export class OutputBatcher {
  private chunks: Uint8Array[] = [];
  private waiting = 0;
  private inXterm = 0;
  private received = 0;
  private acked = 0;
  private lastWriteAt = -Infinity;
  private lastWriteBytes = 0;
  private cancelTick: (() => void) | null = null;
  private disposed = false;

  constructor(
    private readonly write: (data: Uint8Array, done: () => void) => void,
    private readonly ack: (bytes: number) => void,
    private readonly clock: Clock = realClock,
  ) {}

  /** Bytes received and not yet handed to xterm. */
  get pending(): number {
    return this.waiting;
  }

  push(data: Uint8Array): void {
    if (this.disposed || !data.length) return;
    this.chunks.push(data);
    this.waiting += data.length;
    this.received += data.length;
    this.flush();
    this.acknowledge();
  }

  /** Acknowledges everything received but what exceeds the buffer. */
  private acknowledge(): void {
    const held = this.waiting + this.inXterm;
    const due = this.received - Math.max(0, held - BUFFER_BYTES) - this.acked;
    if (due <= 0) return;
    this.acked += due;
    this.ack(due);
  }

  private flush(): void {
    if (!this.waiting || this.disposed || this.inXterm || this.cancelTick) return;
    const wait =
      this.lastWriteBytes >= FLOOD_BYTES ? this.lastWriteAt + FLOOD_WRITE_MS - this.clock.now() : 0;
    if (wait > 0) {
      this.cancelTick = this.clock.later(() => {
        this.cancelTick = null;
        this.flush();
      }, wait);
      return;
    }
    this.lastWriteAt = this.clock.now();
    this.lastWriteBytes = this.waiting;
    while (this.waiting) {
      const piece = this.take(Math.min(WRITE_BYTES, this.waiting));
      this.inXterm += piece.length;
      this.write(piece, () => {
        this.inXterm -= piece.length;
        if (this.disposed) return;
        this.acknowledge();
        this.flush();
      });
    }
  }

  /** The next `n` bytes, as one array: a chunk's own bytes when it holds them all. */
  private take(n: number): Uint8Array {
    this.waiting -= n;
    const first = this.chunks[0]!;
    if (first.length >= n) {
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.length === n ? first : first.subarray(0, n);
    }
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const c = this.chunks[0]!;
      const part = Math.min(c.length, n - at);
      out.set(part === c.length ? c : c.subarray(0, part), at);
      at += part;
      if (part === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(part);
    }
    return out;
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTick?.();
    this.cancelTick = null;
    this.chunks = [];
    this.waiting = 0;
  }
}

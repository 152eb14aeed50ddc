// What a console's byte view keeps: the latest bytes of both directions, bounded. It exists
// only while the view is on; the console holds no log (and does no work) when it is off.

export type Direction = 'in' | 'out';

export interface ByteChunk {
  dir: Direction;
  /** Where this chunk starts in its direction's stream, since the view was turned on. */
  offset: number;
  /** When it passed (ms, performance.now()): chunks close in time read as one burst. */
  at: number;
  bytes: Uint8Array;
}

export class ByteLog {
  private list: ByteChunk[] = [];
  private size = 0;
  private readonly next: Record<Direction, number> = { in: 0, out: 0 };
  /** Grows with every change, so a view knows when to redraw. */
  version = 0;

  constructor(
    private readonly capacity = 64 * 1024,
    private readonly now: () => number = () => performance.now(),
  ) {}

  record(dir: Direction, data: Uint8Array): void {
    if (!data.length) return;
    // A copy: the transport's buffer may be larger than this chunk, and is not ours to keep.
    const bytes = data.slice(Math.max(0, data.length - this.capacity));
    const skipped = data.length - bytes.length;
    this.list.push({ dir, offset: this.next[dir] + skipped, at: this.now(), bytes });
    this.next[dir] += data.length;
    this.size += bytes.length;
    while (this.size > this.capacity) this.size -= this.list.shift()!.bytes.length;
    this.version++;
  }

  chunks(): readonly ByteChunk[] {
    return this.list;
  }

  /** Bytes held now (never more than the capacity). */
  get held(): number {
    return this.size;
  }
}

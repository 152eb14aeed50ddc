// Collects a console's incoming chunks and writes them to xterm once per
// animation frame; acknowledges bytes only after xterm has parsed them, which
// is what lets the main side pause a flood (see engine/flow-control).
export class OutputBatcher {
  private chunks: Uint8Array[] = [];
  private bytes = 0;
  private frame = 0;

  constructor(
    private readonly write: (data: Uint8Array, done: () => void) => void,
    private readonly ack: (bytes: number) => void,
  ) {}

  push(data: Uint8Array): void {
    this.chunks.push(data);
    this.bytes += data.length;
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  flush(): void {
    this.frame = 0;
    if (!this.bytes) return;
    const total = this.bytes;
    let data: Uint8Array;
    if (this.chunks.length === 1) data = this.chunks[0]!;
    else {
      data = new Uint8Array(total);
      let at = 0;
      for (const c of this.chunks) {
        data.set(c, at);
        at += c.length;
      }
    }
    this.chunks = [];
    this.bytes = 0;
    this.write(data, () => this.ack(total));
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.chunks = [];
    this.bytes = 0;
  }
}

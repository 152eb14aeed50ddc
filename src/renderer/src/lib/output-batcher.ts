// Collects a console's incoming chunks and hands them to xterm: at once when
// xterm is idle, else coalesced into one write once the previous one is parsed.
// xterm already parses in time slices and paints once per animation frame, so
// waiting for a frame here only added up to a frame of echo latency (measured
// in bench/echo.mjs). Bytes are acknowledged only after xterm has parsed them,
// which is what lets the main side pause a flood (see engine/flow-control).
export class OutputBatcher {
  private chunks: Uint8Array[] = [];
  private bytes = 0;
  private writing = false;
  private disposed = false;

  constructor(
    private readonly write: (data: Uint8Array, done: () => void) => void,
    private readonly ack: (bytes: number) => void,
  ) {}

  push(data: Uint8Array): void {
    if (this.disposed) return;
    this.chunks.push(data);
    this.bytes += data.length;
    if (!this.writing) this.flush();
  }

  flush(): void {
    if (!this.bytes || this.disposed) return;
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
    this.writing = true;
    this.write(data, () => {
      this.writing = false;
      if (this.disposed) return;
      this.ack(total);
      this.flush();
    });
  }

  dispose(): void {
    this.disposed = true;
    this.chunks = [];
    this.bytes = 0;
  }
}

// Watermark flow control for one console (xterm.js's flow-control guide):
// bytes sent to the renderer count as in flight until it acknowledges them (on
// arrival while its console buffers little, else once xterm has parsed them:
// renderer/lib/output-batcher). Above HIGH the engine stream is paused; below
// LOW it resumes. Memory per console is bounded by HIGH plus one chunk.
// 250/50 kB rather than 100/10: a flood moves a window per ack round trip, and the larger one
// measured 0.49× raw against 0.41× with no slower echo beside it (BENCHMARKS.md, round three).
export const HIGH_WATERMARK = 250_000;
export const LOW_WATERMARK = 50_000;

export class FlowControl {
  private inFlight = 0;
  private paused = false;

  constructor(
    private readonly onPause: () => void,
    private readonly onResume: () => void,
    readonly high = HIGH_WATERMARK,
    readonly low = LOW_WATERMARK,
  ) {}

  get pending(): number {
    return this.inFlight;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  sent(bytes: number): void {
    this.inFlight += bytes;
    if (!this.paused && this.inFlight > this.high) {
      this.paused = true;
      this.onPause();
    }
  }

  acked(bytes: number): void {
    // An ack can never free more than is in flight (a confused or hostile client).
    this.inFlight = Math.max(0, this.inFlight - bytes);
    if (this.paused && this.inFlight < this.low) {
      this.paused = false;
      this.onResume();
    }
  }

  /** Forget what is in flight, e.g. after the stream was replaced on reattach. */
  reset(): void {
    this.inFlight = 0;
    if (this.paused) {
      this.paused = false;
      this.onResume();
    }
  }
}

// A console's input on its way to the container: sent in chunks of at most
// MAX_INPUT_CHUNK, with at most INPUT_WINDOW bytes not yet taken by the engine stream
// (the main side acknowledges what it wrote). A 10 MB paste thus flows at the pace the
// container reads it, over either transport, and never exceeds a message size limit;
// keys typed during a paste queue behind it, in order.
import { INPUT_WINDOW, MAX_INPUT_CHUNK } from '../../../shared/console-protocol';

export class InputQueue {
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private inFlight = 0;
  private disposed = false;

  constructor(
    private readonly send: (chunk: Uint8Array) => void,
    /** Told how many bytes still wait to be sent, after each change. */
    private readonly onProgress: (waiting: number) => void = () => undefined,
    private readonly chunk = MAX_INPUT_CHUNK,
    private readonly window = INPUT_WINDOW,
  ) {}

  /** Bytes accepted but not yet sent. */
  get waiting(): number {
    return this.queuedBytes;
  }

  push(data: Uint8Array): void {
    if (this.disposed || !data.length) return;
    for (let at = 0; at < data.length; at += this.chunk) {
      const part = data.subarray(at, at + this.chunk);
      this.queue.push(part);
      this.queuedBytes += part.length;
    }
    this.pump();
  }

  /** The main side took `bytes` of what was sent. */
  acked(bytes: number): void {
    this.inFlight = Math.max(0, this.inFlight - bytes);
    this.pump();
  }

  /** Drops what has not been sent (Ctrl-C during a paste, or the console closed). */
  clear(): void {
    this.queue = [];
    this.queuedBytes = 0;
    this.onProgress(0);
  }

  /** The stream was replaced (the server restarted): nothing sent is owed an ack any more. */
  reset(): void {
    this.inFlight = 0;
    this.clear();
  }

  dispose(): void {
    this.disposed = true;
    this.queue = [];
    this.queuedBytes = 0;
  }

  private pump(): void {
    const before = this.queuedBytes;
    while (!this.disposed && this.queue.length && this.inFlight < this.window) {
      const part = this.queue.shift()!;
      this.queuedBytes -= part.length;
      this.inFlight += part.length;
      this.send(part);
    }
    if (this.queuedBytes !== before) this.onProgress(this.queuedBytes);
  }
}

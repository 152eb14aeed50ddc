// One client (a window or a tab) for the integration tests: connected through the product's
// connectClient as both transports are, with a console sink that records bytes and statuses
// and acknowledges them as a renderer would.
import { randomBytes } from 'node:crypto';
import type { CallArgs, CallName, CallResult } from '../../src/shared/contract';
import type { AppErrorShape } from '../../src/shared/errors';
import type { ConsoleStatusKind } from '../../src/shared/events';
import type { SocketsEvent } from '../../src/shared/live-picture';
import { connectClient, type ClientConnection } from '../../src/main/engine/client-connection';
import type { ConsoleSet } from '../../src/main/engine/console-set';
import type { ConsoleSink } from '../../src/main/engine/console-session';
import type { Crosstalk } from '../../src/main/engine/runtime';
import { waitUntil } from './waiting';

/** Records a console's bytes and statuses, and acknowledges them as a renderer would. */
export class RecordingSink implements ConsoleSink {
  readonly chunks: Uint8Array[] = [];
  readonly statuses: { kind: ConsoleStatusKind; message: string }[] = [];
  bytes = 0;
  /** Acknowledge each chunk on arrival (a renderer keeping up); off, bytes pile up unacked. */
  acking = true;
  private unacked = 0;

  constructor(private readonly ack: (bytes: number) => void = () => undefined) {}

  output(data: Uint8Array): void {
    if (!(data instanceof Uint8Array)) throw new Error('console output must be a Uint8Array');
    this.chunks.push(data);
    this.bytes += data.length;
    if (this.acking) this.ack(data.length);
    else this.unacked += data.length;
  }

  /** Acknowledges everything received so far. */
  ackAll(): void {
    this.ack(this.unacked);
    this.unacked = 0;
  }

  /** Input bytes the console's stream has taken. */
  inputTaken = 0;

  inputAcked(bytes: number): void {
    this.inputTaken += bytes;
  }

  status(kind: ConsoleStatusKind, message: string): void {
    this.statuses.push({ kind, message });
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }

  /** Waits until the output after byte offset `from` matches, and returns that output. */
  async waitForText(needle: string | RegExp, timeoutMs = 10_000, from = 0): Promise<string> {
    const matches = () => {
      const text = Buffer.concat(this.chunks).subarray(from).toString('utf8');
      const found = typeof needle === 'string' ? text.includes(needle) : needle.test(text);
      return found ? text : null;
    };
    try {
      return await waitUntil(matches, `console output ${String(needle)}`, timeoutMs);
    } catch (error) {
      const tail = JSON.stringify(this.text().slice(-400));
      throw new Error(`${(error as Error).message}; output ended with ${tail}`);
    }
  }
}

/** One client (a window or a tab), connected as the transports connect, with recording sinks. */
export class TestClient {
  readonly connection: ClientConnection;
  readonly sinks = new Map<string, RecordingSink>();
  /** Every `sockets` event this client was sent. */
  readonly socketEvents: SocketsEvent[] = [];

  constructor(readonly app: Crosstalk) {
    this.connection = connectClient(app, {
      sendEvent: (name, payload) => {
        if (name === 'sockets') this.socketEvents.push(payload);
        else if (name === 'consoleStatus')
          this.consoleSink(payload.consoleId).status(payload.kind, payload.message);
      },
      consoleSink: (consoleId) => (msg) => {
        const sink = this.consoleSink(consoleId);
        if (msg.op === 'output') sink.output(msg.data);
        else sink.inputAcked(msg.bytes);
      },
    });
  }

  get consoles(): ConsoleSet {
    return this.connection.context.consoles;
  }

  /** The recorder of one console's bytes and statuses. */
  consoleSink(consoleId: string): RecordingSink {
    let sink = this.sinks.get(consoleId);
    if (!sink) {
      const ack = (bytes: number) => this.connection.deliver(consoleId, { op: 'ack', bytes });
      this.sinks.set(consoleId, (sink = new RecordingSink(ack)));
    }
    return sink;
  }

  /** Runs a call through the contract (schema, handler, error shape) and expects success. */
  async call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
    const outcome = await this.connection.call(name, args);
    if (!outcome.ok) {
      throw new Error(`${name} failed: ${outcome.error.code}: ${outcome.error.message}`);
    }
    return outcome.value as CallResult<N>;
  }

  /** Runs a call that must fail, with any (even ill-typed) arguments; returns its error. */
  async fail(name: string, args: unknown): Promise<AppErrorShape> {
    const outcome = await this.connection.call(name, args);
    if (outcome.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(outcome)}`);
    return outcome.error;
  }

  /** A fresh console id, valid for the contract. */
  static consoleId(): string {
    return `it-console-${randomBytes(6).toString('hex')}`;
  }

  typeInto(consoleId: string, text: string): void {
    this.connection.deliver(consoleId, { op: 'input', data: new TextEncoder().encode(text) });
  }
}

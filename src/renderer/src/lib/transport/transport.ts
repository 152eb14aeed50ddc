// What the renderer needs from a transport. The app never knows which one it
// has: Electron IPC with MessagePorts, or a WebSocket in browser mode.
import type { ConsoleToMain } from '../../../../shared/console-protocol';
import type { EventSource } from './event-hub';

/** How long a console's stream may take to come up before its pane says so. */
export const CONSOLE_STREAM_TIMEOUT_MS = 4000;

/** Why a console's stream is not carrying bytes: what is missing, what to do. */
export interface StreamTrouble {
  message: string;
  hint: string;
}

export interface ConsoleStream {
  onOutput(listener: (data: Uint8Array) => void): void;
  /** Input bytes the main side took: the console may send more (see InputQueue). */
  onInputAck(listener: (bytes: number) => void): void;
  /** Called when the stream has not come up in time, or its channel closed. */
  onTrouble(listener: (trouble: StreamTrouble) => void): void;
  send(msg: ConsoleToMain): void;
  dispose(): void;
}

/** A connection being tried again: which attempt comes next, and when (Date.now() ms). */
export interface Reconnecting {
  attempt: number;
  nextAt: number;
}

export interface Transport extends EventSource {
  /** Resolves with the call's outcome: { ok, value } or { ok: false, error }. */
  invoke(name: string, args: unknown): Promise<unknown>;
  /** Listens for a console's stream before it is opened, so no byte is missed. */
  consoleStream(consoleId: string): ConsoleStream;
  /** Called when the transport itself is lost (the socket closed, or main stopped taking calls). */
  onLost(listener: (reason: string) => void): void;
  /** Called as each new attempt to reach a lost server is scheduled (browser mode only). */
  onReconnecting(listener: (state: Reconnecting) => void): void;
  /** Called when a lost connection is back; returns the unsubscribe. */
  onReconnected(listener: () => void): () => void;
  /** Tries to reconnect now instead of at the next scheduled attempt. */
  retryNow(): void;
}

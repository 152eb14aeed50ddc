// What the renderer needs from a transport. The app never knows which one it
// has: Electron IPC with MessagePorts, or a WebSocket in browser mode.
import type { ConsoleToMain } from '../../../../shared/console-protocol';

export interface ConsoleStream {
  onOutput(listener: (data: Uint8Array) => void): void;
  send(msg: ConsoleToMain): void;
  dispose(): void;
}

export interface Transport {
  /** Resolves with the call's outcome: { ok, value } or { ok: false, error }. */
  invoke(name: string, args: unknown): Promise<unknown>;
  onEvent(listener: (name: string, payload: unknown) => void): void;
  /** Listens for a console's stream before it is opened, so no byte is missed. */
  consoleStream(consoleId: string): ConsoleStream;
  /** Called when the transport itself is lost (browser mode's socket closed). */
  onLost(listener: (reason: string) => void): void;
}

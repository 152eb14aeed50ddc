// The Electron binding's three channels. Calls go through one channel, named by
// the contract, so no per-call channel list exists anywhere.
export const IPC_CALL = 'crosstalk:call';
export const IPC_EVENT = 'crosstalk:event';
export const IPC_CONSOLE_PORT = 'crosstalk:console-port';

/** What the preload exposes on `window.crosstalk`. */
export interface PreloadBridge {
  call(name: string, args: unknown): Promise<unknown>;
  /** Events arrive tagged with the key of the engine they come from. */
  onEvent(listener: (name: string, payload: unknown, engine: string) => void): void;
}

/** Sent by main to the preload with a console's MessagePort: whose it is, and the only origin to give it to. */
export interface ConsolePortHandoff {
  consoleId: string;
  origin: string;
}

/** Posted to the page with a console's MessagePort. */
export interface ConsolePortMessage {
  crosstalkConsolePort: string;
}

// The Electron binding's three channels. Calls go through one channel, named by
// the contract, so no per-call channel list exists anywhere.
export const IPC_CALL = 'crosstalk:call';
export const IPC_EVENT = 'crosstalk:event';
export const IPC_CONSOLE_PORT = 'crosstalk:console-port';

/** What the preload exposes on `window.crosstalk`. */
export interface PreloadBridge {
  call(name: string, args: unknown): Promise<unknown>;
  onEvent(listener: (name: string, payload: unknown) => void): void;
}

/** Posted to the page with a console's MessagePort. */
export interface ConsolePortMessage {
  crosstalkConsolePort: string;
}

// How the preload hands a console's MessagePort to the page. MessagePorts cannot
// cross contextBridge; window.postMessage can carry them.
import type { ConsolePortMessage } from '../shared/ipc';

export function handConsolePort(target: Window, consoleId: string, ports: MessagePort[]): void {
  const message: ConsolePortMessage = { crosstalkConsolePort: consoleId };
  target.postMessage(
    message,
    target.location.origin === 'null' ? '*' : target.location.origin,
    ports,
  );
}

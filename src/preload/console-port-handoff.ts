// How the preload hands a console's MessagePort to the page. MessagePorts cannot
// cross contextBridge; window.postMessage can carry them. The port goes to exactly
// the origin main names (never '*'): a page at any other origin gets nothing.
import type { ConsolePortHandoff, ConsolePortMessage } from '../shared/ipc';

export function handConsolePort(
  target: Window,
  handoff: ConsolePortHandoff,
  ports: readonly MessagePort[],
): void {
  if (typeof handoff?.consoleId !== 'string' || typeof handoff.origin !== 'string') return;
  const message: ConsolePortMessage = { crosstalkConsolePort: handoff.consoleId };
  target.postMessage(message, handoff.origin, [...ports]);
}

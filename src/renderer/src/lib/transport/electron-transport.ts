// Electron: calls and events through the preload's bridge; each console's bytes
// through its own MessagePort, which the preload posts to the page.
import type { ConsoleToMain, ConsoleToRenderer } from '../../../../shared/console-protocol';
import type { ConsolePortMessage, PreloadBridge } from '../../../../shared/ipc';
import type { ConsoleStream, Transport } from './transport';

export function electronTransport(bridge: PreloadBridge): Transport {
  const waiting = new Map<string, (port: MessagePort) => void>();
  window.addEventListener('message', (e: MessageEvent<ConsolePortMessage>) => {
    if (e.source !== window || typeof e.data?.crosstalkConsolePort !== 'string') return;
    const port = e.ports[0];
    if (port) waiting.get(e.data.crosstalkConsolePort)?.(port);
  });
  return {
    invoke: (name, args) => bridge.call(name, args),
    onEvent: (listener) => bridge.onEvent(listener),
    onLost: () => undefined,
    consoleStream(consoleId): ConsoleStream {
      let port: MessagePort | null = null;
      let output: ((data: Uint8Array) => void) | null = null;
      const queued: ConsoleToMain[] = [];
      waiting.set(consoleId, (p) => {
        waiting.delete(consoleId);
        port = p;
        port.onmessage = (e: MessageEvent<ConsoleToRenderer>) => output?.(e.data.data);
        for (const msg of queued.splice(0)) port.postMessage(msg);
      });
      return {
        onOutput: (listener) => void (output = listener),
        send: (msg) => (port ? port.postMessage(msg) : queued.push(msg)),
        dispose: () => {
          waiting.delete(consoleId);
          port?.close();
        },
      };
    },
  };
}

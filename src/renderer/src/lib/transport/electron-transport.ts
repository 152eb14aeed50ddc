// Electron: calls and events through the preload's bridge; each console's bytes
// through its own MessagePort, which the preload posts to the page.
import type { ConsoleToMain, ConsoleToRenderer } from '../../../../shared/console-protocol';
import type { ConsolePortMessage, PreloadBridge } from '../../../../shared/ipc';
import {
  CONSOLE_STREAM_TIMEOUT_MS,
  type ConsoleStream,
  type StreamTrouble,
  type Transport,
} from './transport';
import { EventHub } from './event-hub';

const PORT_MISSING: StreamTrouble = {
  message:
    "This console's channel from the Crosstalk main process has not arrived; keys typed here are held until it does.",
  hint: 'Reload the window (Ctrl+R). If it stays, quit Crosstalk and start it again.',
};

export function electronTransport(
  bridge: PreloadBridge,
  portTimeoutMs = CONSOLE_STREAM_TIMEOUT_MS,
): Transport {
  const events = new EventHub();
  bridge.onEvent((name, payload, engine) => events.emit(name, payload, engine));
  const waiting = new Map<string, (port: MessagePort) => void>();
  const lostListeners: ((reason: string) => void)[] = [];
  window.addEventListener('message', (e: MessageEvent<ConsolePortMessage>) => {
    if (e.source !== window || typeof e.data?.crosstalkConsolePort !== 'string') return;
    const port = e.ports[0];
    if (port) waiting.get(e.data.crosstalkConsolePort)?.(port);
  });
  return {
    invoke: (name, args) =>
      bridge.call(name, args).catch((error: unknown) => {
        // The call never reached main's handler: the IPC binding itself is gone.
        const reason = `The Crosstalk main process did not take the call (${(error as Error)?.message ?? error}).`;
        for (const l of lostListeners) l(reason);
        return {
          ok: false,
          error: {
            code: 'engine-unreachable',
            message: reason,
            hint: 'Quit Crosstalk and start it again.',
          },
        };
      }),
    on: (name, fn) => events.on(name, fn),
    onLost: (listener) => void lostListeners.push(listener),
    // The main process is this window's own: when it is gone, so is the window.
    onReconnecting: () => undefined,
    onReconnected: () => () => undefined,
    retryNow: () => undefined,
    consoleStream(consoleId): ConsoleStream {
      let port: MessagePort | null = null;
      let output: ((data: Uint8Array) => void) | null = null;
      let inputAck: ((bytes: number) => void) | null = null;
      let trouble: ((t: StreamTrouble) => void) | null = null;
      const queued: ConsoleToMain[] = [];
      const timer = setTimeout(() => trouble?.(PORT_MISSING), portTimeoutMs);
      waiting.set(consoleId, (p) => {
        waiting.delete(consoleId);
        clearTimeout(timer);
        port = p;
        port.onmessage = ({ data: msg }: MessageEvent<ConsoleToRenderer>) => {
          if (msg.op === 'output') output?.(msg.data);
          else inputAck?.(msg.bytes);
        };
        for (const msg of queued.splice(0)) port.postMessage(msg);
      });
      return {
        onOutput: (listener) => void (output = listener),
        onInputAck: (listener) => void (inputAck = listener),
        onTrouble: (listener) => void (trouble = listener),
        send: (msg) => (port ? port.postMessage(msg) : queued.push(msg)),
        dispose: () => {
          clearTimeout(timer);
          waiting.delete(consoleId);
          port?.close();
        },
      };
    },
  };
}

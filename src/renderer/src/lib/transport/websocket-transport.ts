// Browser mode: one WebSocket to the page's own origin (the server checks the
// Origin and the token cookie it set when serving the page).
import { decodeFrame, encodeFrame } from '../../../../shared/console-protocol';
import { EventHub } from './event-hub';
import type { ConsoleStream, Transport } from './transport';

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };

export function websocketTransport(
  url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
): Transport {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  const opened = new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error('Cannot reach the Crosstalk server.')), {
      once: true,
    });
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const events = new EventHub();
  const lostListeners: ((reason: string) => void)[] = [];
  const outputs = new Map<string, (data: Uint8Array) => void>();
  const inputAcks = new Map<string, (bytes: number) => void>();

  ws.addEventListener('message', (e: MessageEvent) => {
    if (e.data instanceof ArrayBuffer) {
      const frame = decodeFrame(new Uint8Array(e.data));
      if (frame?.msg.op === 'output') outputs.get(frame.consoleId)?.(frame.msg.data);
      else if (frame?.msg.op === 'inputAck') inputAcks.get(frame.consoleId)?.(frame.msg.bytes);
      return;
    }
    const msg = JSON.parse(e.data as string) as {
      t: string;
      id?: number;
      name?: string;
      payload?: unknown;
    };
    if (msg.t === 'result' && msg.id !== undefined) {
      pending.get(msg.id)?.resolve(msg);
      pending.delete(msg.id);
    } else if (msg.t === 'event') {
      events.emit(msg.name, msg.payload);
    }
  });
  ws.addEventListener('close', () => {
    const reason = 'The connection to the Crosstalk server closed. Is `npm run web` still running?';
    for (const p of pending.values())
      p.resolve({
        ok: false,
        error: {
          code: 'engine-unreachable',
          message: reason,
          hint: 'Restart it and reload this page.',
        },
      });
    pending.clear();
    for (const l of lostListeners) l(reason);
  });

  return {
    async invoke(name, args) {
      await opened;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ t: 'call', id, name, args }));
      });
    },
    on: (name, fn) => events.on(name, fn),
    onLost: (listener) => void lostListeners.push(listener),
    consoleStream(consoleId): ConsoleStream {
      return {
        onOutput: (listener) => void outputs.set(consoleId, listener),
        onInputAck: (listener) => void inputAcks.set(consoleId, listener),
        // A console exists only once the socket is open (its pane needs the snapshot that
        // comes through it); a socket that closes later is reported by onLost.
        onTrouble: () => undefined,
        send: (msg) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(encodeFrame(consoleId, msg));
        },
        dispose: () => {
          outputs.delete(consoleId);
          inputAcks.delete(consoleId);
        },
      };
    },
  };
}

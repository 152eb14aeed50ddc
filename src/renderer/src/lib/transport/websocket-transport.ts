// Browser mode: one WebSocket to the page's own origin (the server checks the Origin and the
// token cookie it set when serving the page). When the server stops, the page says so and
// reconnects by itself with back-off; the server keeps its token across restarts, so the
// restarted one takes the same cookie, and whoever listens for onReconnected restores what
// the page had (the snapshot, the watched sockets, each open console).
import { decodeFrame, encodeFrame } from '../../../../shared/console-protocol';
import { EventHub } from './event-hub';
import { reconnectDelay } from './reconnect-delay';
import type { ConsoleStream, Reconnecting, Transport } from './transport';

type Pending = { resolve: (v: unknown) => void };

/** What the page says while the server is away, and what a call made meanwhile answers. */
export const SERVER_STOPPED =
  "Crosstalk's browser-mode server stopped; start it again with `npm run web` and this page reconnects by itself.";
const CALL_LOST = {
  ok: false,
  error: {
    code: 'engine-unreachable',
    message: "Crosstalk's browser-mode server stopped, so the call did not run.",
    hint: 'Start it again with `npm run web`; this page reconnects by itself.',
  },
};

export function websocketTransport(
  url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
): Transport {
  let ws: WebSocket | null = null;
  let open = false;
  let everOpened = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Calls made before the first connection opened wait for it (or its failure). */
  const firstOpen: ((opened: boolean) => void)[] = [];
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const events = new EventHub();
  const lostListeners: ((reason: string) => void)[] = [];
  const reconnectingListeners: ((r: Reconnecting) => void)[] = [];
  const reconnectedListeners = new Set<() => void>();
  const outputs = new Map<string, (data: Uint8Array) => void>();
  const inputAcks = new Map<string, (bytes: number) => void>();

  function onMessage(e: MessageEvent) {
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
      engine?: string;
    };
    if (msg.t === 'result' && msg.id !== undefined) {
      pending.get(msg.id)?.resolve(msg);
      pending.delete(msg.id);
    } else if (msg.t === 'event') {
      events.emit(msg.name, msg.payload, msg.engine);
    }
  }

  function connect() {
    retryTimer = null;
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    ws = socket;
    socket.addEventListener('message', onMessage);
    socket.addEventListener('open', () => {
      const again = everOpened;
      open = everOpened = true;
      attempt = 0;
      for (const w of firstOpen.splice(0)) w(true);
      if (again) for (const l of [...reconnectedListeners]) l();
    });
    socket.addEventListener('close', () => {
      if (ws !== socket) return;
      const wasOpen = open;
      open = false;
      for (const p of pending.values()) p.resolve(CALL_LOST);
      pending.clear();
      for (const w of firstOpen.splice(0)) w(false);
      // Said once per loss: when an open connection closes, or the very first one fails.
      if (wasOpen || attempt === 0) for (const l of lostListeners) l(SERVER_STOPPED);
      schedule();
    });
  }

  function schedule() {
    const delay = reconnectDelay(attempt++);
    retryTimer = setTimeout(connect, delay);
    const state = { attempt, nextAt: Date.now() + delay };
    for (const l of reconnectingListeners) l(state);
  }

  connect();

  return {
    async invoke(name, args) {
      if (!open && !everOpened && !(await new Promise<boolean>((r) => firstOpen.push(r))))
        return CALL_LOST;
      if (!open || !ws) return CALL_LOST;
      const id = nextId++;
      const socket = ws;
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        socket.send(JSON.stringify({ t: 'call', id, name, args }));
      });
    },
    on: (name, fn) => events.on(name, fn),
    onLost: (listener) => void lostListeners.push(listener),
    onReconnecting: (listener) => void reconnectingListeners.push(listener),
    onReconnected(listener) {
      reconnectedListeners.add(listener);
      return () => void reconnectedListeners.delete(listener);
    },
    retryNow() {
      if (open || !retryTimer) return;
      clearTimeout(retryTimer);
      connect();
    },
    consoleStream(consoleId): ConsoleStream {
      return {
        onOutput: (listener) => void outputs.set(consoleId, listener),
        onInputAck: (listener) => void inputAcks.set(consoleId, listener),
        // A console exists only once the socket is open (its pane needs the snapshot that
        // comes through it); a socket that closes later is reported by onLost.
        onTrouble: () => undefined,
        send: (msg) => {
          if (open && ws) ws.send(encodeFrame(consoleId, msg));
        },
        dispose: () => {
          outputs.delete(consoleId);
          inputAcks.delete(consoleId);
        },
      };
    },
  };
}

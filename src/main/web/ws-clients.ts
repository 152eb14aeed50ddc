// Browser mode's WebSocket half: one socket per tab, bound to the core like an Electron
// window. Text frames carry calls, results and events as JSON; binary frames carry console
// streams (see shared/console-protocol). Loaded after the page is already being served
// (see server.ts): ws and the engine's modules take most of a second to load.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { decodeFrame, encodeFrame } from '../../shared/console-protocol';
import { CorePool } from '../engine/engine-view/core-pool';
import { connectWindow, type WindowConnection } from '../engine/engine-view/window';
import type { ClientSource } from '../engine/switching-client';
import { parseTextFrame } from './ws-message';

export interface WebSocketClients {
  /** Takes over an HTTP upgrade the server has already allowed. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  count(): number;
  /**
   * Drops every tab's socket, then closes every console (exec shells hung up, attaches
   * detached), waiting at most `waitMs` for them; then stops the engines tabs added.
   */
  closeAll(waitMs: number): Promise<void>;
}

export function webSocketClients(app: ClientSource): WebSocketClients {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 << 20 });
  /** Engines tabs add beside their own, shared by the tabs that show them. */
  const pool = new CorePool(app);
  const windows = new Set<WindowConnection>();
  let closed = false;

  function bindClient(ws: WebSocket) {
    // A handshake that finished as the server closed: no window, so no console to leave behind.
    if (closed) return ws.terminate();
    const client = connectWindow(app, pool, {
      eventsOf: (engine) => (name, payload) => {
        if (ws.readyState === ws.OPEN)
          ws.send(JSON.stringify({ t: 'event', name, payload, engine }));
      },
      consoleSink: (consoleId) => (msg) => {
        if (ws.readyState === ws.OPEN) ws.send(encodeFrame(consoleId, msg));
      },
    });

    ws.on('message', (raw: RawData, isBinary: boolean) => {
      if (isBinary) {
        const frame = decodeFrame(toBytes(raw));
        if (!frame || frame.msg.op === 'output' || frame.msg.op === 'inputAck') {
          ws.close(1008, 'Malformed console frame.');
          return;
        }
        client.deliver(frame.consoleId, frame.msg);
        return;
      }
      const frame = parseTextFrame(raw.toString());
      if (frame.kind === 'refuse') {
        ws.close(frame.code, frame.reason);
        return;
      }
      void client.call(frame.name, frame.args).then((outcome) => {
        if (ws.readyState === ws.OPEN)
          ws.send(JSON.stringify({ t: 'result', id: frame.id, ...outcome }));
      });
    });
    // An oversize or invalid UTF-8 frame: ws has already closed the socket with 1009 or
    // 1007; the error is that client's, not the server's.
    ws.on('error', () => undefined);
    windows.add(client);
    ws.on('close', () => {
      windows.delete(client);
      client.dispose();
    });
  }

  return {
    upgrade: (req, socket, head) => wss.handleUpgrade(req, socket, head, bindClient),
    count: () => wss.clients.size,
    closeAll: async (waitMs) => {
      closed = true;
      const closing = Promise.all([...windows].map((w) => w.close()));
      for (const ws of wss.clients) ws.terminate();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closing, new Promise((r) => (timer = setTimeout(r, waitMs)))]);
      clearTimeout(timer);
      pool.stop();
    },
  };
}

function toBytes(raw: RawData): Uint8Array {
  if (Array.isArray(raw)) return Buffer.concat(raw);
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  return raw;
}

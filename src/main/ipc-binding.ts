// The Electron binding of the contract: one ipcMain.handle for every window's calls, routed
// by sender (and refused from any origin but the page's), webContents.send for events, a
// MessagePort per console stream.
import { ipcMain, MessageChannelMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isConsoleToMain } from '../shared/console-protocol';
import { IPC_CALL, IPC_CONSOLE_PORT, IPC_EVENT, type ConsolePortHandoff } from '../shared/ipc';
import { CorePool } from './engine/engine-view/core-pool';
import { connectWindow, type WindowConnection } from './engine/engine-view/window';
import type { ClientSource } from './engine/switching-client';
import { originOf } from './renderer-origin';

export interface IpcBinding {
  /** Connects one window; returns its disconnection (call it when the window closes). */
  bindWindow(contents: WebContents): () => void;
  /** Removes the handler and disconnects every window. */
  dispose(): void;
}

const UNAUTHORIZED = {
  ok: false,
  error: { code: 'unauthorized', message: 'Call from an unknown frame refused.', hint: '' },
};

export function bindIpc(
  /** The engine registry (each window can switch engines), or one core for every window. */
  app: ClientSource,
  /** The page's origin: the only one that may call, and the only one given console ports. */
  origin: string,
): IpcBinding {
  const windows = new Map<WebContents, WindowConnection>();
  /** Engines windows add beside their own, shared by the windows that show them. */
  const pool = new CorePool(app);

  ipcMain.handle(IPC_CALL, (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    const client = windows.get(event.sender);
    const frame = event.senderFrame;
    // Only our own page in one of our own windows may call.
    if (!client || !frame || originOf(frame.url) !== origin) return UNAUTHORIZED;
    return client.call(name, args);
  });

  function bindWindow(contents: WebContents): () => void {
    const client: WindowConnection = connectWindow(app, pool, {
      eventsOf: (engine) => (name, payload) => {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT, name, payload, engine);
      },
      consoleSink: (consoleId) => {
        const { port1, port2 } = new MessageChannelMain();
        port1.on('message', (e) => {
          if (isConsoleToMain(e.data)) client.deliver(consoleId, e.data);
        });
        port1.start();
        const handoff: ConsolePortHandoff = { consoleId, origin };
        contents.postMessage(IPC_CONSOLE_PORT, handoff, [port2]);
        return (msg) => port1.postMessage(msg);
      },
    });
    windows.set(contents, client);
    return () => {
      windows.delete(contents);
      client.dispose();
    };
  }

  return {
    bindWindow,
    dispose() {
      ipcMain.removeHandler(IPC_CALL);
      for (const client of windows.values()) client.dispose();
      windows.clear();
      pool.stop();
    },
  };
}

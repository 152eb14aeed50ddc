// The Electron binding of the contract: ipcMain.handle for calls (sender
// checked), webContents.send for events, a MessagePort per console stream.
import { ipcMain, MessageChannelMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isConsoleToMain } from '../shared/console-protocol';
import { IPC_CALL, IPC_CONSOLE_PORT, IPC_EVENT, type ConsolePortHandoff } from '../shared/ipc';
import { ConsoleSet } from './engine/console-set';
import { dispatch, type ClientContext } from './engine/dispatch';
import { forwardBroadcasts, type Crosstalk } from './engine/runtime';
import { originOf } from './renderer-origin';

export function bindWindow(
  app: Crosstalk,
  contents: WebContents,
  /** The page's origin: the only one that may call, and the only one given console ports. */
  origin: string,
): () => void {
  const consoles = new ConsoleSet(app.state);
  const send = (name: string, payload: unknown) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT, name, payload);
  };
  const ctx: ClientContext = {
    consoles,
    sockets: app.sockets.subscribe((event) => send('sockets', event)),
    consoleSink: (consoleId) => {
      const { port1, port2 } = new MessageChannelMain();
      port1.on('message', (e) => {
        if (isConsoleToMain(e.data)) consoles.deliver(consoleId, e.data);
      });
      port1.start();
      const handoff: ConsolePortHandoff = { consoleId, origin };
      contents.postMessage(IPC_CONSOLE_PORT, handoff, [port2]);
      return {
        output: (data) => port1.postMessage({ op: 'output', data }),
        status: (kind, message) => send('consoleStatus', { consoleId, kind, message }),
      };
    },
  };
  const onChange = () => send('snapshot', app.state.snapshot());
  app.state.on('change', onChange);
  const stopBroadcasts = forwardBroadcasts(app, send as (name: string, payload: unknown) => void);

  ipcMain.handle(IPC_CALL, (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    // Only our own page in our own window may call.
    const frame = event.senderFrame;
    if (event.sender !== contents || !frame || originOf(frame.url) !== origin) {
      return {
        ok: false,
        error: { code: 'unauthorized', message: 'Call from an unknown frame refused.', hint: '' },
      };
    }
    return dispatch(app.handlers, name, args, ctx);
  });

  return () => {
    ipcMain.removeHandler(IPC_CALL);
    app.state.off('change', onChange);
    stopBroadcasts();
    ctx.sockets.dispose();
    void consoles.closeAll();
  };
}

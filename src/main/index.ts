// Electron main: app lifecycle, the window, and the IPC binding. Everything
// else lives in ./engine and runs in plain Node too.
import { app, BrowserWindow, dialog } from 'electron';
import { engineTargetFromEnvironment } from './engine/connect';
import { Crosstalk } from './engine/runtime';
import { registerAppScheme, serveAppScheme } from './app-scheme';
import { bindIpc } from './ipc-binding';
import { rendererOrigin } from './renderer-origin';
import { createMainWindow, RENDERER_ROOT } from './window';

const devUrl = process.env['ELECTRON_RENDERER_URL'];

async function main(): Promise<void> {
  registerAppScheme();
  // Chromium holds network and message tasks after each key until the next frame is drawn
  // (DeferRendererTasksAfterInput); while any pane draws every frame, a console's echo then
  // waits a frame. The desktop app owns its Chromium, so it turns that off (BENCHMARKS.md).
  app.commandLine.appendSwitch('disable-features', 'DeferRendererTasksAfterInput');
  await app.whenReady();
  serveAppScheme(RENDERER_ROOT);
  let core: Crosstalk;
  try {
    core = new Crosstalk(engineTargetFromEnvironment());
  } catch (error) {
    dialog.showErrorBox('Crosstalk cannot find its Docker engine', (error as Error).message);
    app.quit();
    return;
  }
  void core.start();
  const ipc = bindIpc(core, rendererOrigin(devUrl));
  const open = () => {
    const win = createMainWindow(devUrl);
    const unbind = ipc.bindWindow(win.webContents);
    win.on('closed', unbind);
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') {
      ipc.dispose();
      core.stop();
      app.quit();
    }
  });
}

app.enableSandbox();
void main();

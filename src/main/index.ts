// Electron main: app lifecycle, the window, and the IPC binding. Everything
// else lives in ./engine and runs in plain Node too.
import { app, BrowserWindow, dialog } from 'electron';
import { engineTargetFromEnvironment } from './engine/connect';
import { Crosstalk } from './engine/runtime';
import { bindWindow } from './ipc-binding';
import { createMainWindow } from './window';

const devUrl = process.env['ELECTRON_RENDERER_URL'];
const isTrustedUrl = (url: string) => (devUrl ? url.startsWith(devUrl) : url.startsWith('file://'));

async function main(): Promise<void> {
  await app.whenReady();
  let core: Crosstalk;
  try {
    core = new Crosstalk(engineTargetFromEnvironment());
  } catch (error) {
    dialog.showErrorBox('Crosstalk cannot find its Docker engine', (error as Error).message);
    app.quit();
    return;
  }
  void core.start();
  const open = () => {
    const win = createMainWindow(devUrl);
    const unbind = bindWindow(core, win.webContents, isTrustedUrl);
    win.on('closed', unbind);
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') {
      core.stop();
      app.quit();
    }
  });
}

app.enableSandbox();
void main();

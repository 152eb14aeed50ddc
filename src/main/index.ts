// Electron main: app lifecycle, the window, and the IPC binding. Everything
// else lives in ./engine and runs in plain Node too.
import { app, BrowserWindow, dialog } from 'electron';
import { EngineRegistry } from './engine/engine-registry';
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
  // --engine NAME (or --engine=NAME) picks the engine over DOCKER_HOST and the remembered one.
  const flag = process.argv.findIndex((a) => a === '--engine' || a.startsWith('--engine='));
  const requested =
    flag < 0 ? null : (process.argv[flag]!.split('=', 2)[1] ?? process.argv[flag + 1] ?? null);
  const core = new EngineRegistry({ requested });
  try {
    await core.start();
  } catch (error) {
    dialog.showErrorBox('Crosstalk cannot find its Docker engine', (error as Error).message);
    app.quit();
    return;
  }
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

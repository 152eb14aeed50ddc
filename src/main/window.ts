// The one window: isolated, sandboxed, under a strict CSP, loaded from the app
// scheme (or the dev server), and unable to navigate away or open others.
/// <reference types="electron-vite/node" />
import { BrowserWindow, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './web/csp';
import { APP_ENTRY_URL } from './renderer-origin';
import { guardWebContents } from './window-guards';
// The window's icon (taskbar, Alt+Tab on Linux and Windows; macOS takes the bundle's).
import icon from '../../resources/icons/512x512.png?asset';

const here = dirname(fileURLToPath(import.meta.url));

/** The built renderer's folder, which the app scheme serves. */
export const RENDERER_ROOT = join(here, '../renderer');

export function createMainWindow(devUrl: string | undefined): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Crosstalk',
    icon,
    backgroundColor: '#0f1419',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  guardWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devUrl ?? APP_ENTRY_URL);
  return win;
}

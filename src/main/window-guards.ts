// What the window's page may not do (Electron's security checklist): navigate
// anywhere, be redirected, attach a <webview>, or open windows. Only the
// documentation links the app shows open, in the person's browser.
import { shell, type WebContents } from 'electron';
import { mayOpenExternally } from '../shared/documentation-links';

export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (mayOpenExternally(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // The page is one document: nothing navigates it, in any frame, or redirects it.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

// The app scheme in Electron: declared privileged before the app is ready (a
// standard, secure scheme gets a real origin), then served from the built renderer.
import { protocol } from 'electron';
import { APP_SCHEME } from './renderer-origin';
import { rendererResponse } from './renderer-response';

/** Must run before app.whenReady(): Chromium reads scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves only the files under rendererRoot (the built renderer). */
export function serveAppScheme(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererRoot, request.url));
}

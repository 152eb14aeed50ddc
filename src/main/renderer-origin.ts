// Where the desktop window's page lives: a privileged custom scheme (a real,
// secure origin, unlike file://, whose origin is opaque), or the dev server.
export const APP_SCHEME = 'crosstalk';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as Chromium gives it to a standard scheme's page
 * (`scheme://host[:port]`), or null for URLs without one (file:, data:, about:…).
 * Node's URL reports "null" for schemes it does not know, so this reads the parts.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host || parsed.protocol === 'file:') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** The one origin trusted with calls and console ports: the dev server's in development. */
export function rendererOrigin(devUrl: string | undefined): string {
  if (!devUrl) return APP_ORIGIN;
  const origin = originOf(devUrl);
  if (!origin) throw new Error(`ELECTRON_RENDERER_URL is not an http(s) URL: ${devUrl}`);
  return origin;
}

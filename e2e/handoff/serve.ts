// Serves the hand-off page through the product's own app-scheme handler, at an
// http://127.0.0.1 origin standing in for crosstalk://app. Chromium cannot load
// Electron's custom scheme, but what the hand-off depends on is the same for both:
// a tuple origin (location.origin equals the origin postMessage compares against,
// unlike file://, which reports "file://" for an opaque "null") in a secure context.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ORIGIN } from '../../src/main/renderer-origin';
import { rendererResponse } from '../../src/main/renderer-response';
import { bundleHandoffPage } from './bundle';

export interface HandoffSite {
  /** The page, served with the same bytes and headers the window's scheme gives it. */
  url: string;
  close(): Promise<void>;
}

export async function serveHandoffPage(): Promise<HandoffSite> {
  const root = mkdtempSync(join(tmpdir(), 'crosstalk-handoff-'));
  writeFileSync(join(root, 'handoff.js'), await bundleHandoffPage());
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>hand-off</title><script src="handoff.js"></script>',
  );
  const server: Server = createServer((req, res) => {
    void rendererResponse(root, `${APP_ORIGIN}${req.url ?? '/'}`).then(async (answer) => {
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the page server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/index.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

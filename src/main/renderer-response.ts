// Answers the window's requests on the app scheme: only the built renderer's
// files, each with the CSP header; anything else is a 404.
import { CONTENT_SECURITY_POLICY } from './web/csp';
import { readStatic } from './web/static-files';
import { APP_HOST, APP_SCHEME } from './renderer-origin';

export async function rendererResponse(root: string, requestUrl: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  // readStatic decodes the path and refuses anything that resolves outside root.
  const file = await readStatic(root, url.pathname);
  if (!file) return notFound();
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      'Content-Type': file.type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

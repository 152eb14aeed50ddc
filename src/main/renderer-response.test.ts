// The app scheme's handler against real files: the renderer's own files with the
// CSP header, nothing outside its folder, nothing for another host or scheme.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './web/csp';
import { rendererResponse } from './renderer-response';

let root: string;
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'crosstalk-scheme-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Crosstalk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  // Beside the renderer, not in it: must never be served.
  writeFileSync(join(base, 'secret.txt'), 'not for the page');
  writeFileSync(join(base, 'renderer-evil.txt'), 'a sibling whose name starts like the root');
});

describe('rendererResponse', () => {
  it('serves the entry page and assets with their types and the CSP', async () => {
    const page = await rendererResponse(root, 'crosstalk://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Crosstalk</title>');
    const script = await rendererResponse(root, 'crosstalk://app/assets/app.js?v=1');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await rendererResponse(root, 'crosstalk://app/')).status).toBe(200);
  });

  it.each([
    'crosstalk://app/../secret.txt',
    'crosstalk://app/..%2fsecret.txt',
    'crosstalk://app/%2e%2e/secret.txt',
    'crosstalk://app/assets/..%2f..%2fsecret.txt',
    'crosstalk://app/..%2frenderer-evil.txt',
    'crosstalk://app/%2e%2e%5csecret.txt',
    'crosstalk://app/index.html%00.js',
    'crosstalk://app/%E0%A4%A',
    'crosstalk://app/assets',
    'crosstalk://app/missing.js',
    'crosstalk://other/index.html',
    'crosstalk://app.evil/index.html',
    'file:///etc/passwd',
    'https://app/index.html',
    'not a url',
  ])('refuses %s with a 404 and nothing of the file', async (url) => {
    const answer = await rendererResponse(root, url);
    expect(answer.status).toBe(404);
    expect(await answer.text()).toBe('Not found');
  });
});

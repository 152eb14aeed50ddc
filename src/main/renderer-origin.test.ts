import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, originOf, rendererOrigin } from './renderer-origin';

describe('renderer origin', () => {
  it('reads the origin of the app scheme and of http URLs as Chromium does', () => {
    expect(originOf('crosstalk://app/index.html?x#y')).toBe('crosstalk://app');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('https://example.com:443/a')).toBe('https://example.com');
  });

  it('gives no origin to file:, data:, about: and garbage, so they are never trusted', () => {
    for (const url of ['file:///tmp/index.html', 'data:text/html,x', 'about:blank', '', 'x'])
      expect(originOf(url)).toBeNull();
  });

  it('trusts the app scheme, or the dev server in development', () => {
    expect(rendererOrigin(undefined)).toBe(APP_ORIGIN);
    expect(rendererOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(() => rendererOrigin('file:///x')).toThrow(/ELECTRON_RENDERER_URL/);
  });
});

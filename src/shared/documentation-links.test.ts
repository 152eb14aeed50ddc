// Every external link the renderer can show is on the list the window opens, and
// nothing else is opened: not other sites, not other schemes, not look-alikes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENTATION_LINKS, mayOpenExternally } from './documentation-links';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(svelte|ts|html)$/.test(e.name) && !/\.test\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('documentation links', () => {
  it('lists every http(s) link in the renderer and shared sources', () => {
    const shown = new Set<string>();
    for (const file of [...sourcesUnder('src/renderer'), ...sourcesUnder('src/shared')])
      for (const m of readFileSync(file, 'utf8').matchAll(/https?:\/\/[^\s'"`<>)]+/g))
        if (!/^https?:\/\/(127\.0\.0\.1|localhost)/.test(m[0])) shown.add(m[0]);
    expect([...shown].filter((url) => !DOCUMENTATION_LINKS.includes(url))).toEqual([]);
  });

  it('opens listed links only', () => {
    for (const url of DOCUMENTATION_LINKS) expect(mayOpenExternally(url)).toBe(true);
    for (const url of [
      'https://evil.example/',
      'http://docs.docker.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'crosstalk://app/index.html',
      'smb://host/share',
      ...DOCUMENTATION_LINKS.map((u) => `${u}.evil.example`),
      ...DOCUMENTATION_LINKS.map((u) => u.replace('https://', 'http://')),
    ])
      expect(mayOpenExternally(url), url).toBe(false);
  });
});

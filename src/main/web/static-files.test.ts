// The built renderer's files: only inside its folder; hashed assets marked as never changing
// and kept once read, everything else read afresh.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStatic } from './static-files';

const root = mkdtempSync(join(tmpdir(), 'static-files-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'favicon.ico'), 'icon');
writeFileSync(join(root, 'assets', 'Console-COYcl-to.js'), 'one');
writeFileSync(join(root, 'assets', 'notes.js'), 'plain');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readStatic', () => {
  it('marks a hashed asset as never changing, and nothing else', () => {
    expect(readStatic(root, '/assets/Console-COYcl-to.js')).toMatchObject({
      type: 'text/javascript; charset=utf-8',
      immutable: true,
    });
    expect(readStatic(root, '/')).toMatchObject({ immutable: false });
    expect(readStatic(root, '/favicon.ico')).toMatchObject({ immutable: false });
    expect(readStatic(root, '/assets/notes.js')).toMatchObject({ immutable: false });
  });

  it('keeps a hashed asset once read; reads the page afresh', () => {
    expect(readStatic(root, '/assets/Console-COYcl-to.js')!.body.toString()).toBe('one');
    writeFileSync(join(root, 'assets', 'Console-COYcl-to.js'), 'two');
    expect(readStatic(root, '/assets/Console-COYcl-to.js')!.body.toString()).toBe('one');
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>new</title>');
    expect(readStatic(root, '/index.html')!.body.toString()).toContain('new');
  });

  it('serves nothing outside its folder, and no folder', () => {
    expect(readStatic(root, '/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(readStatic(root, '/../index.html')).toBeNull();
    expect(readStatic(root, '/assets')).toBeNull();
    expect(readStatic(root, '/%E0%A4%A')).toBeNull();
    expect(readStatic(root, '/missing.js')).toBeNull();
  });
});

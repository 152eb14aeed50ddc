// The icon every target needs exists, at the sizes it needs: electron-builder cannot run
// here (no Electron binary), so this checks what it would read.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const file = (path: string) => new URL(path, root);
const config = readFileSync(file('electron-builder.yml'), 'utf8');

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(file(path));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The sizes an .ico holds (a width byte of 0 means 256). */
function icoSizes(path: string): number[] {
  const bytes = readFileSync(file(path));
  expect(bytes.readUInt16LE(2)).toBe(1);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => bytes[6 + i * 16] || 256);
}

describe('packaging', () => {
  it('targets AppImage, deb, dmg and nsis', () => {
    for (const target of ['AppImage', 'deb', 'target: dmg', 'target: nsis'])
      expect(config).toContain(target);
  });

  it('points every icon setting at a file or folder that exists', () => {
    const paths = [...config.matchAll(/^\s*(?:icon|installerIcon|uninstallerIcon): (\S+)$/gm)];
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const [, path] of paths) expect(existsSync(file(path!)), path).toBe(true);
  });

  it('has the Linux sizes, each as big as its name says', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
      expect(pngSize(`resources/icons/${size}x${size}.png`)).toEqual({
        width: size,
        height: size,
      });
  });

  it('gives macOS a 1024 px source and Windows an .ico up to 256 px', () => {
    expect(pngSize('resources/icon.png').width).toBe(1024);
    expect(icoSizes('resources/icon.ico')).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('serves a favicon in browser mode from the same drawing', () => {
    const html = readFileSync(file('src/renderer/index.html'), 'utf8');
    expect(html).toContain('href="./favicon.svg"');
    expect(readFileSync(file('src/renderer/public/favicon.svg'), 'utf8')).toBe(
      readFileSync(file('resources/icon.svg'), 'utf8'),
    );
    expect(icoSizes('src/renderer/public/favicon.ico')).toEqual([16, 32, 48]);
  });
});

// Finds the Electron binary without triggering a download (requiring the
// electron package would try to fetch it, which cannot work offline).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary() {
  const dir = 'node_modules/electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = join(override, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(exe) ? exe : null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

// Builds with electron-vite when the output is missing or older than a source file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export function ensureBuilt() {
  const marker = 'out/main/web.js';
  const sources = Math.max(newest('src'), statSync('electron.vite.config.ts').mtimeMs);
  if (existsSync(marker) && statSync(marker).mtimeMs >= sources) return;
  console.error('crosstalk: building…');
  execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

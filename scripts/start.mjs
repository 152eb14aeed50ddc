// `npm start`: the desktop app; where no Electron binary can be had (offline),
// one clear line, then the same UI in browser mode.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const binary = electronBinary();
const [cmd, args] = binary
  ? [
      process.execPath,
      ['node_modules/electron-vite/bin/electron-vite.js', 'preview', ...process.argv.slice(2)],
    ]
  : [process.execPath, ['scripts/web.mjs', ...process.argv.slice(2)]];
if (!binary) {
  console.error(
    'crosstalk: no Electron binary here (fetch one with `npx install-electron` when online); starting browser mode instead.',
  );
}
const child = spawn(cmd, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

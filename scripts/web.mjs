// `npm run web`: build (when sources are newer than the build), then serve
// browser mode. Arguments pass through: --port N, --no-open, --host ADDRESS.
import { spawn } from 'node:child_process';
import { ensureBuilt } from './build-if-stale.mjs';

ensureBuilt();
const child = spawn(process.execPath, ['out/main/web.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

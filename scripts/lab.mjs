// `npm run lab -- two-hosts up|down|status`: build (when sources are newer than the build),
// then run the lab's command line. See src/main/lab.
import { spawnSync } from 'node:child_process';
import { ensureBuilt } from './build-if-stale.mjs';

ensureBuilt();
const result = spawnSync(process.execPath, ['out/main/lab.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

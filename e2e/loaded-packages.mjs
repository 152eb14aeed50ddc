// Preloaded into browser mode by start-up.spec.ts (NODE_OPTIONS=--import): when the process
// exits, writes which packages' files it loaded at run time (Node's require cache; the bundled
// code is not in it) to LOADED_PACKAGES_FILE.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const packages = new Set(
    Object.keys(cache).flatMap((f) => /node_modules\/((@[^/]+\/)?[^/]+)\//.exec(f)?.[1] ?? []),
  );
  writeFileSync(process.env['LOADED_PACKAGES_FILE'], JSON.stringify([...packages]));
});

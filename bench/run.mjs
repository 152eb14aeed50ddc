// `npm run bench`: every benchmark, or those named (`node bench/run.mjs echo flood`).
// Run it under the engine lock so the machine is quiet:
//   flock /tmp/crosstalk-engine.lock npm run bench
import { cpus, totalmem } from 'node:os';
import { cleanup } from './harness.mjs';

const all = ['echo', 'flood', 'lesson', 'scale', 'startup', 'live-picture'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;
console.log(
  `Crosstalk benchmarks · ${new Date().toISOString()} · ${cpus().length} cores · ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
);
let failed = 0;
for (const name of wanted) {
  if (!all.includes(name)) throw new Error(`unknown benchmark ${name}; one of ${all.join(', ')}`);
  try {
    const { run } = await import(`./${name}.mjs`);
    await run();
  } catch (error) {
    failed++;
    console.error(`\n${name}: could not run: ${error instanceof Error ? error.stack : error}`);
    await cleanup().catch(() => undefined);
  }
}
process.exit(failed ? 1 : 0);

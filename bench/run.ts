// `npm run bench [-- names…] [--runs N] [--compare earlier.json]`: each benchmark N times
// (3 by default), every figure as the median with min and max, written to
// bench/results/<time>.json; with --compare, the change per figure against an earlier file.
// `npm run bench -- --compare a.json --to b.json` compares two files without running.
// `npx tsx bench/run.ts --markdown a.json [b.json …]` prints BENCHMARKS.md's table (targets,
// met or not, each file's load average) from result files, without running anything.
// Run under the engine lock: flock /tmp/crosstalk-engine.lock npm run bench -- echo
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { electronBinary } from '../scripts/electron-binary.mjs';
import {
  aggregate,
  formatCompare,
  formatMarkdown,
  formatRun,
  type Figure,
  type RunFile,
} from './lib/figures';
import { cleanup } from './lib/engine';
import { ROOT } from './lib/paths';
import * as echo from './echo';
import * as flood from './flood';
import * as lesson from './lesson';
import * as livePicture from './live-picture';
import * as scale from './scale';
import * as startup from './startup';

const BENCHES: Record<string, { run(): Promise<Figure[]> }> = {
  echo,
  flood,
  lesson,
  scale,
  startup,
  'live-picture': livePicture,
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    compare: { type: 'string' },
    to: { type: 'string' },
    markdown: { type: 'boolean', default: false },
  },
});
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as RunFile;

if (values.compare && values.to) {
  console.log(formatCompare(read(values.compare), read(values.to)));
  process.exit(0);
}

if (values.markdown) {
  if (!positionals.length)
    throw new Error('--markdown takes one or more bench/results/*.json files');
  console.log(
    formatMarkdown(positionals.map((file) => ({ name: basename(file), run: read(file) }))),
  );
  process.exit(0);
}

const names = positionals.length ? positionals : Object.keys(BENCHES);
for (const n of names)
  if (!BENCHES[n])
    throw new Error(`unknown benchmark ${n}; one of ${Object.keys(BENCHES).join(', ')}`);
const runs = Number(values.runs);
const before = loadavg().map((l) => +l.toFixed(2));
console.log(
  `Crosstalk benchmarks · ${new Date().toISOString()} · ${cpus().length} cores · load ${before.join(' ')} · ${runs} runs each`,
);
const figures: Figure[][] = Array.from({ length: runs }, () => []);
let failed = 0;
for (const name of names) {
  for (let r = 0; r < runs; r++) {
    try {
      figures[r]!.push(...(await BENCHES[name]!.run()));
      process.stdout.write(`${name} run ${r + 1}/${runs} done\n`);
    } catch (error) {
      failed++;
      console.error(`${name} run ${r + 1}: could not run: ${(error as Error).stack ?? error}`);
      await cleanup().catch(() => undefined);
    }
  }
}
const result: RunFile = {
  at: new Date().toISOString(),
  cores: cpus().length,
  loadavg: { before, after: loadavg().map((l) => +l.toFixed(2)) },
  runs,
  benches: names,
  figures: aggregate(figures),
};
console.log(`\n${formatRun(result.figures)}\n`);
console.log(`load average before / after: ${before.join(' ')} / ${result.loadavg.after.join(' ')}`);
console.log(
  electronBinary()
    ? 'Electron binary present: its MessagePort console path is not benchmarked yet (browser mode only).'
    : 'Electron: no binary on this machine, so the MessagePort console path is not measured here (browser mode only).',
);
const dir = join(ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${result.at.replace(/[:.]/g, '-')}-${names.join('+')}.json`);
writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
console.log(`written: ${file}`);
if (values.compare) console.log(`\n${formatCompare(read(values.compare), result)}`);
process.exit(failed ? 1 : 0);

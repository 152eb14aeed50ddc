// Preloaded with `node --import` (NODE_OPTIONS) by bench/trace-startup.ts: a CPU profile of the
// whole life of browser mode's main process (--cpu-prof is not allowed in NODE_OPTIONS),
// written to $BENCH_MAIN_CPU_PROF/main-<pid>.cpuprofile when it exits.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 250 });
session.post('Profiler.start');
process.on('exit', () => {
  // A session on the same thread answers synchronously, so this runs before the exit.
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    const file = join(process.env.BENCH_MAIN_CPU_PROF, `main-${process.pid}.cpuprofile`);
    writeFileSync(file, JSON.stringify(result.profile));
  });
});

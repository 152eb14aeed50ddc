// Where browser mode's start-up goes, for bench/trace-startup.ts: with CROSSTALK_STARTUP_MARKS
// set, each step prints `crosstalk-mark <µs> <step>` to stderr, on the monotonic clock that
// Chromium's trace uses too (Linux). Off, it costs nothing.
const on = Boolean(process.env['CROSSTALK_STARTUP_MARKS']);

export function startupMark(step: string): void {
  if (on) console.error(`crosstalk-mark ${process.hrtime.bigint() / 1000n} ${step}`);
}

// Vitest's and Playwright's global set-up: the extra engines, once per run. Those
// already running (started by .ci/run) are left running; those started here are
// stopped here, by pid.
import { startTestEngines, stopTestEngines } from './engines.mjs';

export default function setup() {
  const started = startTestEngines();
  return () => stopTestEngines(started);
}

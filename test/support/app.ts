// A core on the tests' engine. Apart from engine.ts because the core bundles the built-in
// lessons' files as text (a Vite import), which only Vitest's loader reads, not Playwright's.
import { Crosstalk } from '../../src/main/engine/runtime';
import { ENDPOINT, TEST_ENGINE, newDocker } from './engine';

/** A core on the tests' engine, connected as the app would connect to it. */
export function newApp(): Crosstalk {
  return new Crosstalk({ docker: newDocker(), endpoint: ENDPOINT, source: TEST_ENGINE.source });
}

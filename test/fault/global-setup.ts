// Once per run: the fault suite's private engine, with the test image, and a current build
// of browser mode. Stopped by pid when the run ends.
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { loadTestImage, startEngine, stopEngine } from './private-engine';

export default async function setup(): Promise<() => Promise<void>> {
  ensureBuilt();
  await startEngine();
  await loadTestImage();
  return stopEngine;
}

// Checks, before any spec, that what the e2e tests need is really here.
import { existsSync } from 'node:fs';
import { ENDPOINT, TEST_IMAGE, docker } from './engine';
import startOtherEngines from '../scripts/test-engines/global-setup.mjs';

export default async function globalSetup(): Promise<() => void> {
  if (!existsSync('out/main/web.js'))
    throw new Error('Build first: npm run build (npm test does it).');
  await docker.ping().catch(() => {
    throw new Error(`No Docker engine answers at ${ENDPOINT}; .ci/run starts one.`);
  });
  await docker
    .getImage(TEST_IMAGE)
    .inspect()
    .catch(() => {
      throw new Error(`${TEST_IMAGE} is missing: run npm run test-image.`);
    });
  // Podman, the TLS dockerd and the registries: once per run (left running when .ci/run started them).
  return startOtherEngines();
}

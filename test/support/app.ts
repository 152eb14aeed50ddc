// A core on the tests' engine. Apart from engine.ts because the core bundles the built-in
// lessons' files as text (a Vite import), which only Vitest's loader reads, not Playwright's.
import { Crosstalk } from '../../src/main/engine/runtime';
import { ENDPOINT, TEST_ENGINE, newDocker } from './engine';
import { removeTestResources } from './resources';
import { TestClient } from './test-client';

/** A core on the tests' engine, connected as the app would connect to it. */
export function newApp(): Crosstalk {
  return new Crosstalk({ docker: newDocker(), endpoint: ENDPOINT, source: TEST_ENGINE.source });
}

/** A started core on the tests' engine with one client connected to it. */
export async function startConnectedApp(): Promise<{ app: Crosstalk; client: TestClient }> {
  const app = newApp();
  await app.start();
  return { app, client: new TestClient(app) };
}

/**
 * Ends what `startConnectedApp` started (its consoles closed, the core stopped) and removes,
 * by force, what the lab `labId` made and the containers and networks `names`.
 */
export async function stopConnectedApp(
  client: TestClient | undefined,
  labId?: string,
  names: string[] = [],
): Promise<void> {
  await client?.consoles.closeAll();
  client?.app.stop();
  if (labId !== undefined) await removeTestResources(labId, names);
}

// Many consoles and many clients on one core, against the real engine: no listener per
// console or per client piles up on the live state (Node warns past 10), and disposing the
// clients releases every console's follow-up.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Crosstalk } from './runtime';
import {
  TEST_IMAGE,
  TestClient,
  newApp,
  removeTestResources,
  uniqueName,
} from '../../../test/support';

const LAB = uniqueName('clients');
let app: Crosstalk;

beforeAll(async () => {
  app = newApp();
  await app.start();
});

afterAll(async () => {
  app?.stop();
  await removeTestResources(LAB);
});

it('serves 12 clients with 2 consoles each without a MaxListenersExceededWarning', async () => {
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  process.on('warning', onWarning);
  const changeListeners = app.state.listenerCount('change');
  try {
    const clients = Array.from({ length: 12 }, () => new TestClient(app));
    const name = uniqueName('box');
    await clients[0]!.call('createContainer', { image: TEST_IMAGE, name, labId: LAB });
    for (const client of clients) {
      for (let i = 0; i < 2; i++) {
        const consoleId = TestClient.consoleId();
        await client.call('openConsole', { consoleId, container: name, mode: 'attach' });
      }
    }
    expect(app.state.followerCount).toBe(24);
    expect(app.state.listenerCount('change')).toBe(changeListeners);
    expect(app.clientCount).toBe(12);
    for (const client of clients) client.connection.dispose();
    expect(app.state.followerCount).toBe(0);
    expect(app.clientCount).toBe(0);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
});

// The defect of the file:// window, seen as a person would: the desktop renderer
// (window.crosstalk present) whose console ports never arrive. Calls and events go
// to the real server through its socket; nothing hands a port over. The console
// must say what is missing instead of swallowing keys.
import { test, expect } from './fixtures';
import { createContainer, consoleOf } from './app';

/** A preload stand-in that carries calls and events but never hands over a console port. */
function bridgeWithoutPorts(): void {
  const ws = new WebSocket(`ws://${location.host}/ws`);
  const opened = new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
  const pending = new Map<number, (outcome: unknown) => void>();
  const listeners: ((name: string, payload: unknown) => void)[] = [];
  let nextId = 1;
  ws.addEventListener('message', (e: MessageEvent) => {
    if (typeof e.data !== 'string') return; // console bytes: this window has no port for them
    const msg = JSON.parse(e.data) as { t: string; id: number; name: string; payload: unknown };
    if (msg.t === 'result') pending.get(msg.id)?.(msg);
    else if (msg.t === 'event') for (const l of listeners) l(msg.name, msg.payload);
  });
  Object.assign(window, {
    crosstalk: {
      call: async (name: string, args: unknown) => {
        await opened;
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, resolve);
          ws.send(JSON.stringify({ t: 'call', id, name, args }));
        });
      },
      onEvent: (listener: (name: string, payload: unknown) => void) => listeners.push(listener),
    },
  });
}

test('a console whose port never arrives says what is missing and what to do', async ({
  app: page,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'the real window has its own preload');
  await page.addInitScript(bridgeWithoutPorts);
  await page.reload();
  await createContainer(page, { name: 'portless' });
  const console = consoleOf(page, 'portless');
  await expect(console).toContainText('channel from the Crosstalk main process has not arrived');
  await expect(console).toContainText('Reload the window');
  await expect(console.getByText('not connected')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('port-missing.png') });
});

// The desktop window's console hand-off, in real Chromium without Electron: the
// preload's hand-off posts a real MessagePort (a MessageChannel standing in for
// main's) to a page served the way the window is served, and the renderer's
// Electron transport must receive it and carry bytes both ways.
import { test, expect } from '@playwright/test';
import { originOf } from '../src/main/renderer-origin';
import type { ConsolePortHandoff, PreloadBridge } from '../src/shared/ipc';
import type { electronTransport } from '../src/renderer/src/lib/transport/electron-transport';
import { serveHandoffPage, type HandoffSite } from './handoff/serve';

/** What page-entry.ts puts on the page's window: the product's own functions. */
interface UnderTest {
  handConsolePort(target: Window, handoff: ConsolePortHandoff, ports: MessagePort[]): void;
  electronTransport: typeof electronTransport;
}

let site: HandoffSite;
test.beforeAll(async () => {
  site = await serveHandoffPage();
});
test.afterAll(() => site.close());

test.beforeEach(async ({ page }) => {
  await page.goto(site.url);
  // The stand-in origin behaves as the app scheme's does: a secure tuple origin.
  expect(await page.evaluate(() => [location.origin, isSecureContext])).toEqual([
    originOf(site.url),
    true,
  ]);
});

test('a port handed over by the preload reaches the Electron transport; bytes flow both ways', async ({
  page,
}) => {
  const flow = await page.evaluate(async (origin) => {
    const w = window as unknown as UnderTest;
    const bridge: PreloadBridge = { call: async () => ({ ok: true }), onEvent: () => undefined };
    const stream = w.electronTransport(bridge).consoleStream('console-1');
    const shown: string[] = [];
    stream.onOutput((data) => shown.push(new TextDecoder().decode(data)));
    // Typed before the port arrives: held, then delivered in order.
    stream.send({ op: 'input', data: new TextEncoder().encode('typed early') });
    const main = new MessageChannel();
    const atMain: string[] = [];
    main.port1.onmessage = (e) => atMain.push(new TextDecoder().decode(e.data.data));
    w.handConsolePort(window, { consoleId: 'console-1', origin }, [main.port2]);
    main.port1.postMessage({ op: 'output', data: new TextEncoder().encode('from the container') });
    stream.send({ op: 'input', data: new TextEncoder().encode('typed later') });
    const until = Date.now() + 3000;
    while ((atMain.length < 2 || shown.length < 1) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    return { atMain, shown };
  }, originOf(site.url)!);
  expect(flow.atMain).toEqual(['typed early', 'typed later']);
  expect(flow.shown).toEqual(['from the container']);
});

test('a port meant for another origin never reaches the page, and the console says what is missing', async ({
  page,
}) => {
  const seen = await page.evaluate(async () => {
    const w = window as unknown as UnderTest;
    const bridge: PreloadBridge = { call: async () => ({ ok: true }), onEvent: () => undefined };
    const stream = w.electronTransport(bridge, 300).consoleStream('console-2');
    const troubles: string[] = [];
    stream.onTrouble((t) => troubles.push(`${t.message} | ${t.hint}`));
    const main = new MessageChannel();
    const atMain: unknown[] = [];
    main.port1.onmessage = (e) => atMain.push(e.data);
    // Main names the app's origin; this page is at another one (as a navigated-away page would be).
    w.handConsolePort(window, { consoleId: 'console-2', origin: 'http://127.0.0.1:9' }, [
      main.port2,
    ]);
    stream.send({ op: 'input', data: new TextEncoder().encode('lost?') });
    await new Promise((r) => setTimeout(r, 600));
    return { atMain, troubles };
  });
  expect(seen.atMain).toEqual([]);
  expect(seen.troubles).toHaveLength(1);
  expect(seen.troubles[0]).toMatch(/channel from the Crosstalk main process has not arrived/);
  expect(seen.troubles[0]).toMatch(/Reload the window/);
});

test('a call main no longer takes reports the connection lost, like browser mode', async ({
  page,
}) => {
  const seen = await page.evaluate(async () => {
    const w = window as unknown as UnderTest;
    // What ipcRenderer.invoke does once main's handler is gone.
    const bridge: PreloadBridge = {
      call: () => Promise.reject(new Error("No handler registered for 'crosstalk:call'")),
      onEvent: () => undefined,
    };
    const transport = w.electronTransport(bridge);
    const lost: string[] = [];
    transport.onLost((reason) => lost.push(reason));
    const outcome = await transport.invoke('snapshot', undefined);
    return { lost, outcome };
  });
  expect(seen.lost).toEqual([expect.stringMatching(/main process did not take the call/)]);
  expect(seen.outcome).toMatchObject({ ok: false, error: { code: 'engine-unreachable' } });
});

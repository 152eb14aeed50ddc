// The desktop window's console hand-off, in real Chromium without Electron: the
// preload's hand-off posts a real MessagePort to a page loaded the way the window
// loads the renderer, and the renderer's Electron transport must receive it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { bundleHandoffPage } from './handoff/bundle';

let pageUrl = '';

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosstalk-handoff-'));
  writeFileSync(join(dir, 'handoff.js'), await bundleHandoffPage());
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>hand-off</title><script src="handoff.js"></script>',
  );
  // Today the window loads the renderer with loadFile: a file:// page.
  pageUrl = pathToFileURL(join(dir, 'index.html')).href;
});

test('a port handed over by the preload reaches the Electron transport; bytes flow both ways', async ({
  page,
}) => {
  page.on('console', (m) => console.log('page:', m.text()));
  await page.goto(pageUrl);
  const flow = await page.evaluate(async () => {
    const w = window as unknown as {
      handConsolePort: (t: Window, id: string, ports: MessagePort[]) => void;
      electronTransport: typeof import('../src/renderer/src/lib/transport/electron-transport').electronTransport;
    };
    const transport = w.electronTransport({
      call: () => Promise.resolve({ ok: true }),
      onEvent: () => undefined,
    });
    const stream = transport.consoleStream('console-1');
    const shown: string[] = [];
    stream.onOutput((data) => shown.push(new TextDecoder().decode(data)));
    // Typed before the port arrives: held, then delivered.
    stream.send({ op: 'input', data: new TextEncoder().encode('typed early') });
    // The main side's end of the console's channel.
    const main = new MessageChannel();
    const atMain: string[] = [];
    main.port1.onmessage = (e) => atMain.push(new TextDecoder().decode(e.data.data));
    w.handConsolePort(window, 'console-1', [main.port2]);
    main.port1.postMessage({ op: 'output', data: new TextEncoder().encode('from the container') });
    stream.send({ op: 'input', data: new TextEncoder().encode('typed later') });
    const until = Date.now() + 3000;
    while ((atMain.length < 2 || shown.length < 1) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    return { atMain, shown };
  });
  expect(flow.atMain).toEqual(['typed early', 'typed later']);
  expect(flow.shown).toEqual(['from the container']);
});

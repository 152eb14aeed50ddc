// The product's own code under test, bundled into one page: the preload's hand-off
// and the renderer's Electron transport. The spec drives them from the page.
import { handConsolePort } from '../../src/preload/console-port-handoff';
import { electronTransport } from '../../src/renderer/src/lib/transport/electron-transport';

Object.assign(window, { handConsolePort, electronTransport });

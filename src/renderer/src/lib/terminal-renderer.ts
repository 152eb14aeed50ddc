// xterm's WebGL renderer where it can be had, the DOM renderer otherwise.
// Chromium keeps about 16 WebGL contexts per page and drops the oldest beyond
// that, so Crosstalk uses at most MAX_WEBGL and falls back for the rest.
import type { Terminal } from '@xterm/xterm';
import { WebglAddon } from '@xterm/addon-webgl';

const MAX_WEBGL = 12;
let inUse = 0;

export function attachRenderer(term: Terminal): { kind: 'webgl' | 'dom'; dispose(): void } {
  if (inUse >= MAX_WEBGL || new URLSearchParams(location.search).has('dom-renderer')) {
    return { kind: 'dom', dispose: () => undefined };
  }
  try {
    const addon = new WebglAddon();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inUse--;
      addon.dispose();
    };
    inUse++;
    // A lost context (GPU reset, too many pages) falls back to the DOM renderer.
    addon.onContextLoss(release);
    term.loadAddon(addon);
    return { kind: 'webgl', dispose: release };
  } catch {
    inUse--;
    return { kind: 'dom', dispose: () => undefined };
  }
}

// xterm's WebGL renderer where it can be had, the DOM renderer otherwise.
// Chromium keeps about 16 WebGL contexts per page and drops the oldest beyond
// that, so Crosstalk uses at most MAX_WEBGL and falls back for the rest. The WebGL addon is
// loaded only where it is used: without a GPU the first screen does without its 120 kB.
import type { Terminal } from '@xterm/xterm';

const MAX_WEBGL = 12;
let inUse = 0;
let softwareGl: boolean | null = null;

/**
 * WebGL drawn by the CPU (SwiftShader, llvmpipe: no GPU, as on CI and small VMs) costs a
 * whole core during a flood and halves throughput (bench/flood.mjs); DOM is cheaper there.
 */
function webglIsSoftware(): boolean {
  if (softwareGl !== null) return softwareGl;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl!.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    softwareGl = !gl || /swiftshader|llvmpipe|software/i.test(name);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    softwareGl = true;
  }
  return softwareGl;
}

/** Starts the terminal on the DOM renderer and moves it to WebGL once that has loaded. */
export function attachRenderer(term: Terminal): { kind: 'webgl' | 'dom'; dispose(): void } {
  if (
    inUse >= MAX_WEBGL ||
    new URLSearchParams(location.search).has('dom-renderer') ||
    webglIsSoftware()
  ) {
    return { kind: 'dom', dispose: () => undefined };
  }
  inUse++;
  let released = false;
  let addon: { dispose(): void } | null = null;
  const release = () => {
    if (released) return;
    released = true;
    inUse--;
    addon?.dispose();
  };
  void import('@xterm/addon-webgl')
    .then(({ WebglAddon }) => {
      if (released) return;
      const webgl = new WebglAddon();
      addon = webgl;
      // A lost context (GPU reset, too many pages) falls back to the DOM renderer.
      webgl.onContextLoss(release);
      term.loadAddon(webgl);
    })
    .catch(release);
  return { kind: 'webgl', dispose: release };
}

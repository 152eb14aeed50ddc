// The live picture as the renderer knows it: the latest sockets of the containers this window
// watches (pushed by the main side only when they change) and the last reachability matrix.
import type { ReachabilityMatrix, SocketsEvent } from '../../../shared/live-picture';
import { api, transport } from './api';
import { attempt } from './notices.svelte';

class LivePicture {
  sockets = $state.raw<SocketsEvent | null>(null);
  matrix = $state.raw<ReachabilityMatrix | null>(null);
  probing = $state(false);
  /** The diagram is shown beside the consoles. */
  open = $state(false);
  private watchedKey = '';
  private watchedIds: string[] = [];

  constructor() {
    // A store for the page's whole life: subscribed once, never undone.
    transport.on('sockets', (sockets) => (this.sockets = sockets));
    // Another engine: nothing watched there yet, and the last matrix was the old engine's.
    transport.on('engineSwitched', () => {
      this.watchedKey = '';
      this.watchedIds = [];
      this.sockets = null;
      this.matrix = null;
    });
    // A restarted browser-mode server knows nothing of what this page watched.
    transport.onReconnected(() => {
      if (this.watchedIds.length) void attempt(() => api.watchSockets({ ids: this.watchedIds }));
    });
  }

  /** Tells the main side which containers this window shows; [] stops its polling for us. */
  watch(ids: readonly string[]): void {
    const key = [...ids].sort().join(',');
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    this.watchedIds = [...ids];
    if (!ids.length) this.sockets = null;
    void attempt(() => api.watchSockets({ ids: [...ids] }));
  }

  async probe(ids: readonly string[]): Promise<void> {
    this.probing = true;
    try {
      await attempt(async () => {
        this.matrix = await api.probeReachability({ ids: [...ids] });
      });
    } finally {
      this.probing = false;
    }
  }

  toggle(): void {
    this.open = !this.open;
  }

  clearMatrix(): void {
    this.matrix = null;
  }
}

export const livePicture = new LivePicture();

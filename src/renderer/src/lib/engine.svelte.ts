// The engine as the renderer knows it: the latest snapshot, kept current by
// `snapshot` events, plus per-console status listeners.
import type { ConsoleStatus } from '../../../shared/events';
import type { ContainerView, Snapshot } from '../../../shared/model';
import { api, transport } from './api';

class EngineStore {
  snapshot = $state<Snapshot | null>(null);
  /** Set when the transport itself is gone (browser mode's server stopped). */
  lost = $state<string | null>(null);
  containers = $derived<ContainerView[]>(this.snapshot?.containers ?? []);
  networks = $derived(this.snapshot?.networks ?? []);
  images = $derived(this.snapshot?.images ?? []);
  status = $derived(this.snapshot?.engine ?? null);
  private consoleListeners = new Map<string, (s: ConsoleStatus) => void>();

  async init(): Promise<void> {
    // The app's whole life: subscribed once, never undone.
    transport.on('snapshot', (snapshot) => (this.snapshot = snapshot));
    transport.on('consoleStatus', (s) => this.consoleListeners.get(s.consoleId)?.(s));
    transport.onLost((reason) => (this.lost = reason));
    this.snapshot = await api.snapshot();
  }

  onConsoleStatus(consoleId: string, listener: (s: ConsoleStatus) => void): () => void {
    this.consoleListeners.set(consoleId, listener);
    return () => this.consoleListeners.delete(consoleId);
  }

  byName(name: string): ContainerView | undefined {
    return this.containers.find((c) => c.name === name);
  }
}

export const engine = new EngineStore();

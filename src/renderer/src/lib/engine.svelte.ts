// The engine as the renderer knows it: the latest snapshot, kept current by
// `snapshot` events, plus per-console status listeners.
import type { EngineSwitched } from '../../../shared/engines';
import type { ConsoleStatus } from '../../../shared/events';
import type { ContainerView, Snapshot } from '../../../shared/model';
import { api, transport } from './api';
import { attempt, notices } from './notices.svelte';
import type { Reconnecting } from './transport/transport';

/** What the person is told after a switch: where they are now, and what closed. */
export function switchedMessage(s: EngineSwitched): string {
  const now = `This window now shows ${s.to.name}${s.to.product ? ` (${s.to.product})` : ''}.`;
  if (!s.closedConsoles) return now;
  const consoles = s.closedConsoles === 1 ? '1 console' : `${s.closedConsoles} consoles`;
  return `${now} ${consoles} on ${s.from.name} closed: their containers stay on that engine.`;
}

class EngineStore {
  snapshot = $state<Snapshot | null>(null);
  /** Set when the transport itself is gone (browser mode's server stopped). */
  lost = $state<string | null>(null);
  /** While lost: the next attempt to reach the server, and when it is due. */
  reconnecting = $state<Reconnecting | null>(null);
  containers = $derived<ContainerView[]>(this.snapshot?.containers ?? []);
  networks = $derived(this.snapshot?.networks ?? []);
  images = $derived(this.snapshot?.images ?? []);
  status = $derived(this.snapshot?.engine ?? null);
  /** The last switch of engines in this window, for whoever must start over (lessons, pulls). */
  switched = $state.raw<EngineSwitched | null>(null);
  private consoleListeners = new Map<string, (s: ConsoleStatus) => void>();

  async init(): Promise<void> {
    // The app's whole life: subscribed once, never undone.
    transport.on('snapshot', (snapshot) => (this.snapshot = snapshot));
    transport.on('consoleStatus', (s) => this.consoleListeners.get(s.consoleId)?.(s));
    transport.onLost((reason) => (this.lost = reason));
    transport.on('engineSwitched', (switched) => {
      this.switched = switched;
      notices.info(switchedMessage(switched));
    });
    transport.onReconnecting((state) => (this.reconnecting = state));
    transport.onReconnected(() => {
      this.lost = null;
      this.reconnecting = null;
      // The restarted server sends snapshots to this page again; this one is the first.
      void attempt(async () => (this.snapshot = await api.snapshot()));
    });
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

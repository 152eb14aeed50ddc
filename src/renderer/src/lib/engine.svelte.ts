// The engines as the renderer knows them: the latest snapshot of each engine the window shows
// (kept current by `snapshot` events, tagged with their engine), which engines those are and
// which could be added, plus per-console status listeners. Containers and networks carry the
// key of their engine, so every call about one can name it.
import type { EngineSwitched } from '../../../shared/engines';
import type { EngineViewState, ShownEngine } from '../../../shared/engine-view';
import type { ConsoleStatus } from '../../../shared/events';
import type { ContainerView, NetworkView, Snapshot } from '../../../shared/model';
import { api, transport } from './api';
import { attempt, notices } from './notices.svelte';
import { PRIMARY_ENGINE } from './transport/event-hub';
import type { Reconnecting } from './transport/transport';

/** What the person is told after a switch: where they are now, and what closed. */
export function switchedMessage(s: EngineSwitched): string {
  const now = `This window now shows ${s.to.name}${s.to.product ? ` (${s.to.product})` : ''}.`;
  if (!s.closedConsoles) return now;
  const consoles = s.closedConsoles === 1 ? '1 console' : `${s.closedConsoles} consoles`;
  return `${now} ${consoles} on ${s.from.name} closed: their containers stay on that engine.`;
}

export type EngineContainer = ContainerView & { engine: string };
export type EngineNetwork = NetworkView & { engine: string };

class EngineStore {
  /** Each shown engine's latest snapshot, by engine key. */
  snapshots = $state.raw<Record<string, Snapshot>>({});
  view = $state.raw<EngineViewState>({ shown: [], offers: [] });
  /** Set when the transport itself is gone (browser mode's server stopped). */
  lost = $state<string | null>(null);
  /** While lost: the next attempt to reach the server, and when it is due. */
  reconnecting = $state<Reconnecting | null>(null);
  /** The engine the app was started on. */
  snapshot = $derived<Snapshot | null>(this.snapshots[PRIMARY_ENGINE] ?? null);
  /** Engine keys in the window's order, the primary first. */
  keys = $derived(
    this.view.shown.length ? this.view.shown.map((e) => e.key) : Object.keys(this.snapshots),
  );
  /** More than one engine is shown: panes and the diagram say which each thing is on. */
  multi = $derived(this.keys.length > 1);
  containers = $derived<EngineContainer[]>(
    this.keys.flatMap((engine) =>
      (this.snapshots[engine]?.containers ?? []).map((c) => ({ ...c, engine })),
    ),
  );
  networks = $derived<EngineNetwork[]>(
    this.keys.flatMap((engine) =>
      (this.snapshots[engine]?.networks ?? []).map((n) => ({ ...n, engine })),
    ),
  );
  images = $derived(this.snapshot?.images ?? []);
  status = $derived(this.snapshot?.engine ?? null);
  /** The last switch of engines in this window, for whoever must start over (lessons, pulls). */
  switched = $state.raw<EngineSwitched | null>(null);
  private consoleListeners = new Map<string, (s: ConsoleStatus) => void>();

  async init(): Promise<void> {
    // The app's whole life: subscribed once, never undone.
    transport.on('snapshot', (snapshot, engine) => {
      // A late event of an engine the window no longer shows is dropped.
      if (engine === PRIMARY_ENGINE || this.view.shown.some((e) => e.key === engine))
        this.snapshots = { ...this.snapshots, [engine]: snapshot };
    });
    transport.on('engineView', (view) => void this.follow(view));
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
      // The restarted server sends snapshots to this page again; these are the first. It shows
      // the window's own engine only: engines added before are gone from its view.
      void attempt(async () => {
        this.snapshots = { [PRIMARY_ENGINE]: await api.snapshot() };
        await this.refresh();
      });
    });
    const [snapshot, view] = await Promise.all([api.snapshot(), api.engineView()]);
    this.snapshots = { [PRIMARY_ENGINE]: snapshot };
    await this.follow(view);
  }

  /** Takes a new list of shown engines: fetches the added ones' state, forgets the removed. */
  private async follow(view: EngineViewState): Promise<void> {
    this.view = view;
    const missing = view.shown.filter((e) => !this.snapshots[e.key]);
    const fetched = await Promise.all(
      missing.map(async (e) => [e.key, await api.snapshot({ engine: e.key })] as const),
    );
    const now = new Set(this.view.shown.map((e) => e.key));
    // A snapshot event that came while fetching is newer than what was fetched: it wins.
    this.snapshots = Object.fromEntries(
      [...fetched, ...Object.entries(this.snapshots)].filter(([k]) => now.has(k)),
    );
  }

  /** Asks again which engines could be added (the lab may have come up since). */
  async refresh(): Promise<void> {
    await this.follow(await api.engineView());
  }

  async add(key: string): Promise<void> {
    await this.follow(await api.addEngine({ key }));
  }

  async remove(key: string): Promise<void> {
    await this.follow(await api.removeEngine({ key }));
  }

  engineOf(key: string): ShownEngine | undefined {
    return this.view.shown.find((e) => e.key === key);
  }

  /** What people call an engine: its name in the view, else its key. */
  nameOf(key: string): string {
    return this.engineOf(key)?.name ?? key;
  }

  onConsoleStatus(consoleId: string, listener: (s: ConsoleStatus) => void): () => void {
    this.consoleListeners.set(consoleId, listener);
    return () => this.consoleListeners.delete(consoleId);
  }

  /** A container by name, on one engine (default: the one the app started on). */
  byName(name: string, engine: string = PRIMARY_ENGINE): EngineContainer | undefined {
    return this.containers.find((c) => c.name === name && c.engine === engine);
  }
}

export const engine = new EngineStore();

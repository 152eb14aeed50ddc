// The live picture as the renderer knows it: the latest sockets of the containers this window
// watches (pushed by each engine's core only when they change, tagged with that engine) and
// the last reachability matrix.
import type { ReachabilityMatrix, SocketsEvent } from '../../../shared/live-picture';
import { api, transport } from './api';
import { attempt } from './notices.svelte';
import { engine as engines } from './engine.svelte';
import { PRIMARY_ENGINE } from './transport/event-hub';

/** A container the window shows, as the live picture needs it. */
export interface Watched {
  id: string;
  engine: string;
}

/** Every engine's sockets as one event: container ids do not repeat across engines. */
export function mergeSockets(events: readonly SocketsEvent[]): SocketsEvent | null {
  if (!events.length) return null;
  const readable = events.filter((e) => e.available);
  return {
    available: readable.length > 0,
    reason: readable.length ? null : (events[0]!.reason ?? null),
    via: readable[0]?.via ?? null,
    byContainer: Object.assign({}, ...events.map((e) => e.byContainer)),
    errors: Object.assign({}, ...events.map((e) => e.errors)),
  };
}

const byEngine = (list: readonly Watched[]): [string, string[]][] => {
  const out: Record<string, string[]> = {};
  for (const w of list) (out[w.engine] ??= []).push(w.id);
  return Object.entries(out);
};

class LivePicture {
  /** The latest sockets event of each engine watched. */
  perEngine = $state.raw<Record<string, SocketsEvent>>({});
  sockets = $derived(mergeSockets(Object.values(this.perEngine)));
  matrix = $state.raw<ReachabilityMatrix | null>(null);
  probing = $state(false);
  /** The diagram is shown beside the consoles. */
  open = $state(false);
  private watched = new Map<string, string>();

  constructor() {
    // A store for the page's whole life: subscribed once, never undone.
    transport.on('sockets', (sockets, engine) => {
      if (this.watched.has(engine)) this.perEngine = { ...this.perEngine, [engine]: sockets };
    });
    // Another engine: nothing watched there yet, and the last matrix was the old engine's.
    transport.on('engineSwitched', () => {
      this.watched.delete(PRIMARY_ENGINE);
      const { [PRIMARY_ENGINE]: _old, ...rest } = this.perEngine;
      this.perEngine = rest;
      this.matrix = null;
    });
    // A restarted browser-mode server knows nothing of what this page watched.
    transport.onReconnected(() => {
      for (const [engine, key] of this.watched)
        void attempt(() => api.watchSockets({ ids: key.split(','), engine }));
    });
  }

  /** Tells each engine which of its containers this window shows; [] stops its polling for us. */
  watch(list: readonly Watched[]): void {
    const next = byEngine(list);
    const gone = [...this.watched.keys()].filter((k) => !next.some(([e]) => e === k));
    for (const [engine, ids] of [...next, ...gone.map((k): [string, string[]] => [k, []])]) {
      const key = [...ids].sort().join(',');
      if (this.watched.get(engine) === key) continue;
      if (ids.length) this.watched.set(engine, key);
      else {
        this.watched.delete(engine);
        const { [engine]: _gone, ...rest } = this.perEngine;
        this.perEngine = rest;
      }
      // An engine taken out of the view stopped its watch with its connection.
      if (ids.length || engines.keys.includes(engine))
        void attempt(() => api.watchSockets({ ids: [...ids], engine }));
    }
  }

  /** Probes within each engine (a probe runs inside one engine's containers). */
  async probe(list: readonly Watched[]): Promise<void> {
    this.probing = true;
    try {
      await attempt(async () => {
        const groups = byEngine(list).filter(([, ids]) => ids.length >= 2);
        const matrices = await Promise.all(
          groups.map(([engine, ids]) => api.probeReachability({ ids, engine })),
        );
        this.matrix = matrices.length
          ? {
              containers: matrices.flatMap((m) => m.containers),
              cells: matrices.flatMap((m) => m.cells),
              notes: matrices.flatMap((m) => m.notes),
              ms: Math.max(...matrices.map((m) => m.ms)),
            }
          : null;
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

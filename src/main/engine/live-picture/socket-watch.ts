// Polls the sockets of the containers that windows show, at a bounded rate, and tells each
// window only when its part changed. One poller for all windows: a container shown twice is
// read once per tick. No window watching, no timer.
import type { SocketsEvent } from '../../../shared/live-picture';
import { AppError } from '../../../shared/errors';
import { summarizeSockets } from '../sockets/proc-net-tcp';
import type { SocketReader } from '../sockets/read-sockets';
import {
  normalizeSockets,
  socketsEventFor,
  socketsEventKey,
  type Availability,
  type Reading,
} from './sockets-event';
import { FingerprintCache, type Fingerprint } from './fingerprint-cache';

export type SocketSource =
  | (Availability & {
      available: true;
      read: SocketReader;
      /** Where a cheap change test exists (/proc), full reads are skipped while it holds. */
      fingerprint?: Fingerprint;
    })
  | (Availability & { available: false });

export interface SocketWatchDeps {
  /** The container as the live state knows it now; undefined when it is gone. */
  container(id: string): { id: string; pid: number; state: string } | undefined;
  /** How sockets can be read right now, or why they cannot. */
  source(): SocketSource;
  /** 500 ms keeps an edge within about a second of the real connection at little cost. */
  intervalMs?: number;
}

/** One window's watch: which containers it shows. */
export interface SocketSubscription {
  watch(ids: readonly string[]): void;
  dispose(): void;
}

interface Subscriber {
  ids: Set<string>;
  send: (event: SocketsEvent) => void;
  lastKey: string;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export class SocketWatch {
  private readonly subscribers = new Set<Subscriber>();
  private timer: NodeJS.Timeout | null = null;
  private inflight: Promise<void> | null = null;
  readonly cache = new FingerprintCache();
  /** Ticks skipped because the previous one was still reading (a slow engine). */
  skipped = 0;
  /** Extra reads asked for by soon(), still to come. */
  private readonly nudges = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: SocketWatchDeps) {}

  subscribe(send: (event: SocketsEvent) => void): SocketSubscription {
    const sub: Subscriber = { ids: new Set(), send, lastKey: '' };
    this.subscribers.add(sub);
    return {
      watch: (ids) => {
        sub.ids = new Set(ids);
        // A new list deserves an answer now, even if nothing changed since the last one.
        sub.lastKey = '';
        this.reschedule();
        if (sub.ids.size) void this.tick();
      },
      dispose: () => {
        this.subscribers.delete(sub);
        this.reschedule();
      },
    };
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get polling(): boolean {
    return this.timer !== null;
  }

  stop(): void {
    this.subscribers.clear();
    this.reschedule();
  }

  /**
   * A person pressed Enter in a console, perhaps opening (or closing) a connection: read
   * again shortly, not at the next tick (up to 500 ms away, on each engine of the connection).
   * Twice, for a connection that takes a name lookup or a slow engine to open. Nothing when
   * no window watches sockets, and no more while such reads are still to come.
   */
  soon(afterMs: readonly number[] = [120, 360]): void {
    if (!this.timer || this.nudges.size) return;
    for (const ms of afterMs) {
      const nudge = setTimeout(() => {
        this.nudges.delete(nudge);
        if (this.timer) void this.tick();
      }, ms);
      nudge.unref?.();
      this.nudges.add(nudge);
    }
  }

  /**
   * Reads every watched container once (in parallel) and notifies changed windows. While a
   * tick is still reading (a slow engine), another one is skipped and waits for that one.
   */
  tick(): Promise<void> {
    if (this.inflight) {
      this.skipped++;
      return this.inflight;
    }
    this.inflight = this.readAndNotify().finally(() => (this.inflight = null));
    return this.inflight;
  }

  private async readAndNotify(): Promise<void> {
    const source = this.deps.source();
    const readings = source.available ? await this.readAll(source) : new Map();
    for (const sub of this.subscribers) {
      if (!sub.ids.size) continue;
      const event = socketsEventFor(sub.ids, readings, source);
      const key = socketsEventKey(event);
      if (key === sub.lastKey) continue;
      sub.lastKey = key;
      sub.send(event);
    }
  }

  private watched(): Set<string> {
    const ids = new Set<string>();
    for (const sub of this.subscribers) for (const id of sub.ids) ids.add(id);
    return ids;
  }

  private async readAll(source: SocketSource & { available: true }) {
    const readings = new Map<string, Reading>();
    const watched = this.watched();
    this.cache.keepOnly(watched);
    await Promise.all(
      [...watched].map(async (id) => {
        const container = this.deps.container(id);
        if (container?.state !== 'running') return;
        const readFull = async () =>
          normalizeSockets(summarizeSockets(await source.read(container)));
        try {
          const sockets = source.fingerprint
            ? await this.cache.read(container, source.fingerprint, readFull)
            : await readFull();
          readings.set(id, { sockets });
        } catch (error) {
          // Stopped between the snapshot and the read: no sockets, nothing wrong.
          if (error instanceof AppError && error.code === 'not-found') return;
          readings.set(id, { error: messageOf(error) });
        }
      }),
    );
    return readings;
  }

  private reschedule(): void {
    const wanted = this.watched().size > 0;
    if (wanted && !this.timer) {
      this.timer = setInterval(() => void this.tick(), this.deps.intervalMs ?? 500);
      this.timer.unref?.();
    } else if (!wanted && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
      for (const nudge of this.nudges) clearTimeout(nudge);
      this.nudges.clear();
    }
  }
}

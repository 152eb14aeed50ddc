// Live state of one engine: containers, networks and images, kept current from
// the engine's events stream. When the stream ends or errors, the engine shows
// as disconnected, a back-off loop waits for it, re-subscribes with `since` so
// no event is lost, and relists everything.
import { EventEmitter } from 'node:events';
import type Dockerode from 'dockerode';
import type {
  ContainerNetwork,
  ContainerView,
  EngineInfo,
  EngineStatus,
  Snapshot,
} from '../../shared/model';
import { toContainerView, toNetworkView } from './views';
import { isAppErrorShape } from '../../shared/errors';
import { describeConnectionError } from './connection-error';
import type { EngineEndpoint } from './discovery';
import { engineProduct } from './discovery/engine-kind';
import { engineStatus } from './docker-errors';
import { lineReader } from './json-lines';

export interface EngineTarget {
  docker: Dockerode;
  /** The endpoint as a URL, shown when the engine does not answer. */
  endpoint: string;
  /** How the endpoint was chosen. */
  source: string;
  /** The endpoint as discovery found it (TLS files…), for saying why it failed. */
  endpointInfo?: EngineEndpoint;
  /** Run before each connection attempt (re-reads TLS files); throws an AppError to refuse. */
  prepare?: () => void;
  /** The engine registry's id and name for it (engine-registry.ts), when it came from there. */
  engineId?: string;
  engineName?: string;
}

export interface ContainerEvent {
  id: string;
  /** The engine's action (start, die, destroy…), or 'reconnect': the engine answers again. */
  action: string;
}

interface DockerEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}

/** Docker gives a container's NetworkID as the network's id; Podman gives its name. */
const onNetwork = (cn: ContainerNetwork, n: Dockerode.NetworkInspectInfo) =>
  cn.networkId === n.Id || cn.networkId === n.Name;

const IGNORED_ACTIONS = /^(exec_|attach|resize|top|export|copy|archive-path|extract-to-dir)/;
const NETWORK_POLL_MS = 1500;
/** How long a destroyed container's id is remembered: longer than any inspect takes. */
const GONE_MS = 60_000;
const RETRY_MS = [250, 500, 1000, 2000, 4000];

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(Object.assign(new Error(`${what} timed out after ${ms} ms`), { code: 'ETIMEDOUT' })),
      ms,
    );
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

export class LiveState extends EventEmitter<{ change: [] }> {
  private containers = new Map<string, ContainerView>();
  private networks = new Map<string, Dockerode.NetworkInspectInfo>();
  private images: string[] = [];
  private info: EngineInfo | null = null;
  private connected = false;
  private everConnected = false;
  private lastError: EngineStatus['error'] = null;
  private events: NodeJS.ReadableStream | null = null;
  /** Seconds since epoch of the last event seen: where a re-subscription resumes. */
  private since = 0;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private pendingContainers = new Set<string>();
  /**
   * Containers the engine destroyed, with when: an inspect asked before the destroy event
   * (after a kill, die or network event, or by a relist) may be answered after it, in state
   * "removing"; it must not bring the container back as a pane that never goes.
   */
  private readonly destroyed = new Map<string, number>();
  private refreshTimer: NodeJS.Timeout | null = null;
  private changeTimer: NodeJS.Timeout | null = null;
  /** For engines that send no network events (Podman): networks are re-listed on a timer. */
  private networkPoll: NodeJS.Timeout | null = null;
  /** Who follows which container's events: an index, so 64 consoles are 64 entries, not listeners. */
  private readonly followers = new Map<string, Set<(ev: ContainerEvent) => void>>();

  constructor(readonly target: EngineTarget) {
    super();
  }

  get docker(): Dockerode {
    return this.target.docker;
  }

  /** Connects once; on failure keeps retrying in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.stopNetworkPoll();
    this.closeEvents();
  }

  /** Retry now instead of at the next back-off tick. */
  async reconnect(): Promise<void> {
    if (this.connected) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.attempt = 0;
    await this.connect();
  }

  get isConnected(): boolean {
    return this.connected;
  }

  container(idOrName: string): ContainerView | undefined {
    return (
      this.containers.get(idOrName) ??
      [...this.containers.values()].find((c) => c.name === idOrName || c.id.startsWith(idOrName))
    );
  }

  status(): EngineStatus {
    return {
      connected: this.connected,
      endpoint: this.target.endpoint,
      source: this.target.source,
      error: this.connected ? null : this.lastError,
      info: this.info,
      ...(this.target.engineId
        ? {
            engineId: this.target.engineId,
            engineName: this.target.engineName ?? this.target.engineId,
            tls: Boolean(this.target.endpointInfo?.tls),
          }
        : {}),
    };
  }

  snapshot(): Snapshot {
    const containers = [...this.containers.values()].sort(
      (a, b) => a.created.localeCompare(b.created) || a.name.localeCompare(b.name),
    );
    const networks = [...this.networks.values()]
      .map((n) => {
        const attached = containers.filter((c) => c.networks.some((cn) => onNetwork(cn, n)));
        const view = toNetworkView(
          n,
          attached.map((c) => c.id),
          this.info?.kind,
        );
        // The default bridge often has no IPAM gateway; its containers know it.
        view.gateway ||=
          attached.flatMap((c) => c.networks).find((cn) => onNetwork(cn, n))?.gateway ?? '';
        return view;
      })
      .sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name));
    return { engine: this.status(), containers, networks, images: this.images };
  }

  /** Re-lists networks now (after an action), for engines whose events may not say. */
  async refreshNetworks(): Promise<void> {
    await this.relistNetworks();
    this.scheduleChange();
  }

  /** Calls `fn` with every event of the container with this full id; returns the unfollow. */
  followContainer(id: string, fn: (ev: ContainerEvent) => void): () => void {
    let set = this.followers.get(id);
    if (!set) this.followers.set(id, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (!set.size && this.followers.get(id) === set) this.followers.delete(id);
    };
  }

  private notifyAll(action: string): void {
    for (const [id, set] of this.followers) for (const fn of [...set]) fn({ id, action });
  }

  /** How many follow-ups are registered (for leak tests). */
  get followerCount(): number {
    let n = 0;
    for (const set of this.followers.values()) n += set.size;
    return n;
  }

  /** Re-inspects one container now (after an action), without waiting for its event. */
  async refreshContainer(id: string): Promise<void> {
    await this.inspectInto(id);
    this.scheduleChange();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      this.target.prepare?.();
      await withTimeout(this.docker.ping(), 3000, 'ping');
      const [info, version] = await Promise.all([this.docker.info(), this.docker.version()]);
      const product = engineProduct(version, info);
      this.info = {
        kind: product.kind,
        product: product.label,
        version: version.Version,
        apiVersion: version.ApiVersion,
        os: info.OperatingSystem ?? '',
        osType: info.OSType ?? '',
        kernel: info.KernelVersion ?? '',
        arch: info.Architecture ?? '',
        name: info.Name ?? '',
      };
      // Subscribe before listing so nothing that happens in between is missed.
      await this.subscribe();
      await this.relist();
      const wasDown = this.everConnected && !this.connected;
      this.connected = true;
      this.everConnected = true;
      this.lastError = null;
      this.attempt = 0;
      if (this.info.kind === 'podman') this.startNetworkPoll();
      this.scheduleChange(0);
      // Consoles left waiting while the engine was away look again (a container kept running
      // through a live-restore sends no start event).
      if (wasDown) this.notifyAll('reconnect');
    } catch (error) {
      this.markDisconnected(error);
    }
  }

  private startNetworkPoll(): void {
    this.stopNetworkPoll();
    this.networkPoll = setInterval(() => {
      const before = [...this.networks.keys()].join();
      void this.relistNetworks().then(() => {
        if ([...this.networks.keys()].join() !== before) this.scheduleChange();
      });
    }, NETWORK_POLL_MS);
  }

  private stopNetworkPoll(): void {
    if (this.networkPoll) clearInterval(this.networkPoll);
    this.networkPoll = null;
  }

  private markDisconnected(error: unknown): void {
    this.stopNetworkPoll();
    this.closeEvents();
    const wasConnected = this.connected;
    this.connected = false;
    this.lastError = isAppErrorShape(error)
      ? { code: error.code, message: error.message, hint: error.hint }
      : describeConnectionError(error, {
          url: this.target.endpoint,
          source: this.target.source,
          tls: this.target.endpointInfo?.tls ?? null,
        });
    if (wasConnected || this.attempt === 0) this.scheduleChange(0);
    if (this.stopped) return;
    const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]!;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private async subscribe(): Promise<void> {
    const opts = this.since ? { since: this.since } : {};
    const stream = (await this.docker.getEvents(opts)) as NodeJS.ReadableStream;
    this.events = stream;
    stream.on(
      'data',
      lineReader((line) => this.onEvent(line)),
    );
    const lost = (error?: unknown) => {
      if (this.events !== stream || this.stopped) return;
      this.markDisconnected(error ?? new Error('the events stream ended'));
    };
    stream.on('end', () => lost());
    stream.on('close', () => lost());
    stream.on('error', (e: unknown) => lost(e));
  }

  private closeEvents(): void {
    const stream = this.events as (NodeJS.ReadableStream & { destroy?: () => void }) | null;
    this.events = null;
    stream?.destroy?.();
  }

  private onEvent(line: string): void {
    let ev: DockerEvent;
    try {
      ev = JSON.parse(line) as DockerEvent;
    } catch {
      return;
    }
    if (ev.time) this.since = Math.max(this.since, ev.time);
    const action = ev.Action ?? '';
    const id = ev.Actor?.ID ?? '';
    if (ev.Type === 'container') {
      if (IGNORED_ACTIONS.test(action)) return;
      if (action === 'destroy') {
        this.forget(id);
        this.scheduleChange();
      } else {
        this.queueContainer(id);
      }
      // Without network events, a container's create, connect or removal is the sign networks moved.
      if (this.info?.kind === 'podman')
        void this.relistNetworks().then(() => this.scheduleChange());
      for (const fn of [...(this.followers.get(id) ?? [])]) fn({ id, action });
    } else if (ev.Type === 'network') {
      const container = ev.Actor?.Attributes?.container;
      if (container) this.queueContainer(container);
      void this.relistNetworks().then(() => this.scheduleChange());
    } else if (ev.Type === 'image') {
      void this.relistImages().then(() => this.scheduleChange());
    }
  }

  private queueContainer(id: string): void {
    this.pendingContainers.add(id);
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = null;
      const ids = [...this.pendingContainers];
      this.pendingContainers.clear();
      void Promise.all(ids.map((i) => this.inspectInto(i))).then(() => this.scheduleChange());
    }, 15);
  }

  private forget(id: string): void {
    const now = Date.now();
    for (const [gone, at] of this.destroyed) if (now - at > GONE_MS) this.destroyed.delete(gone);
    this.destroyed.set(id, now);
    this.containers.delete(id);
  }

  private async inspectInto(id: string): Promise<void> {
    try {
      const info = await this.docker.getContainer(id).inspect();
      if (this.destroyed.has(info.Id)) return;
      this.containers.set(info.Id, toContainerView(info));
    } catch (error) {
      if (engineStatus(error) === 404) this.containers.delete(id);
    }
  }

  private async relist(): Promise<void> {
    const list = await this.docker.listContainers({ all: true });
    const seen = new Set(list.map((c) => c.Id));
    for (const id of this.containers.keys()) if (!seen.has(id)) this.containers.delete(id);
    await Promise.all([
      ...list.map((c) => this.inspectInto(c.Id)),
      this.relistNetworks(),
      this.relistImages(),
    ]);
  }

  private async relistNetworks(): Promise<void> {
    try {
      const list = await this.docker.listNetworks();
      this.networks = new Map(list.map((n) => [n.Id, n]));
    } catch {
      // Keeps the last list; the events stream notices a lost engine.
    }
  }

  private async relistImages(): Promise<void> {
    try {
      const list = await this.docker.listImages();
      this.images = list
        .flatMap((i) => i.RepoTags ?? [])
        .filter((t) => t !== '<none>:<none>')
        .sort();
    } catch {
      // As above.
    }
  }

  private scheduleChange(delay = 10): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null;
      this.emit('change');
    }, delay);
  }
}

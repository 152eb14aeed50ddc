// The engines a window can add beside its own: the user's engines from the registry (contexts,
// DOCKER_HOST, known sockets) and the two-host lab's nodes while it is up. A core per added
// engine, shared by the windows that show it and stopped (or its lease released) with the
// last of them.
import type { EngineOffer } from '../../../shared/engine-view';
import { AppError } from '../../../shared/errors';
import { targetFor } from '../connect';
import { parseHost } from '../discovery';
import { EngineRegistry } from '../engine-registry';
import { Crosstalk } from '../runtime';
import type { ClientSource } from '../switching-client';
import { AcrossHostsRun } from './across-hosts-run';
import { LAB_ORIGIN, labOffers } from './lab-offers';
import { PRIMARY_KEY } from './one-engine-handlers';

interface Held {
  core: Crosstalk;
  offer: EngineOffer;
  holders: number;
  /** Stops the core, or gives its lease back to the registry. */
  let: () => void;
}

export class CorePool {
  private readonly held = new Map<string, Held>();
  private readonly registry: EngineRegistry | null;
  /** Lesson 5's one run: a swarm is the engines' state, shared by every window. */
  readonly acrossHosts = new AcrossHostsRun();

  constructor(
    source: ClientSource | null = null,
    /** The two-host lab's nodes (read from its record each time: it may come up later). */
    private readonly lab: () => EngineOffer[] = () => labOffers(),
  ) {
    this.registry = source instanceof EngineRegistry ? source : null;
  }

  /** Every engine known: the lab's nodes (keyed as the lab's), then the user's others. */
  private catalogue(): EngineOffer[] {
    const lab = this.lab();
    const mine = (this.registry?.known() ?? []).flatMap((e): EngineOffer[] =>
      e.endpoint && !lab.some((l) => l.endpoint === e.endpoint!.url)
        ? [
            {
              key: e.id,
              name: e.name,
              endpoint: e.endpoint.url,
              hostAddresses: [],
              origin: 'your engines',
            },
          ]
        : [],
    );
    return [...lab, ...mine];
  }

  /** Engines a window showing `primary` (an endpoint) can add: all but that one. */
  offers(primary: string): EngineOffer[] {
    return this.catalogue().filter((o) => o.key !== PRIMARY_KEY && o.endpoint !== primary);
  }

  /** The two-host lab's engines by key; the primary's key for a node the window shows as its own. */
  labHosts(primary: string): string[] {
    return this.lab()
      .filter((o) => o.origin === LAB_ORIGIN)
      .map((o) => (o.endpoint === primary ? PRIMARY_KEY : o.key));
  }

  offer(key: string): EngineOffer | undefined {
    return this.held.get(key)?.offer ?? this.catalogue().find((o) => o.key === key);
  }

  /** The core of an engine for one more window; started on first use. */
  async acquire(key: string, primary: string): Promise<Crosstalk> {
    const held = this.held.get(key);
    if (held) {
      held.holders++;
      return held.core;
    }
    const offer = this.offers(primary).find((o) => o.key === key);
    if (!offer) {
      throw new AppError(
        'invalid-input',
        `There is no engine "${key}" to add.`,
        'Pick one from the engine list; the two-host lab’s engines appear there while it is up (`sudo npm run lab -- two-hosts up`).',
      );
    }
    const started = await this.start(offer);
    // Two windows adding it at once share the first core.
    const again = this.held.get(key);
    if (again) {
      started.let();
      again.holders++;
      return again.core;
    }
    this.held.set(key, { ...started, offer, holders: 1 });
    return started.core;
  }

  private async start(offer: EngineOffer): Promise<Pick<Held, 'core' | 'let'>> {
    if (offer.origin !== LAB_ORIGIN && this.registry) {
      const lease = this.registry.acquire(offer.key);
      await lease.ready;
      return { core: lease.core, let: () => lease.release() };
    }
    const endpoint = parseHost(offer.endpoint, null, {
      source: 'two-host lab',
      sourceDetail: `${offer.name}, from ${offer.origin}`,
      contextName: null,
      machineName: null,
    });
    const core = new Crosstalk(targetFor(endpoint));
    await core.start();
    return { core, let: () => core.stop() };
  }

  /** One window no longer shows the engine; the last one lets its core go. */
  release(key: string): void {
    const held = this.held.get(key);
    if (!held || --held.holders > 0) return;
    this.held.delete(key);
    held.let();
  }

  /** Engines added by some window now. */
  get liveKeys(): string[] {
    return [...this.held.keys()];
  }

  stop(): void {
    void this.acrossHosts.reset().catch(() => undefined);
    for (const held of this.held.values()) held.let();
    this.held.clear();
  }
}

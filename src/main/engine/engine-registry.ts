// The engines this user has, and the live cores over the ones in use. The seam for the
// engine switcher (one engine per window, switched live) and for several engines in one
// window: both lease cores from here.
//
//   const engines = new EngineRegistry({ requested: '--engine value or null' });
//   const first = await engines.start();      // picks the start-up engine, starts its core
//   engines.known()                            // the catalogue, read now, no probing
//   await engines.list()                       // the catalogue, each engine probed in parallel
//   const lease = engines.acquire(id);         // the engine's core, made and started on first use
//   await lease.ready; lease.core.handlers …   // one Crosstalk core per engine, shared by leases
//   lease.release();                           // the last release stops that core
//   engines.prefer(id);                        // new windows open here; remembered for next start
//   engines.stop();                            // every core
//
// Start-up engine: --engine (id or name), then DOCKER_HOST or DOCKER_CONTEXT, then the engine
// remembered in the settings file, then the docker CLI's currentContext, then the default socket.
import { AppError } from '../../shared/errors';
import type { EngineChoice } from '../../shared/engines';
import { SettingsFile } from './app-settings';
import { targetFor } from './connect';
import {
  environmentChoice,
  gatherDiscoveryInput,
  knownEngines,
  type DiscoveryInput,
  type EngineEndpoint,
  type KnownEngine,
} from './discovery';
import { probeEngine, PROBE_TIMEOUT_MS } from './engine-probe';
import { Crosstalk } from './runtime';

export interface EngineLease {
  readonly id: string;
  readonly core: Crosstalk;
  /** Settles when the core's first connection attempt did (connected or not). */
  readonly ready: Promise<void>;
  /** Gives the core back; the last lease of an engine stops its core. Idempotent. */
  release(): void;
}

export interface EngineRegistryOptions {
  /** What discovery reads (tests hand in a temporary DOCKER_CONFIG's view). */
  gather?: () => DiscoveryInput;
  /** Where the chosen engine is remembered. */
  settings?: SettingsFile;
  /** --engine: an engine's id or name, stronger than every other way of choosing. */
  requested?: string | null;
  probeTimeoutMs?: number;
}

interface LiveCore {
  core: Crosstalk;
  ready: Promise<void>;
  leases: number;
}

export class EngineRegistry {
  private readonly gather: () => DiscoveryInput;
  private readonly settings: SettingsFile;
  private readonly cores = new Map<string, LiveCore>();
  /** Endpoints as the environment gave them (their origin says DOCKER_HOST, currentContext…). */
  private readonly chosenEndpoints = new Map<string, EngineEndpoint>();
  private preferredId = 'default';
  /** Keeps the preferred engine's core running while no window shows it (a reload finds it warm). */
  private warm: EngineLease | null = null;
  /** Why the remembered engine was not used at start, for the log. */
  startupNote: string | null = null;

  constructor(private readonly options: EngineRegistryOptions = {}) {
    this.gather = options.gather ?? gatherDiscoveryInput;
    this.settings = options.settings ?? new SettingsFile();
  }

  /** Every engine this user has, read now. */
  known(): KnownEngine[] {
    return knownEngines(this.gather()).map((engine) => {
      const chosen = this.chosenEndpoints.get(engine.id);
      return chosen ? { ...engine, endpoint: chosen, problem: null } : engine;
    });
  }

  /** One engine by id or name; an AppError naming the known ones when there is none. */
  find(idOrName: string): KnownEngine {
    const known = this.known();
    const found =
      known.find((e) => e.id === idOrName) ??
      known.find((e) => e.name === idOrName) ??
      known.find((e) => e.id === `context:${idOrName}` || e.id === `machine:${idOrName}`);
    if (found) return found;
    throw new AppError(
      'not-found',
      `No engine "${idOrName}" is known here.`,
      `Known engines: ${known.map((e) => e.name).join(', ')}. A docker context appears once \`docker context create\` made it.`,
    );
  }

  /** The engine new windows open on. */
  get preferred(): string {
    return this.preferredId;
  }

  /** Decides the start-up engine, starts its core and keeps it warm. Throws as discovery does. */
  async start(): Promise<KnownEngine> {
    const engine = this.startupEngine();
    this.preferredId = engine.id;
    this.warm = this.acquire(engine.id);
    await this.warm.ready;
    return engine;
  }

  private startupEngine(): KnownEngine {
    const { requested } = this.options;
    if (requested) return this.usable(this.find(requested));
    const input = this.gather();
    const explicit = Boolean(input.env['DOCKER_HOST'] || input.env['DOCKER_CONTEXT']);
    const remembered = this.settings.read().engine;
    if (!explicit && remembered) {
      const engine = this.known().find((e) => e.id === remembered);
      if (engine?.endpoint) return engine;
      this.startupNote = engine
        ? `The remembered engine ${engine.name} cannot be used (${engine.problem}); using what the environment names.`
        : `The remembered engine "${remembered}" is no longer there; using what the environment names.`;
    }
    // Throws, as discovery does, when DOCKER_CONTEXT or currentContext names nothing readable.
    const choice = environmentChoice(input);
    this.chosenEndpoints.set(choice.id, choice.endpoint);
    return this.find(choice.id);
  }

  private usable(engine: KnownEngine): KnownEngine {
    if (engine.endpoint) return engine;
    throw new AppError(
      'invalid-input',
      `The engine ${engine.name} cannot be used: ${engine.problem}`,
      'Choose another engine, or repair this one as the message says.',
    );
  }

  /** Every known engine, each probed (in parallel, a short deadline each). */
  async list(): Promise<EngineChoice[]> {
    return Promise.all(this.known().map((engine) => this.describe(engine)));
  }

  /** One engine as the switcher shows it, probed now. */
  async describe(engine: KnownEngine): Promise<EngineChoice> {
    const base = {
      id: engine.id,
      name: engine.name,
      endpoint: engine.endpoint?.url ?? null,
      detail: engine.endpoint?.sourceDetail ?? engine.problem ?? '',
      tls: Boolean(engine.endpoint?.tls),
    };
    if (!engine.endpoint)
      return {
        ...base,
        answers: false,
        kind: null,
        product: null,
        problem: {
          message: engine.problem ?? 'It cannot be read.',
          hint: 'Repair it as the message says.',
        },
      };
    const probe = await probeEngine(
      engine.endpoint,
      this.options.probeTimeoutMs ?? PROBE_TIMEOUT_MS,
    );
    const problem = probe.error && { message: probe.error.message, hint: probe.error.hint };
    return { ...base, answers: probe.answers, kind: probe.kind, product: probe.product, problem };
  }

  /** The engine's core, made and started on its first lease; shared by every lease of it. */
  acquire(id: string): EngineLease {
    let live = this.cores.get(id);
    if (!live) {
      const engine = this.usable(this.find(id));
      const core = new Crosstalk({
        ...targetFor(engine.endpoint!),
        engineId: engine.id,
        engineName: engine.name,
      });
      live = { core, ready: core.start(), leases: 0 };
      this.cores.set(id, live);
    }
    live.leases++;
    const held = live;
    let released = false;
    return {
      id,
      core: held.core,
      ready: held.ready,
      release: () => {
        if (released) return;
        released = true;
        held.leases--;
        if (held.leases === 0 && this.cores.get(id) === held) {
          this.cores.delete(id);
          held.core.stop();
        }
      },
    };
  }

  /** New windows open on this engine from now on, and the next start too (settings file). */
  prefer(id: string): void {
    if (id === this.preferredId && this.warm) return;
    const next = this.acquire(id);
    this.warm?.release();
    this.warm = next;
    this.preferredId = id;
    this.settings.update({ engine: id });
  }

  /** The ids of the engines with a running core, and how many leases each has. */
  running(): Map<string, number> {
    return new Map([...this.cores].map(([id, live]) => [id, live.leases]));
  }

  stop(): void {
    for (const live of this.cores.values()) live.core.stop();
    this.cores.clear();
    this.warm = null;
  }
}

// Runs scenario files on the engine: set-up through the same create paths as
// the New-container form (validation, labels, rollback of a half set-up), the
// checks its steps carry, and a reset that removes exactly what it created.
import type Dockerode from 'dockerode';
import type { CheckResult } from '../../../shared/lessons';
import { AppError } from '../../../shared/errors';
import { createContainerInput } from '../../../shared/schemas';
import type { Scenario, ScenarioContainer, ScenarioView } from '../../../shared/scenario';
import { createContainer, startContainer } from '../containers';
import { fromEngine } from '../docker-errors';
import { ensureImage, hasImage, type PullProgress } from '../images';
import { LAB_LABEL } from '../labels';
import { cleanupOwned, createNetwork } from '../networks';
import { runCheck } from './checks';
import { parseScenario } from './parse';

/** Labs whose leftovers a scenario may replace: Crosstalk's own lessons and scenarios. */
const REPLACEABLE_LAB = /^(lesson|scenario)-/;
const CHECK_ATTEMPTS = 3;
const CHECK_RETRY_MS = 400;

export function labIdOfScenario(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return `scenario-${slug || 'untitled'}`;
}

export class ScenarioRunner {
  private readonly loaded = new Map<string, { view: ScenarioView }>();

  constructor(
    private readonly docker: () => Dockerode,
    private readonly onPull: (p: PullProgress) => void,
  ) {}

  /** Parses and validates a file; nothing touches the engine. */
  open(text: string, source: string): ScenarioView {
    const scenario = parseScenario(text, source);
    const id = labIdOfScenario(scenario.title);
    const running = this.loaded.get(id)?.view.running ?? false;
    const view: ScenarioView = { id, source, scenario, running };
    this.loaded.set(id, { view });
    return view;
  }

  async setUp(id: string, pull: boolean): Promise<ScenarioView> {
    const { view } = this.get(id);
    const docker = this.docker();
    const { scenario } = view;
    await this.ensureImages(docker, scenario, pull);
    await this.clearNames(docker, id, scenario);
    try {
      await Promise.all(scenario.networks.map((n) => createNetwork(docker, n, id)));
      // In file order: a link's target is listed (and running) before the container that links it.
      for (const c of scenario.containers) await this.create(docker, id, c);
    } catch (error) {
      // Half a scenario is worse than none: remove what was created.
      await cleanupOwned(docker, id).catch(() => undefined);
      throw error;
    }
    view.running = true;
    return view;
  }

  async reset(id: string): Promise<void> {
    const entry = this.loaded.get(id);
    if (entry) entry.view.running = false;
    await cleanupOwned(this.docker(), id);
  }

  /** The step's check, retried briefly: a listener or a line may need a moment to appear. */
  async check(id: string, step: number): Promise<CheckResult> {
    const { view } = this.get(id);
    const s = view.scenario.steps[step];
    if (!s?.check)
      throw new AppError(
        'invalid-input',
        `Step ${step + 1} of "${view.scenario.title}" has no check.`,
        '',
      );
    let last: CheckResult | null = null;
    for (let attempt = 0; attempt < CHECK_ATTEMPTS; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, CHECK_RETRY_MS));
      try {
        last = await runCheck(this.docker(), s.check);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        last = {
          ok: false,
          detail: `The check could not run: ${message}`,
          evidence: [],
          at: new Date().toISOString(),
        };
      }
      if (last.ok) break;
    }
    return last!;
  }

  private get(id: string): { view: ScenarioView } {
    const entry = this.loaded.get(id);
    if (!entry)
      throw new AppError(
        'not-found',
        `No scenario ${id} is open.`,
        'Open the scenario file again.',
      );
    return entry;
  }

  private async ensureImages(docker: Dockerode, scenario: Scenario, pull: boolean): Promise<void> {
    const images = [...new Set(scenario.containers.map((c) => c.image))];
    const present = await Promise.all(images.map((i) => hasImage(docker, i)));
    const missing = images.filter((_, i) => !present[i]);
    if (!missing.length) return;
    if (!pull) {
      throw new AppError(
        'image-missing',
        `This scenario needs ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not on this engine.`,
        'Pull it (the Pull button), build it, or change "image" in the file to one the engine has.',
      );
    }
    for (const image of missing) await ensureImage(docker, image, this.onPull);
  }

  private async create(docker: Dockerode, labId: string, c: ScenarioContainer): Promise<void> {
    const [first, ...more] = c.networks;
    // The same validation as the New-container form: the file's values meet the same rules.
    const spec = createContainerInput.safeParse({
      image: c.image,
      name: c.name,
      command: c.command,
      env: c.env,
      tty: c.tty,
      ports: c.ports,
      ...(first ? { network: first } : {}),
      aliases: first ? c.aliases : [],
      links: c.links,
      expose: c.expose,
      labId,
      // With more networks, it joins them all before its process starts.
      start: more.length === 0,
    });
    if (!spec.success) {
      const issue = spec.error.issues[0]!;
      throw new AppError(
        'invalid-input',
        `Container "${c.name}": ${issue.path.join('.')}: ${issue.message}`,
        'Change that container in the scenario file.',
      );
    }
    const created = await createContainer(docker, spec.data);
    if (!more.length) return;
    for (const network of more) {
      try {
        await docker.getNetwork(network).connect({
          Container: created.id,
          EndpointConfig: { Aliases: c.aliases },
        });
      } catch (error) {
        throw fromEngine(error, `Connecting "${c.name}" to network "${network}"`);
      }
    }
    await startContainer(docker, created.id);
  }

  /** Removes this scenario's (and other labs') leftovers holding its names; never anyone else's. */
  private async clearNames(docker: Dockerode, id: string, scenario: Scenario): Promise<void> {
    const wanted = new Set(scenario.containers.map((c) => c.name));
    const all = await docker.listContainers({ all: true });
    const holders = all.filter((c) => c.Names.some((n) => wanted.has(n.replace(/^\//, ''))));
    const foreign = holders.filter((c) => !REPLACEABLE_LAB.test(c.Labels[LAB_LABEL] ?? ''));
    if (foreign.length) {
      const names = foreign.map((c) => c.Names[0]!.replace(/^\//, '')).join(', ');
      throw new AppError(
        'name-in-use',
        `This scenario needs the name(s) ${names}, which containers not made by a lesson or scenario already use.`,
        'Remove or rename those containers, then set the scenario up again.',
      );
    }
    const labs = new Set([id, ...holders.map((c) => c.Labels[LAB_LABEL]!)]);
    await Promise.all([...labs].map((lab) => cleanupOwned(docker, lab)));
    const nets = scenario.networks.length
      ? await docker.listNetworks({ filters: { name: scenario.networks } })
      : [];
    const taken = nets.filter((n) => scenario.networks.includes(n.Name));
    const foreignNet = taken.find((n) => !REPLACEABLE_LAB.test(n.Labels?.[LAB_LABEL] ?? ''));
    if (foreignNet) {
      throw new AppError(
        'name-in-use',
        `This scenario needs the network name ${foreignNet.Name}, which is already used.`,
        'Remove that network, or rename it in the file.',
      );
    }
    await Promise.all(
      taken.map((n) =>
        docker
          .getNetwork(n.Id)
          .remove()
          .catch(() => undefined),
      ),
    );
  }
}

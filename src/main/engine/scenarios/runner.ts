// Runs scenario files on the engine: set-up through the same create paths as
// the New-container form (validation, labels, rollback of a half set-up), the
// checks its steps carry, and a reset that removes exactly what it created.
import type Dockerode from 'dockerode';
import type { CheckResult } from '../../../shared/lessons';
import { AppError } from '../../../shared/errors';
import type { Scenario, ScenarioView } from '../../../shared/scenario';
import { hasImage, type PullSet } from '../images';
import { cleanupOwned } from '../networks';
import { runCheck } from './checks';
import type { LabFacts, Locator } from './facts';
import { clearNames, setUpLab } from './lab';
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
  private readonly loaded = new Map<
    string,
    {
      view: ScenarioView;
      /** As written: its {{facts}} unfilled, for checks that fill them when they run. */
      written: Scenario;
      run?: { facts: LabFacts; setUp: Map<string, string> };
    }
  >();

  constructor(
    private readonly docker: () => Dockerode,
    private readonly locate: Locator,
    /** The app's pulls: per-layer progress to every window, and Cancel. */
    private readonly pulls: Pick<PullSet, 'ensure'>,
  ) {}

  /**
   * Parses and validates a file; nothing touches the engine. The parser (YAML, the schema) is
   * loaded on the first open, not at start-up.
   */
  async open(text: string, source: string): Promise<ScenarioView> {
    const scenario = (await import('./parse')).parseScenario(text, source);
    const id = labIdOfScenario(scenario.title);
    const running = this.loaded.get(id)?.view.running ?? false;
    const view: ScenarioView = { id, source, scenario, running };
    this.loaded.set(id, { view, written: scenario });
    return view;
  }

  async setUp(id: string, pull: boolean): Promise<ScenarioView> {
    const entry = this.get(id);
    const { view, written } = entry;
    const docker = this.docker();
    await this.ensureImages(docker, written, pull);
    await clearNames(docker, id, written, 'scenario');
    // Its texts and typed commands say what is true of this engine ({{facts}}).
    const { facts, steps, setUp } = await setUpLab(docker, id, written, this.locate);
    entry.run = { facts, setUp };
    view.scenario = { ...written, steps };
    view.running = true;
    return view;
  }

  async reset(id: string): Promise<void> {
    const entry = this.loaded.get(id);
    if (entry) {
      entry.view.running = false;
      delete entry.run;
    }
    await cleanupOwned(this.docker(), id);
  }

  /** The step's check, retried briefly: a listener or a line may need a moment to appear. */
  async check(id: string, step: number): Promise<CheckResult> {
    const { view, written, run } = this.get(id);
    const s = written.steps[step];
    if (!s?.check)
      throw new AppError(
        'invalid-input',
        `Step ${step + 1} of "${view.scenario.title}" has no check.`,
        '',
      );
    if (!run)
      throw new AppError(
        'invalid-input',
        `"${view.scenario.title}" is not set up.`,
        'Press "Set up" first.',
      );
    let last: CheckResult | null = null;
    for (let attempt = 0; attempt < CHECK_ATTEMPTS; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, CHECK_RETRY_MS));
      try {
        last = await runCheck(run.facts, s.check, run.setUp);
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

  private get(id: string) {
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
    for (const image of missing) await this.pulls.ensure(image);
  }
}

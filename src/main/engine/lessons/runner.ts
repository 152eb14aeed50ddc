// Runs the lessons, which are scenario files: one-click set-up (rolled back on failure),
// each step's check and offered action asked of the engine, and a reset that removes
// exactly what the lesson created. What a lesson says is filled from the engine's facts.
import type Dockerode from 'dockerode';
import type {
  CheckResult,
  LessonCommand,
  SingleHostLessonId as LessonId,
  LessonStep,
  LessonView,
} from '../../../shared/lessons';
import type { EngineKind } from '../../../shared/model';
import type { Scenario, ScenarioStep } from '../../../shared/scenario';
import { AppError } from '../../../shared/errors';
import { cleanupOwned } from '../networks';
import { runCheck } from '../scenarios/checks';
import type { LabFacts, Locator } from '../scenarios/facts';
import { clearNames, setUpLab } from '../scenarios/lab';
import { runOffer } from '../scenarios/offers';
import type { LessonFile } from './catalog';

export const labIdOf = (id: LessonId) => `lesson-${id}`;

/**
 * The lesson files are YAML checked against the scenario schema: the YAML parser and the
 * parsing cost a few hundred ms at start-up on a loaded machine, so they are read when the
 * lessons are first asked for, not when the app starts (BENCHMARKS.md, start-up).
 */
const readLessonFiles = async () => (await import('./catalog')).loadLessons();

export type { Locator };

interface LessonRun {
  facts: LabFacts;
  /** The lesson with the chosen image. */
  scenario: Scenario;
  /** Its steps with their texts filled from the facts, as the panel shows them. */
  shown: ScenarioStep[];
  /** Each container's id at set-up, to tell a re-created one. */
  setUp: Map<string, string>;
  image: string;
}

/** A lesson command is a typed text; a Ctrl-C just before it in that pane ends what runs there. */
function commandsOf(step: ScenarioStep): LessonCommand[] {
  return step.actions.flatMap((a, i): LessonCommand[] => {
    if (a.kind !== 'type') return [];
    const before = step.actions.slice(0, i).findLast((b) => 'pane' in b && b.pane === a.pane);
    const interrupt = before?.kind === 'keys' && before.keys.includes('Ctrl-C');
    return [{ container: a.pane, text: a.text, ...(interrupt ? { interrupt } : {}) }];
  });
}

export function stepView(step: ScenarioStep, index: number): LessonStep {
  return {
    id: step.id ?? `step-${index + 1}`,
    title: step.title,
    text: step.text ?? step.caption ?? '',
    commands: commandsOf(step),
    check: step.check?.says ?? null,
    action: step.offer && { id: step.offer.id, label: step.offer.label },
  };
}

/** A failed check's hint: the step's own action or commands, which make it pass. */
export function whatToDo(step: LessonStep): string {
  const typed = step.commands.map((c) => `\`${c.text}\` in ${c.container}`);
  const todo = [
    ...(step.action ? [`press "${step.action.label}"`] : []),
    ...(typed.length
      ? [`click the step's command${typed.length > 1 ? 's' : ''} to type ${typed.join(', then ')}`]
      : []),
  ];
  const what = todo.length ? todo.join(', ') : 'do what the step says';
  return `${what[0]!.toUpperCase()}${what.slice(1)}, then Check again.`;
}

function view(file: LessonFile, run: LessonRun | undefined, kind: EngineKind | null): LessonView {
  const s = file.scenario;
  return {
    unsupported: file.error
      ? `Your copy of this lesson (${file.source}) does not open: ${file.error} Fix it, or remove it to use the built-in lesson.`
      : (kind && s?.unsupported[kind]) || null,
    id: file.id,
    title: s?.title ?? file.id,
    summary: s?.description ?? '',
    containers: s?.containers.map((c) => c.name) ?? [],
    networks: s?.networks ?? [],
    steps: run ? run.shown.map(stepView) : [],
    facts: run
      ? [
          {
            label: 'The host, from a container',
            value: run.facts.hostAddress.address,
            reason: run.facts.hostAddress.reason,
          },
          {
            label: 'Published ports, from your machine',
            value: run.facts.publishedAt.address,
            reason: run.facts.publishedAt.reason,
          },
          {
            label: 'Netcat in the image',
            value: run.facts.nc.flavour,
            reason: run.facts.nc.canBind
              ? 'detected from its help text; the commands use its flags'
              : 'detected from its help text; it cannot listen on one address, so lesson 4 uses busybox httpd',
          },
        ]
      : [],
    running: Boolean(run),
    image: run?.image ?? null,
  };
}

/** A check that cannot run says why, as a failed check. */
export async function checkOrReason(fn: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      detail: `The check could not run: ${message}`,
      evidence: [],
      at: new Date().toISOString(),
    };
  }
}

export class LessonRunner {
  private readonly runs = new Map<LessonId, LessonRun>();
  private filesRead: Promise<Map<LessonId, LessonFile>> | null = null;

  constructor(
    private readonly docker: () => Dockerode,
    private readonly locate: Locator,
    /** Pulls the lesson's image when the engine lacks it. */
    private readonly ensureImage: (image: string) => Promise<void>,
    /** The product connected now, for lessons that differ or cannot run on it. */
    private readonly engineKind: () => EngineKind | null = () => null,
    /** The lesson files, read once, when first needed. */
    private readonly readFiles: () => Promise<LessonFile[]> = readLessonFiles,
  ) {}

  private files(): Promise<Map<LessonId, LessonFile>> {
    this.filesRead ??= this.readFiles().then((files) => new Map(files.map((f) => [f.id, f])));
    return this.filesRead;
  }

  async list(): Promise<LessonView[]> {
    const files = await this.files();
    return [...files.values()].map((f) => view(f, this.runs.get(f.id), this.engineKind()));
  }

  async start(id: LessonId, image: string): Promise<LessonView> {
    const docker = this.docker();
    const file = await this.file(id);
    const lesson = file.scenario!;
    const labId = labIdOf(id);
    const unsupported = lesson.unsupported[this.engineKind() ?? 'docker-engine'];
    if (unsupported)
      throw new AppError(
        'invalid-input',
        unsupported.replace(/`/g, ''),
        'Pick another lesson, or switch to a Docker engine in the header.',
      );
    // The lesson runs on the image the person picked.
    const scenario = { ...lesson, containers: lesson.containers.map((c) => ({ ...c, image })) };
    const [cleared] = await Promise.all([
      clearNames(docker, labId, scenario, 'lesson'),
      this.ensureImage(image),
    ]);
    for (const other of (await this.files()).keys())
      if (cleared.has(labIdOf(other))) this.runs.delete(other);
    // Half a lesson is worse than none: setUpLab removes what it created if it fails.
    const { facts, steps: shown, setUp } = await setUpLab(docker, labId, scenario, this.locate);
    const run: LessonRun = { facts, scenario, shown, setUp, image };
    this.runs.set(id, run);
    return view(file, run, this.engineKind());
  }

  async reset(id: LessonId): Promise<void> {
    this.runs.delete(id);
    await cleanupOwned(this.docker(), labIdOf(id));
  }

  async check(id: LessonId, stepId: string): Promise<CheckResult> {
    const run = this.run(id);
    const index = run.scenario.steps.findIndex((s, i) => stepView(s, i).id === stepId);
    const check = run.scenario.steps[index]?.check;
    if (!check)
      throw new AppError(
        'invalid-input',
        `Step ${stepId} of ${run.scenario.title} has no check.`,
        '',
      );
    const outcome = await checkOrReason(() => runCheck(run.facts, check, run.setUp));
    // What the panel shows (filled) is what to do.
    return outcome.ok
      ? outcome
      : { ...outcome, hint: outcome.hint ?? whatToDo(stepView(run.shown[index]!, index)) };
  }

  async act(id: LessonId, actionId: string): Promise<CheckResult> {
    const run = this.run(id);
    const offer = run.scenario.steps.find((s) => s.offer?.id === actionId)?.offer;
    if (!offer)
      throw new AppError('invalid-input', `${run.scenario.title} has no action ${actionId}.`, '');
    return checkOrReason(() => runOffer(run.facts, labIdOf(id), offer, run.scenario.containers));
  }

  private async file(id: LessonId): Promise<LessonFile> {
    const file = (await this.files()).get(id)!;
    if (!file.scenario)
      throw new AppError(
        'invalid-input',
        `Your copy of this lesson (${file.source}) does not open: ${file.error}`,
        'Fix that line, or remove the copy to use the built-in lesson; then restart Crosstalk.',
      );
    return file;
  }

  private run(id: LessonId): LessonRun {
    const run = this.runs.get(id);
    if (!run)
      throw new AppError('invalid-input', 'This lesson is not set up.', 'Press "Set up" first.');
    return run;
  }
}

// Runs lessons on the engine: one-click set-up (independent steps in
// parallel, rolled back on failure), checks and actions, and a reset that
// removes exactly what the lesson created.
import type Dockerode from 'dockerode';
import type { CheckResult, LessonId, LessonView } from '../../../shared/lessons';
import type { EngineKind } from '../../../shared/model';
import { AppError } from '../../../shared/errors';
import { createContainer } from '../containers';
import { LAB_LABEL } from '../labels';
import { cleanupOwned, createNetwork } from '../networks';
import { labIdOf, lessonById, lessons, namesOf } from './catalog';
import { stepView, type LessonContext, type LessonDefinition, type StepDefinition } from './lesson';
import { detectNetcat } from './netcat';

/** Where the engine's host is, as containers and as the person see it. */
export interface Locator {
  (
    /** The lesson's first container's network, as the engine reports it. */
    on: LessonNetwork,
  ): Promise<Pick<LessonContext, 'hostAddress' | 'publishedAt' | 'hostIsLocal' | 'engineKind'>>;
}

export interface LessonNetwork {
  gateway: string;
  name: string;
  id: string;
}

/** A failed check's hint: the step's own action or commands, which make it pass. */
export function whatToDo(step: StepDefinition): string {
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

function view(
  lesson: LessonDefinition,
  ctx: LessonContext | undefined,
  kind: EngineKind | null,
): LessonView {
  return {
    unsupported: (kind && lesson.unsupportedOn?.[kind]) || null,
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    containers: lesson.containerGroups.flat().map((c) => c.name!),
    networks: lesson.networks,
    steps: ctx ? lesson.steps(ctx).map(stepView) : [],
    facts: ctx
      ? [
          {
            label: 'The host, from a container',
            value: ctx.hostAddress.address,
            reason: ctx.hostAddress.reason,
          },
          {
            label: 'Published ports, from your machine',
            value: ctx.publishedAt.address,
            reason: ctx.publishedAt.reason,
          },
          {
            label: 'Netcat in the image',
            value: ctx.nc.flavour,
            reason: ctx.nc.canBind
              ? 'detected from its help text; the commands use its flags'
              : 'detected from its help text; it cannot listen on one address, so lesson 4 uses busybox httpd',
          },
        ]
      : [],
    running: Boolean(ctx),
    image: ctx?.image ?? null,
  };
}

export class LessonRunner {
  private readonly runs = new Map<LessonId, LessonContext>();

  constructor(
    private readonly docker: () => Dockerode,
    private readonly locate: Locator,
    /** Pulls the lesson's image when the engine lacks it. */
    private readonly ensureImage: (image: string) => Promise<void>,
    /** The product connected now, for lessons that differ or cannot run on it. */
    private readonly engineKind: () => EngineKind | null = () => null,
  ) {}

  list(): LessonView[] {
    return lessons.map((l) => view(l, this.runs.get(l.id), this.engineKind()));
  }

  async start(id: LessonId, image: string): Promise<LessonView> {
    const docker = this.docker();
    const lesson = lessonById(id);
    const labId = labIdOf(id);
    const unsupported = lesson.unsupportedOn?.[this.engineKind() ?? 'docker-engine'];
    if (unsupported)
      throw new AppError(
        'invalid-input',
        unsupported.replace(/`/g, ''),
        'Pick another lesson, or switch to a Docker engine in the header.',
      );
    await Promise.all([this.clearNames(docker, lesson), this.ensureImage(image)]);
    try {
      await Promise.all(lesson.networks.map((n) => createNetwork(docker, n, labId)));
      const setUp = new Map<string, string>();
      for (const group of lesson.containerGroups) {
        const made = await Promise.all(
          group.map((spec) => createContainer(docker, { ...spec, image, labId })),
        );
        for (const c of made) setUp.set(c.name, c.id);
      }
      const first = lesson.containerGroups[0]![0]!.name!;
      const [nc, info] = await Promise.all([
        detectNetcat(docker, first),
        docker.getContainer(first).inspect(),
      ]);
      const [name, endpoint] = Object.entries(info.NetworkSettings.Networks)[0] ?? [];
      const on = {
        gateway: endpoint?.Gateway ?? '',
        name: name ?? '',
        id: endpoint?.NetworkID ?? '',
      };
      const ctx: LessonContext = {
        docker,
        labId,
        image,
        nc,
        setUp,
        ...(await this.locate(on)),
      };
      this.runs.set(id, ctx);
      return view(lesson, ctx, this.engineKind());
    } catch (error) {
      // Half a lesson is worse than none: remove what was created.
      await cleanupOwned(docker, labId).catch(() => undefined);
      throw error;
    }
  }

  async reset(id: LessonId): Promise<void> {
    this.runs.delete(id);
    await cleanupOwned(this.docker(), labIdOf(id));
  }

  async check(id: LessonId, stepId: string): Promise<CheckResult> {
    const [lesson, ctx] = this.run(id);
    const step = lesson.steps(ctx).find((s) => s.id === stepId);
    if (!step?.check)
      throw new AppError('invalid-input', `Step ${stepId} of ${lesson.title} has no check.`, '');
    const outcome = await this.guard(() => step.verify(ctx));
    return outcome.ok ? outcome : { ...outcome, hint: outcome.hint ?? whatToDo(step) };
  }

  async act(id: LessonId, actionId: string): Promise<CheckResult> {
    const [lesson, ctx] = this.run(id);
    const action = lesson.steps(ctx).find((s) => s.action?.id === actionId)?.action;
    if (!action)
      throw new AppError('invalid-input', `${lesson.title} has no action ${actionId}.`, '');
    return this.guard(() => action.run(ctx));
  }

  private run(id: LessonId): [LessonDefinition, LessonContext] {
    const ctx = this.runs.get(id);
    if (!ctx)
      throw new AppError('invalid-input', 'This lesson is not set up.', 'Press "Set up" first.');
    return [lessonById(id), ctx];
  }

  private async guard(fn: () => Promise<CheckResult>): Promise<CheckResult> {
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

  /** Removes lesson leftovers that hold the names; refuses to touch anyone else's. */
  private async clearNames(docker: Dockerode, lesson: LessonDefinition): Promise<void> {
    const wanted = new Set(namesOf(lesson));
    const all = await docker.listContainers({ all: true });
    const holders = all.filter((c) => c.Names.some((n) => wanted.has(n.replace(/^\//, ''))));
    const foreign = holders.filter((c) => !c.Labels[LAB_LABEL]?.startsWith('lesson-'));
    if (foreign.length) {
      const names = foreign.map((c) => c.Names[0]!.replace(/^\//, '')).join(', ');
      throw new AppError(
        'name-in-use',
        `This lesson needs the name(s) ${names}, which containers not made by a lesson already use.`,
        'Remove or rename those containers, then set the lesson up again.',
      );
    }
    const labs = new Set(holders.map((c) => c.Labels[LAB_LABEL]!));
    for (const l of lessons) if (labs.has(labIdOf(l.id))) this.runs.delete(l.id);
    await Promise.all([...labs].map((lab) => cleanupOwned(docker, lab)));
    if (lesson.networks.length) {
      const nets = await docker.listNetworks({ filters: { name: lesson.networks } });
      const taken = nets.filter((n) => lesson.networks.includes(n.Name));
      const foreignNet = taken.find((n) => !n.Labels?.[LAB_LABEL]?.startsWith('lesson-'));
      if (foreignNet) {
        throw new AppError(
          'name-in-use',
          `This lesson needs the network name ${foreignNet.Name}, which is already used.`,
          'Remove that network, then set the lesson up again.',
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
}

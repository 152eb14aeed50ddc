// Lesson 5 as the Lessons panel runs it: one run for the whole app (a swarm is the engines'
// state, not a window's), on two engines a window shows, through the same lesson calls as the
// others (`lessonId: 'across-hosts'`).
import type { CheckResult, LessonView } from '../../../shared/lessons';
import { AppError } from '../../../shared/errors';
import {
  AcrossHostsLesson,
  OVERLAY,
  type AcrossHostsAction,
  type AcrossHostsCheck,
  type HostEngine,
} from '../lessons/across-hosts/across-hosts';
import { checkOrReason } from '../lessons/runner';

const checks: readonly AcrossHostsCheck[] = ['swarm', 'overlay', 'placement', 'talk', 'published'];
const actions: readonly AcrossHostsAction[] = ['swarm', 'overlay', 'containers', 'publish'];

const TITLE = '5 · Across hosts';
const SUMMARY =
  'Two engines on two hosts: a swarm, an overlay network spanning both, a server on one host and a client on the other talking by name over VXLAN; then the first method across hosts, a published port dialled at the other host’s address.';

export class AcrossHostsRun {
  private lesson: AcrossHostsLesson | null = null;

  /** Lesson 5 as the panel lists it; `missing` says why it cannot start here, if it cannot. */
  view(missing: string | null): LessonView {
    const lesson = this.lesson;
    return {
      id: 'across-hosts',
      title: TITLE,
      summary: SUMMARY,
      containers: ['server', 'client', 'published'],
      networks: [OVERLAY],
      steps: lesson?.steps() ?? [],
      facts: lesson?.facts() ?? [],
      running: Boolean(lesson),
      image: lesson?.image ?? null,
      unsupported: lesson ? null : missing,
    };
  }

  /** The two engines the run uses, by key (A first). */
  get hosts(): [string, string] | null {
    return this.lesson ? [this.lesson.a.key, this.lesson.b.key] : null;
  }

  async start(a: HostEngine, b: HostEngine, image: string): Promise<LessonView> {
    // Starting again undoes the last run first, so its swarm changes are not forgotten.
    await this.reset();
    this.lesson = await AcrossHostsLesson.setUp(a, b, { image });
    return this.view(null);
  }

  async reset(): Promise<void> {
    const lesson = this.lesson;
    this.lesson = null;
    await lesson?.reset();
  }

  async check(stepId: string): Promise<CheckResult> {
    const lesson = this.running();
    const id = checks.find((c) => c === stepId);
    if (!id) throw new AppError('invalid-input', `${TITLE} has no step ${stepId} to check.`, '');
    return checkOrReason(() => lesson.check(id));
  }

  async act(actionId: string): Promise<CheckResult> {
    const lesson = this.running();
    const id = actions.find((a) => a === actionId);
    if (!id) throw new AppError('invalid-input', `${TITLE} has no action ${actionId}.`, '');
    return lesson.act(id);
  }

  private running(): AcrossHostsLesson {
    if (!this.lesson)
      throw new AppError('invalid-input', 'This lesson is not set up.', 'Press "Set up" first.');
    return this.lesson;
  }
}

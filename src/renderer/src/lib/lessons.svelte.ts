// Lesson state in the renderer: the lessons' views, check results per step,
// and a pull's progress.
import type { PullProgress } from '../../../shared/engine-map';
import type { CheckResult, LessonId, LessonView } from '../../../shared/lessons';
import { findImage } from '../../../shared/image-ref';
import type { Api } from '../../../shared/contract';
import { api, transport } from './api';
import { openConsole } from './console-registry';
import { engine } from './engine.svelte';
import { attempt, notices } from './notices.svelte';
import type { Disposable, EventSource } from './transport/event-hub';

/** Preferred lab images: a small public image with nc, then the project's test image. */
const PREFERRED_IMAGES = ['busybox:latest', 'busybox', 'crosstalk-test:latest'];

export class LessonStore {
  views = $state<LessonView[]>([]);
  selected = $state<LessonId>('through-host');
  results = $state<Record<string, CheckResult>>({});
  busy = $state<string | null>(null);
  pull = $state<PullProgress | null>(null);
  image = $state('');
  current = $derived(this.views.find((v) => v.id === this.selected) ?? null);

  constructor(
    private readonly api: Api,
    private readonly events: EventSource,
  ) {}

  private followsSwitches = false;

  /** From the first load on: another engine has its own lessons' state and image names. */
  private followSwitches(): void {
    if (this.followsSwitches) return;
    this.followsSwitches = true;
    this.events.on('engineSwitched', () => {
      this.image = '';
      this.results = {};
      this.pull = null;
      void attempt(() => this.load());
    });
  }

  /** Follows pull progress while the panel is open; dispose when it closes. */
  follow(): Disposable {
    return this.events.on('pullProgress', (progress) => (this.pull = progress));
  }

  async load(): Promise<void> {
    this.followSwitches();
    this.views = await this.api.lessons();
    // Podman lists the lab image as localhost/crosstalk-test:latest: take the engine's own name.
    this.image ||=
      PREFERRED_IMAGES.map((i) => findImage(engine.images, i)).find(Boolean) ?? 'busybox:latest';
  }

  private replace(view: LessonView) {
    this.views = this.views.map((v) => (v.id === view.id ? view : v));
  }

  private clearResults(id: LessonId) {
    this.results = Object.fromEntries(
      Object.entries(this.results).filter(([k]) => !k.startsWith(`${id}/`)),
    );
  }

  async start(id: LessonId): Promise<void> {
    this.busy = 'setup';
    this.pull = null;
    this.clearResults(id);
    const ok = await attempt(async () =>
      this.replace(await this.api.startLesson({ lessonId: id, image: this.image })),
    );
    // Lessons replace each other's containers (they share names): refresh all.
    if (ok) this.views = await this.api.lessons();
    this.busy = null;
  }

  async reset(id: LessonId): Promise<void> {
    this.busy = 'reset';
    await attempt(() => this.api.resetLesson({ lessonId: id }));
    this.clearResults(id);
    this.views = await this.api.lessons();
    this.busy = null;
  }

  async check(id: LessonId, stepId: string): Promise<void> {
    this.busy = stepId;
    await attempt(async () => {
      this.results = {
        ...this.results,
        [`${id}/${stepId}`]: await this.api.checkLessonStep({ lessonId: id, stepId }),
      };
    });
    this.busy = null;
  }

  async act(id: LessonId, stepId: string, actionId: string): Promise<void> {
    this.busy = stepId;
    await attempt(async () => {
      this.results = {
        ...this.results,
        [`${id}/${stepId}`]: await this.api.lessonAction({ lessonId: id, actionId }),
      };
    });
    this.busy = null;
  }

  /** Types a command into a container's console (on the engine named), as if the person typed it. */
  type(container: string, text: string, interrupt = false, on?: string): void {
    const target = engine.byName(container, on);
    const handle = target && openConsole(target.id);
    if (!handle) {
      notices.error(new Error(`No console is open on ${container}.`));
      return;
    }
    if (interrupt) handle.interrupt();
    setTimeout(() => handle.type(`${text}\r`), interrupt ? 150 : 0);
    handle.focus();
  }
}

export const lessonStore = new LessonStore(api, transport);

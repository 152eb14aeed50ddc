// Drives a built-in lesson through the public contract, as the lesson panel does: Set up,
// click a step's commands into the containers' attached consoles, press its action, Check.
// Nothing here knows how a lesson is written, only what the renderer is shown.
import type Dockerode from 'dockerode';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type {
  CheckResult,
  LessonCommand,
  LessonId,
  LessonStep,
  LessonView,
} from '../../src/shared/lessons';
import { Crosstalk } from '../../src/main/engine/runtime';
import { newApp } from './app';
import { docker, TEST_IMAGE } from './engine';
import { TestClient } from './test-client';
import { sleep, waitUntil } from './waiting';

/** A person's pause between two clicks: the next command is typed after the last has started. */
const BETWEEN_CLICKS_MS = 400;

export class LessonDriver {
  private readonly consoles = new Map<string, { containerId: string; consoleId: string }>();
  steps: LessonStep[] = [];

  constructor(
    readonly client: TestClient,
    readonly lessonId: LessonId,
    /** The engine the client's app is on, to find a container's current id. */
    private readonly engine: Dockerode = docker,
  ) {}

  async setUp(image = TEST_IMAGE): Promise<LessonView> {
    const view = await this.client.call('startLesson', { lessonId: this.lessonId, image });
    this.steps = view.steps;
    return view;
  }

  step(id: string): LessonStep {
    const step = this.steps.find((s) => s.id === id);
    if (!step) throw new Error(`${this.lessonId} has no step ${id}`);
    return step;
  }

  check(stepId: string): Promise<CheckResult> {
    return this.client.call('checkLessonStep', { lessonId: this.lessonId, stepId });
  }

  /** Asks a check until it passes (the engine and the shells take their time). */
  async untilPasses(stepId: string, timeoutMs = 10_000): Promise<CheckResult> {
    const last = { detail: 'nothing' };
    try {
      return await waitUntil(
        async () => {
          const r = await this.check(stepId);
          last.detail = r.detail;
          return r.ok ? r : null;
        },
        `the check of ${stepId} to pass`,
        timeoutMs,
        250,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}; it said: ${last.detail}`);
    }
  }

  /** Does a step as a person would: its action first, then each command, one click apiece. */
  async doStep(step: LessonStep): Promise<void> {
    if (step.action) {
      const done = await this.client.call('lessonAction', {
        lessonId: this.lessonId,
        actionId: step.action.id,
      });
      expect(done.ok, done.detail).toBe(true);
    }
    for (const command of step.commands) await this.type(command);
  }

  /** Types a command into its container's attached console (a re-created container gets a new one). */
  async type(command: LessonCommand): Promise<void> {
    const { consoleId } = await this.consoleOn(command.container);
    const sink = this.client.consoleSink(consoleId);
    if (command.interrupt) {
      this.client.typeInto(consoleId, '\x03');
      await sleep(150); // as the panel waits after Ctrl-C
    }
    const from = sink.bytes;
    this.client.typeInto(consoleId, `${command.text}\r`);
    // The shell echoed the line back: it has taken it.
    await sink.waitForText(command.text.slice(0, 8), 10_000, from);
    await sleep(BETWEEN_CLICKS_MS);
  }

  private async consoleOn(name: string) {
    const containerId = (await this.engine.getContainer(name).inspect()).Id;
    const open = this.consoles.get(name);
    if (open?.containerId === containerId) return open;
    const consoleId = TestClient.consoleId();
    await this.client.call('openConsole', { consoleId, container: containerId, mode: 'attach' });
    const entry = { containerId, consoleId };
    this.consoles.set(name, entry);
    return entry;
  }

  async reset(): Promise<void> {
    for (const { consoleId } of this.consoles.values())
      await this.client.call('closeConsole', { consoleId }).catch(() => undefined);
    this.consoles.clear();
    await this.client.call('resetLesson', { lessonId: this.lessonId }).catch(() => undefined);
  }
}

/**
 * Each checked step of a lesson, in order, twice: skipped (its check fails and its hint says
 * what to do: the step's action or command) and done (its check passes). `checked` lists the
 * steps with a check, so a check added to a lesson without a test here fails the suite.
 */
export function describeLessonChecks(
  lessonId: LessonId,
  checked: string[],
  /** What a skipped step's check must say, beyond failing (by step id). */
  skippedSays: Record<string, RegExp> = {},
  timeoutMs = 10_000,
) {
  describe(`${lessonId}: each check, skipped and done`, () => {
    let app: Crosstalk;
    let lesson: LessonDriver;
    /** Steps already done (unchecked steps in between are done before the next check). */
    let next = 0;

    beforeAll(async () => {
      app = newApp();
      await app.start();
      lesson = new LessonDriver(new TestClient(app), lessonId);
      await lesson.setUp();
    }, 60_000);

    afterAll(async () => {
      await lesson?.reset();
      app?.stop();
    });

    it('lists exactly these checked steps', () => {
      expect(lesson.steps.filter((s) => s.check).map((s) => s.id)).toEqual(checked);
    });

    for (const id of checked) {
      it(`${id}: skipped, the check fails and says what to do`, async () => {
        const index = lesson.steps.findIndex((s) => s.id === id);
        for (; next < index; next++) await lesson.doStep(lesson.steps[next]!);
        const step = lesson.step(id);
        const skipped = await lesson.check(id);
        expect(skipped.ok, skipped.detail).toBe(false);
        expect(skipped.detail).not.toMatch(/could not run/);
        const todo = step.action ? step.action.label : step.commands[0]!.text;
        expect(skipped.hint).toContain(todo);
        if (skippedSays[id]) expect(skipped.detail).toMatch(skippedSays[id]);
      });

      it(`${id}: done, the check passes`, async () => {
        await lesson.doStep(lesson.step(id));
        next = lesson.steps.findIndex((s) => s.id === id) + 1;
        const done = await lesson.untilPasses(id, timeoutMs);
        expect(done.ok).toBe(true);
      });
    }
  });
}

// Plays a scenario file: set up its containers, then one step per key press
// (or autoplay with the file's timings): type into a pane at a visible speed,
// press keys, wait for text, pause, show a caption, and ask the engine the
// step's check. Back makes the previous step current again, to re-type it.
import type { AppErrorShape } from '../../../../shared/errors';
import type { CheckResult } from '../../../../shared/lessons';
import type { ScenarioAction, ScenarioView } from '../../../../shared/scenario';
import { api } from '../api';
import { openConsole, type ConsoleHandle } from '../console-registry';
import { engine } from '../engine.svelte';
import { attempt, notices } from '../notices.svelte';
import { keyBytes } from './keys';
import { recorder } from './recorder.svelte';

export type StepState = 'running' | 'done' | 'failed';
class Stopped extends Error {}

const CONSOLE_WAIT_MS = 15_000;
const POLL_MS = 100;

class ScenarioPlayer {
  view = $state<ScenarioView | null>(null);
  /** A file that did not open: its line and reason. */
  error = $state<AppErrorShape | null>(null);
  /** The set-up failed for a missing image: offer to pull it. */
  missingImage = $state(false);
  busy = $state<'setup' | 'reset' | 'step' | null>(null);
  /** The step the next key press runs. */
  index = $state(0);
  states = $state<Record<number, StepState>>({});
  results = $state<Record<number, CheckResult>>({});
  /** What failed in a step that did not finish (a wait that timed out…). */
  problems = $state<Record<number, string>>({});
  caption = $state<string | null>(null);
  autoplay = $state(false);
  private generation = 0;

  get steps() {
    return this.view?.scenario.steps ?? [];
  }

  async open(text: string, source: string): Promise<boolean> {
    try {
      const view = await api.openScenario({ text, source });
      this.stop();
      this.view = view;
      this.error = null;
      this.missingImage = false;
      this.rewind();
      return true;
    } catch (error) {
      this.error = error as AppErrorShape;
      return false;
    }
  }

  async setUp(pull = false): Promise<void> {
    const view = this.view;
    if (!view) return;
    this.stop();
    this.busy = 'setup';
    const offered = this.missingImage;
    this.missingImage = false;
    try {
      this.view = await api.setUpScenario({ id: view.id, pull });
      this.rewind();
    } catch (error) {
      const e = error as AppErrorShape;
      // A pull that was cancelled or failed can be tried again.
      if ((e.code === 'image-missing' && !pull) || (pull && offered)) this.missingImage = true;
      notices.error(error);
    } finally {
      this.busy = null;
    }
  }

  async reset(): Promise<void> {
    const view = this.view;
    if (!view) return;
    this.stop();
    this.busy = 'reset';
    await attempt(() => api.resetScenario({ id: view.id }));
    this.view = { ...view, running: false };
    this.rewind();
    this.busy = null;
  }

  /** Runs the current step; false when there is none or it failed. */
  async next(): Promise<boolean> {
    const view = this.view;
    if (!view?.running || this.busy || this.index >= this.steps.length) return false;
    const i = this.index;
    const step = this.steps[i]!;
    const generation = this.generation;
    this.busy = 'step';
    this.states = { ...this.states, [i]: 'running' };
    this.problems = { ...this.problems, [i]: '' };
    this.caption = step.caption;
    recorder.mark(`${i + 1}. ${step.title}`);
    let ok = true;
    try {
      for (const action of step.actions) await this.perform(action, generation);
      if (step.check) {
        const result = await api.checkScenarioStep({ id: view.id, step: i });
        this.results = { ...this.results, [i]: result };
        ok = result.ok;
      }
    } catch (error) {
      if (error instanceof Stopped) return false;
      ok = false;
      this.problems = { ...this.problems, [i]: (error as Error).message };
    } finally {
      if (generation === this.generation) this.busy = null;
    }
    this.states = { ...this.states, [i]: ok ? 'done' : 'failed' };
    this.index = i + 1;
    return ok;
  }

  /** Makes the previous step current again: the next key press re-types it. */
  back(): void {
    this.stop();
    this.index = Math.max(0, this.index - 1);
    this.caption = this.steps[this.index]?.caption ?? null;
  }

  /** Runs the remaining steps with the file's timings; any key stops it. */
  async toggleAutoplay(): Promise<void> {
    if (this.autoplay) return this.stop();
    this.autoplay = true;
    const generation = this.generation;
    while (this.autoplay && generation === this.generation && this.index < this.steps.length) {
      const step = this.steps[this.index]!;
      if (!(await this.next())) break;
      await this.sleep(step.afterMs, generation).catch(() => undefined);
    }
    if (generation === this.generation) this.autoplay = false;
  }

  /** Stops typing, waiting and autoplay at once. */
  stop(): void {
    this.generation++;
    this.autoplay = false;
    if (this.busy === 'step') this.busy = null;
  }

  private rewind(): void {
    this.index = 0;
    this.states = {};
    this.results = {};
    this.problems = {};
    this.caption = null;
  }

  private async perform(action: ScenarioAction, generation: number): Promise<void> {
    if (action.kind === 'pause') return this.sleep(action.ms, generation);
    const pane = await this.consoleOf(action.pane, generation);
    if (action.kind === 'keys') {
      for (const key of action.keys) pane.type(keyBytes[key]);
    } else if (action.kind === 'type') {
      pane.focus();
      const delay = action.speed > 0 ? 1000 / action.speed : 0;
      if (!delay) pane.type(action.text);
      else
        for (const char of action.text) {
          pane.type(char);
          await this.sleep(delay, generation);
        }
      if (action.enter) pane.type('\r');
    } else {
      const pattern = action.regex !== null ? new RegExp(action.regex, 'm') : null;
      const seen = () => (pattern ? pattern.test(pane.text()) : pane.text().includes(action.text!));
      const until = Date.now() + action.timeoutMs;
      while (!seen()) {
        if (Date.now() > until)
          throw new Error(
            `${action.pane} did not show ${pattern ? `/${action.regex}/` : `"${action.text}"`} within ${action.timeoutMs / 1000} s.`,
          );
        await this.sleep(POLL_MS, generation);
      }
    }
  }

  /** The pane's console, once its container shows and its console is mounted. */
  private async consoleOf(name: string, generation: number): Promise<ConsoleHandle> {
    const until = Date.now() + CONSOLE_WAIT_MS;
    for (;;) {
      const container = engine.byName(name);
      const handle = container && openConsole(container.id);
      if (handle) return handle;
      if (Date.now() > until) throw new Error(`No console is open on ${name}.`);
      await this.sleep(POLL_MS, generation);
    }
  }

  private sleep(ms: number, generation: number): Promise<void> {
    return new Promise((resolve, reject) =>
      setTimeout(() => (generation === this.generation ? resolve() : reject(new Stopped())), ms),
    );
  }
}

export const player = new ScenarioPlayer();

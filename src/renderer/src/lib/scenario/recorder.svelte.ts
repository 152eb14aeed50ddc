// Records panes while they run: every chunk a console prints or is sent,
// its resizes, markers at scenario steps, and the engine's events, all on one
// clock (seconds since the start). The main side writes the files; this sends
// a batch every quarter second, so a crash loses at most the last second.
import type { CastEvent, EngineEventRecord, RecordingStarted } from '../../../../shared/recording';
import type { ContainerView } from '../../../../shared/model';
import { api } from '../api';
import { openConsole, tapConsole } from '../console-registry';
import { engine } from '../engine.svelte';
import { notices } from '../notices.svelte';
import { engineChanges, recordedSnapshot } from './engine-diff';

const FLUSH_MS = 250;

interface Pane {
  id: string;
  containerId: string;
  output: TextDecoder;
  input: TextDecoder;
  events: CastEvent[];
}

class Recorder {
  /** The recording under way, or null. */
  active = $state<RecordingStarted | null>(null);
  /** The last finished recording, for export. */
  last = $state<RecordingStarted | null>(null);
  /** Things worth knowing that happened while recording (a container died…). */
  notes = $state<string[]>([]);
  private panes: Pane[] = [];
  private engineEvents: EngineEventRecord[] = [];
  private startedAt = 0;
  private stops: (() => void)[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private before: ContainerView[] = [];
  private sending: Promise<void> = Promise.resolve();

  get recording(): boolean {
    return this.active !== null;
  }

  private now(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  /** Starts recording these containers' panes (in their on-screen order). */
  async start(
    containers: ContainerView[],
    title: string,
    scenario: string | null,
    columns: number,
  ) {
    if (this.active || !containers.length) return;
    const panes = containers.map((c) => {
      const size = openConsole(c.id)?.size() ?? { cols: 80, rows: 24 };
      return { id: c.name, title: c.name, width: size.cols, height: size.rows };
    });
    this.startedAt = performance.now();
    const started = await api.startRecording({ title, panes, columns, scenario });
    this.active = started;
    this.notes = [];
    this.panes = containers.map((c) => ({
      id: c.name,
      containerId: c.id,
      output: new TextDecoder(),
      input: new TextDecoder(),
      events: [],
    }));
    // What each pane shows already (its prompt…), so the replay does not start blank.
    for (const pane of this.panes) {
      const handle = openConsole(pane.containerId);
      const screen = handle ? lastRows(handle.text(), handle.size().rows) : '';
      if (screen) pane.events.push([0, 'o', screen]);
    }
    for (const pane of this.panes)
      this.stops.push(
        tapConsole(pane.containerId, (code, data) => {
          const text =
            typeof data === 'string'
              ? data
              : (code === 'i' ? pane.input : pane.output).decode(data, { stream: true });
          if (text) pane.events.push([this.now(), code, text]);
        }),
      );
    this.before = [...engine.containers];
    this.engineEvents.push({
      t: 0,
      kind: 'snapshot',
      subject: '',
      detail: 'at the start',
      ...(engine.snapshot ? { snapshot: recordedSnapshot(engine.snapshot) } : {}),
    });
    this.stops.push(
      $effect.root(() => {
        $effect(() => this.engineChanged(engine.containers));
      }),
    );
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
  }

  /** A marker in every recorded pane, and a step in the engine log. */
  mark(label: string): void {
    if (!this.active) return;
    const t = this.now();
    for (const pane of this.panes) pane.events.push([t, 'm', label]);
    this.engineEvents.push({ t, kind: 'step', subject: label, detail: '' });
  }

  async stop(): Promise<void> {
    const active = this.active;
    if (!active) return;
    this.stops.forEach((stop) => stop());
    this.stops = [];
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    this.active = null;
    try {
      this.last = await api.stopRecording({ id: active.id });
    } catch (error) {
      notices.error(error);
    }
  }

  /** Downloads the bundle and each pane's .cast. */
  async export(): Promise<void> {
    const last = this.last;
    if (!last) return;
    const out = await api.exportRecording({ id: last.id });
    for (const file of [out.bundle, ...out.casts]) download(file.file, file.text);
  }

  private engineChanged(after: ContainerView[]): void {
    const changes = engineChanges(this.before, after);
    this.before = [...after];
    if (!changes.length) return;
    const t = this.now();
    for (const change of changes) {
      this.engineEvents.push({ t, ...change });
      const pane = this.panes.find((p) => p.id === change.subject);
      // The recording goes on when a container dies, and says so where it happened.
      if (change.kind === 'died') {
        this.notes = [...this.notes, `${change.detail} at ${t.toFixed(1)} s; recording goes on.`];
        pane?.events.push([t, 'm', change.detail]);
      }
    }
    if (engine.snapshot)
      this.engineEvents.push({
        t,
        kind: 'snapshot',
        subject: '',
        detail: changes.map((c) => c.detail).join('; '),
        snapshot: recordedSnapshot(engine.snapshot),
      });
  }

  private flush(): Promise<void> {
    const active = this.active;
    if (!active) return this.sending;
    const panes = this.panes
      .filter((p) => p.events.length)
      .map((p) => ({ pane: p.id, events: p.events.splice(0) }));
    const events = this.engineEvents.splice(0);
    if (!panes.length && !events.length) return this.sending;
    this.sending = this.sending.then(() =>
      api.appendRecording({ id: active.id, panes, events }).catch((error: unknown) => {
        notices.error(error);
      }),
    );
    return this.sending;
  }
}

/** The last `rows` lines of a screen's text, as a terminal would print them. */
function lastRows(text: string, rows: number): string {
  const lines = text
    .replace(/\n\s*$/, '')
    .split('\n')
    .slice(-rows);
  return lines.join('\r\n');
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const recorder = new Recorder();

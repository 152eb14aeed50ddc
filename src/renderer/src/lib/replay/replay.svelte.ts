// Replays a recording with no engine: the panes' terminals are fed from the
// timeline at the chosen speed, a jump re-draws every pane up to that moment,
// and the engine's picture at the current time feeds the replayed diagram.
import type { AppErrorShape } from '../../../../shared/errors';
import type {
  EngineEventRecord,
  RecordedSnapshot,
  RecordingBundle,
} from '../../../../shared/recording';
import { openLarge } from './open-large';
import { buildTimeline, firstAfter, type Timeline } from './timeline';

export interface ReplaySink {
  write(data: string): void;
  resize(cols: number, rows: number): void;
  reset(): void;
}

export const SPEEDS = [0.5, 1, 1.5, 2, 4] as const;

class Replay {
  bundle = $state.raw<RecordingBundle | null>(null);
  timeline = $state.raw<Timeline | null>(null);
  error = $state<AppErrorShape | null>(null);
  position = $state(0);
  playing = $state(false);
  speed = $state(1);
  /** Seconds an idle gap may last in the replay; null keeps the real pauses. */
  idleLimit = $state<number | null>(2);
  private sinks = new Map<number, ReplaySink>();
  private cursor = 0;
  private frame = 0;
  private lastTick = 0;

  /** The engine's last picture at the current time. */
  snapshot = $derived.by((): RecordedSnapshot | null => {
    const engine = this.timeline?.engine ?? [];
    let found: RecordedSnapshot | null = null;
    for (const e of engine) {
      if (e.t > this.position) break;
      if (e.snapshot) found = e.snapshot;
    }
    return found;
  });

  /** The engine's events up to now, latest last. */
  recent = $derived.by((): EngineEventRecord[] =>
    (this.timeline?.engine ?? []).filter((e) => e.t <= this.position && e.kind !== 'snapshot'),
  );

  async open(text: string, source: string): Promise<boolean> {
    try {
      const bundle = await openLarge(text, source);
      this.close();
      this.bundle = bundle;
      this.error = null;
      this.timeline = buildTimeline(bundle, this.idleLimit);
      return true;
    } catch (error) {
      this.error = error as AppErrorShape;
      return false;
    }
  }

  close(): void {
    this.pause();
    this.bundle = null;
    this.timeline = null;
    this.position = 0;
    this.cursor = 0;
  }

  /** A pane's terminal; it is drawn up to the current time at once. */
  attach(pane: number, sink: ReplaySink): () => void {
    this.sinks.set(pane, sink);
    this.redraw(pane);
    return () => {
      if (this.sinks.get(pane) === sink) this.sinks.delete(pane);
    };
  }

  play(): void {
    if (!this.timeline || this.playing) return;
    if (this.position >= this.timeline.duration) this.seek(0);
    this.playing = true;
    this.lastTick = performance.now();
    this.frame = requestAnimationFrame(this.tick);
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.frame);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setIdleLimit(limit: number | null): void {
    if (!this.bundle || !this.timeline) return;
    const fraction = this.timeline.duration ? this.position / this.timeline.duration : 0;
    this.idleLimit = limit;
    this.timeline = buildTimeline(this.bundle, limit);
    this.seek(fraction * this.timeline.duration);
  }

  /** Every pane as it was at time t. */
  seek(t: number): void {
    const timeline = this.timeline;
    if (!timeline) return;
    this.position = Math.max(0, Math.min(t, timeline.duration));
    this.cursor = firstAfter(timeline.entries, this.position);
    for (const pane of this.sinks.keys()) this.redraw(pane);
  }

  private redraw(pane: number): void {
    const sink = this.sinks.get(pane);
    const p = this.bundle?.panes[pane];
    if (!sink || !p || !this.timeline) return;
    sink.reset();
    sink.resize(p.width, p.height);
    for (const e of this.timeline.entries.slice(0, this.cursor))
      if (e.pane === pane) this.apply(sink, e.code, e.data);
  }

  private apply(sink: ReplaySink, code: string, data: string): void {
    if (code === 'o') sink.write(data);
    else if (code === 'r') {
      const [cols, rows] = data.split('x').map(Number);
      if (cols && rows) sink.resize(cols, rows);
    }
  }

  private tick = (now: number): void => {
    const timeline = this.timeline;
    if (!this.playing || !timeline) return;
    const next = Math.min(
      timeline.duration,
      this.position + ((now - this.lastTick) / 1000) * this.speed,
    );
    this.lastTick = now;
    const entries = timeline.entries;
    while (this.cursor < entries.length && entries[this.cursor]!.t <= next) {
      const e = entries[this.cursor++]!;
      const sink = this.sinks.get(e.pane);
      if (sink) this.apply(sink, e.code, e.data);
    }
    this.position = next;
    if (next >= timeline.duration) this.pause();
    else this.frame = requestAnimationFrame(this.tick);
  };
}

export const replay = new Replay();

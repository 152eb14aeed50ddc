// An engine's pull stream (one JSON object a line) folded into what a person
// wants to see: a row per layer with its phase and bytes, a total, and the
// engine's own error line when it fails. Pure: fed one event at a time.
import type { LayerPhase, LayerProgress, PullProgress } from '../../../shared/engine-map';

export interface PullEvent {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

const PHASES: [RegExp, LayerPhase][] = [
  [/^(Pulling fs layer|Waiting)/i, 'waiting'],
  [/^Downloading/i, 'download'],
  [/^(Verifying Checksum|Download complete)/i, 'downloaded'],
  [/^Extracting/i, 'extract'],
  [/^Pull complete/i, 'done'],
  [/^Already exists/i, 'exists'],
];

export class PullTracker {
  private readonly layers = new Map<string, LayerProgress>();
  private status = 'Asking the registry';
  private errorLine: string | null = null;

  constructor(readonly image: string) {}

  /** The engine's error line, when the stream carried one. */
  get error(): string | null {
    return this.errorLine;
  }

  add(ev: PullEvent): void {
    if (ev.error || ev.errorDetail?.message) {
      this.errorLine = ev.errorDetail?.message ?? ev.error ?? null;
      return;
    }
    const status = ev.status ?? '';
    const phase = PHASES.find(([re]) => re.test(status))?.[1];
    if (!ev.id || !phase) {
      if (status) this.status = status;
      return;
    }
    const layer = this.layers.get(ev.id) ?? { id: ev.id, phase, current: 0, total: null };
    layer.phase = phase;
    const detail = ev.progressDetail;
    if (phase === 'download' && detail?.total) {
      layer.total = detail.total;
      layer.current = detail.current ?? 0;
    } else if (phase === 'downloaded' || phase === 'extract' || phase === 'done') {
      // Downloaded in full; extraction's own byte count is shown by the phase, not added twice.
      if (layer.total !== null) layer.current = layer.total;
    }
    this.layers.set(ev.id, layer);
    this.status = 'Pulling';
  }

  progress(done = false): PullProgress {
    const layers = [...this.layers.values()];
    const sized = layers.filter((l) => l.total !== null);
    const total = sized.reduce((s, l) => s + l.total!, 0);
    const current = sized.reduce((s, l) => s + l.current, 0);
    const finished = layers.filter((l) => l.phase === 'done' || l.phase === 'exists').length;
    return {
      image: this.image,
      status: this.status,
      layers,
      current,
      total,
      // Bytes while downloading; once every layer is down, layers finished (extraction).
      fraction: layers.length
        ? total && current < total
          ? current / total
          : finished / layers.length
        : null,
      done,
      error: null,
    };
  }
}

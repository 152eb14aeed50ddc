// A recording laid on one replay clock: every pane's events and the engine's,
// in time order, with long idle gaps shortened to the idle-time limit (as
// asciinema's idle_time_limit does), and the markers to jump to.
import type { CastCode, EngineEventRecord, RecordingBundle } from '../../../../shared/recording';

export interface TimelineEntry {
  t: number;
  pane: number;
  code: CastCode;
  data: string;
}

export interface Marker {
  t: number;
  label: string;
}

export interface Timeline {
  entries: TimelineEntry[];
  engine: EngineEventRecord[];
  markers: Marker[];
  duration: number;
}

/** Maps recorded times to replay times: each gap longer than `limit` counts as `limit`. */
export function idleCompressor(times: number[], limit: number | null): (t: number) => number {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  const mapped = new Map<number, number>();
  let prev = 0;
  let at = 0;
  for (const t of sorted) {
    at += limit === null ? t - prev : Math.min(t - prev, limit);
    mapped.set(t, at);
    prev = t;
  }
  return (t) => mapped.get(t) ?? t;
}

export function buildTimeline(bundle: RecordingBundle, idleLimit: number | null): Timeline {
  const times = [
    ...bundle.panes.flatMap((p) => p.events.map((e) => e[0])),
    ...bundle.events.map((e) => e.t),
  ];
  const at = idleCompressor(times, idleLimit);
  const entries = bundle.panes
    .flatMap((p, pane) => p.events.map(([t, code, data]) => ({ t: at(t), pane, code, data })))
    // Stable: events of one pane keep their order at equal times.
    .sort((a, b) => a.t - b.t);
  const engine = bundle.events.map((e) => ({ ...e, t: at(e.t) }));
  const steps = engine.filter((e) => e.kind === 'step').map((e) => ({ t: e.t, label: e.subject }));
  const notes = entries
    .filter((e) => e.code === 'm' && !steps.some((s) => s.label === e.data))
    .map((e) => ({ t: e.t, label: e.data }));
  const markers = [...steps, ...notes]
    .sort((a, b) => a.t - b.t)
    .filter((m, i, all) => i === 0 || m.label !== all[i - 1]!.label || m.t !== all[i - 1]!.t);
  const duration = Math.max(0, ...entries.map((e) => e.t), ...engine.map((e) => e.t));
  return { entries, engine, markers, duration };
}

/** Index of the first entry later than t (entries are sorted by time). */
export function firstAfter(entries: readonly { t: number }[], t: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

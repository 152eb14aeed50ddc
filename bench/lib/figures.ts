// What every benchmark reports: figures with their baseline measured in the same run and a
// target. The runner repeats each benchmark, keeps the median with min and max, writes one
// JSON file per run and compares two such files figure by figure.

/** A target on the median: an absolute bound, or a bound on the ratio to the baseline. */
export interface Target {
  max?: number;
  min?: number;
  maxRatio?: number;
  minRatio?: number;
  /** Added to the baseline before comparing (e.g. "≤ raw + 3"). */
  maxOverBaseline?: number;
}

/** One figure of one run. Yes/no figures are 1/0. */
export interface Figure {
  id: string;
  metric: string;
  unit: string;
  value: number;
  baseline?: number;
  target?: Target;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export interface AggregateFigure {
  metric: string;
  unit: string;
  value: Spread;
  baseline?: Spread;
  target?: Target;
  met?: boolean;
}

export interface RunFile {
  at: string;
  cores: number;
  loadavg: { before: number[]; after: number[] };
  runs: number;
  benches: string[];
  figures: Record<string, AggregateFigure>;
}

function spread(values: number[]): Spread {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  const median = finite.length ? finite[Math.floor((finite.length - 1) / 2)]! : NaN;
  return {
    median,
    min: finite[0] ?? NaN,
    max: finite.at(-1) ?? NaN,
    runs: values,
  };
}

export function targetText(t: Target | undefined): string {
  if (!t) return '';
  const parts: string[] = [];
  if (t.max !== undefined) parts.push(`≤ ${t.max}`);
  if (t.min !== undefined) parts.push(`≥ ${t.min}`);
  if (t.maxRatio !== undefined) parts.push(`≤ ${t.maxRatio}× baseline`);
  if (t.minRatio !== undefined) parts.push(`≥ ${t.minRatio}× baseline`);
  if (t.maxOverBaseline !== undefined) parts.push(`≤ baseline + ${t.maxOverBaseline}`);
  return parts.join(', ');
}

function meets(t: Target, v: number, b: number | undefined): boolean {
  if (!Number.isFinite(v)) return false;
  if (t.max !== undefined && v > t.max) return false;
  if (t.min !== undefined && v < t.min) return false;
  if (b !== undefined && Number.isFinite(b)) {
    if (t.maxRatio !== undefined && v > b * t.maxRatio) return false;
    if (t.minRatio !== undefined && v < b * t.minRatio) return false;
    if (t.maxOverBaseline !== undefined && v > b + t.maxOverBaseline) return false;
  }
  return true;
}

/** Folds repeated runs of the same figures into medians with min and max. */
export function aggregate(runs: Figure[][]): Record<string, AggregateFigure> {
  const out: Record<string, AggregateFigure> = {};
  const ids = [...new Set(runs.flat().map((f) => f.id))];
  for (const id of ids) {
    const all = runs.map((r) => r.find((f) => f.id === id));
    const first = all.find((f) => f !== undefined)!;
    const value = spread(all.map((f) => f?.value ?? NaN));
    const baselines = all.map((f) => f?.baseline);
    const baseline = baselines.some((b) => b !== undefined)
      ? spread(baselines.map((b) => b ?? NaN))
      : undefined;
    const agg: AggregateFigure = { metric: first.metric, unit: first.unit, value };
    if (baseline) agg.baseline = baseline;
    if (first.target) {
      agg.target = first.target;
      agg.met = meets(first.target, value.median, baseline?.median);
    }
    out[id] = agg;
  }
  return out;
}

const fmt = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(Math.abs(v) >= 100 ? 0 : 2);
const withSpread = (s: Spread | undefined) =>
  !s ? '—' : s.runs.length > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [
    line(head),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...rows.map(line),
  ].join('\n');
}

/** The run's table: median (min–max) of Crosstalk and baseline, ratio, target, met. */
export function formatRun(figures: Record<string, AggregateFigure>): string {
  const rows = Object.entries(figures).map(([id, f]) => [
    id,
    `${f.metric}${f.unit ? ` (${f.unit})` : ''}`,
    withSpread(f.baseline),
    withSpread(f.value),
    f.baseline && f.baseline.median ? (f.value.median / f.baseline.median).toFixed(2) : '—',
    targetText(f.target),
    f.met === undefined ? '' : f.met ? 'yes' : 'no',
  ]);
  return table(['id', 'metric', 'baseline', 'Crosstalk', 'ratio', 'target', 'met'], rows);
}

/** The change per figure from an earlier run file to this one. */
export function formatCompare(before: RunFile, after: RunFile): string {
  const rows = Object.entries(after.figures).map(([id, f]) => {
    const old = before.figures[id];
    const was = old?.value.median;
    const now = f.value.median;
    const change =
      was === undefined || !Number.isFinite(was) || !was
        ? '—'
        : `${now >= was ? '+' : ''}${(((now - was) / was) * 100).toFixed(1)} %`;
    const ratio = (a: AggregateFigure | undefined) =>
      a?.baseline?.median ? fmt(a.value.median / a.baseline.median) : '—';
    return [id, f.unit, fmt(was), fmt(now), change, ratio(old), ratio(f)];
  });
  return table(['id', 'unit', 'before', 'after', 'change', 'ratio before', 'ratio after'], rows);
}

/**
 * BENCHMARKS.md's table from one or more run files (benches are run a few at a time): every
 * figure with its baseline from the same run, the ratio, its target and whether it is met,
 * and each file's date, cores and load average, so the table can be pasted as it is.
 */
export function formatMarkdown(files: { name: string; run: RunFile }[]): string {
  const rows: string[][] = [];
  const notes: string[] = [];
  files.forEach(({ name, run }, i) => {
    const n = i + 1;
    notes.push(
      `[${n}] \`${name}\`: ${run.at}, ${run.cores} cores, ${run.benches.join(', ')}, median of ${run.runs} (min–max), load average (1/5/15 min) ${run.loadavg.before.join(' / ')} before, ${run.loadavg.after.join(' / ')} after`,
    );
    for (const f of Object.values(run.figures)) {
      const ratio = f.baseline && f.baseline.median ? fmt(f.value.median / f.baseline.median) : '';
      rows.push([
        `${f.metric}${f.unit ? ` (${f.unit})` : ''}`,
        f.baseline ? withSpread(f.baseline) : '',
        withSpread(f.value),
        ratio,
        targetText(f.target),
        f.met === undefined ? '' : f.met ? 'yes' : '**no**',
        `[${n}]`,
      ]);
    }
  });
  return [
    table(['figure', 'baseline (same run)', 'Crosstalk', 'ratio', 'target', 'met', 'run'], rows),
    '',
    ...notes.map((line) => `${line}  `),
  ].join('\n');
}

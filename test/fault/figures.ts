// The fault suite's measured figures, printed and kept in test-results/fault-figures.json
// (RELIABILITY.md quotes the latest run on a fresh clone).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'test-results/fault-figures.json';

export function record(test: string, figures: Record<string, unknown>): void {
  console.log(`fault figures: ${test} ${JSON.stringify(figures)}`);
  mkdirSync('test-results', { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // First figure of this run.
  }
  all[test] = { ...figures, at: new Date().toISOString() };
  writeFileSync(FILE, JSON.stringify(all, null, 2) + '\n');
}

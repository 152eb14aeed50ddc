// Reading recordings as asciinema's player would: a header object, then one
// [time, code, data] event per line with times that never go back.
import { expect } from '@playwright/test';

export interface ParsedCast {
  header: { version: number; width: number; height: number; timestamp: number; title: string };
  events: [number, string, string][];
}

export function parseCastStrictly(text: string): ParsedCast {
  const [first, ...rest] = text.split('\n');
  const header = JSON.parse(first!) as ParsedCast['header'];
  expect(header.version).toBe(2);
  expect(Number.isInteger(header.width) && header.width > 0).toBe(true);
  expect(Number.isInteger(header.height) && header.height > 0).toBe(true);
  expect(header.timestamp).toBeGreaterThan(1_600_000_000);
  expect(typeof header.title).toBe('string');
  const events = rest.filter(Boolean).map((l) => JSON.parse(l) as [number, string, string]);
  let last = 0;
  for (const [t, code, data] of events) {
    expect(t).toBeGreaterThanOrEqual(last);
    expect(['o', 'i', 'r', 'm']).toContain(code);
    expect(typeof data).toBe('string');
    if (code === 'r') expect(data).toMatch(/^\d+x\d+$/);
    last = t;
  }
  return { header, events };
}

/** What a pane printed, all its output joined. */
export const outputOf = (cast: ParsedCast) =>
  cast.events
    .filter((e) => e[1] === 'o')
    .map((e) => e[2])
    .join('');

// asciicast v2, as asciinema's player reads it: a JSON header line, then one
// JSON array per event, [seconds, code, data], with times that never go back.
import { AppError } from '../../../shared/errors';
import type { CastEvent, CastHeader } from '../../../shared/recording';

export function castHeaderLine(header: CastHeader): string {
  return `${JSON.stringify(header)}\n`;
}

/** Events as lines; times rounded to microseconds as asciinema writes them. */
export function castEventLines(events: readonly CastEvent[]): string {
  return events
    .map(([t, code, data]) => `${JSON.stringify([Math.round(t * 1e6) / 1e6, code, data])}\n`)
    .join('');
}

function bad(name: string, line: number, reason: string): AppError {
  return new AppError(
    'invalid-input',
    `${name}, line ${line}: ${reason}`,
    'The file is not an asciicast v2 recording Crosstalk can replay; export it again.',
  );
}

function json(text: string, name: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw bad(name, line, `not JSON (${(error as Error).message})`);
  }
}

const CODES = new Set(['o', 'i', 'r', 'm']);

/** Parses and checks a .cast text; `lineOffset` places it inside a bundle's lines. */
export function parseCast(
  text: string,
  name: string,
  lineOffset = 0,
): { header: CastHeader; events: CastEvent[] } {
  const lines = text.split('\n');
  const header = json(lines[0] ?? '', name, 1 + lineOffset) as Partial<CastHeader> | null;
  if (!header || typeof header !== 'object' || header.version !== 2)
    throw bad(name, 1 + lineOffset, 'the header must be a JSON object with "version": 2.');
  for (const key of ['width', 'height'] as const) {
    const v = header[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1000)
      throw bad(
        name,
        1 + lineOffset,
        `the header's "${key}" must be a whole number of cells (1–1000).`,
      );
  }
  const events: CastEvent[] = [];
  let last = 0;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const line = i + 1 + lineOffset;
    const ev = json(raw, name, line);
    if (!Array.isArray(ev) || ev.length !== 3)
      throw bad(name, line, 'an event is [time, code, data].');
    const [t, code, data] = ev as unknown[];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0)
      throw bad(name, line, 'the time is seconds since the start, a number ≥ 0.');
    if (t < last) throw bad(name, line, `time ${t} is before the previous event's ${last}.`);
    if (typeof code !== 'string' || !CODES.has(code))
      throw bad(name, line, `"${String(code)}" is not an event code (o, i, r or m).`);
    if (typeof data !== 'string') throw bad(name, line, 'the data is a string.');
    if (code === 'r' && !/^\d+x\d+$/.test(data))
      throw bad(name, line, `a resize is "COLSxROWS", not "${data}".`);
    last = t;
    events.push([t, code as CastEvent[1], data]);
  }
  return { header: header as CastHeader, events };
}

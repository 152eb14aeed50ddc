// Reads a YAML (or JSON) text so that every later complaint can name its line:
// syntax errors come with their position, and a schema issue's path is walked
// down the document to the node it points at (or the nearest one that exists).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';

export interface SourceText {
  doc: Document;
  lines: LineCounter;
  /** What the person calls the file (its name), for messages. */
  name: string;
}

export function readSource(text: string, name: string, what: string): SourceText {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = lines.linePos(error.pos[0]).line;
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new AppError(
      'invalid-input',
      `${name}, line ${line}: ${reason}`,
      `Fix line ${line} of the ${what}: it must be valid YAML or JSON.`,
    );
  }
  return { doc, lines, name };
}

type PathKey = PropertyKey;

/** The line a path points at: the node itself, or its nearest existing parent. */
export function lineOf(source: SourceText, path: readonly PathKey[]): number {
  let node: unknown = source.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const key of path) {
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      next = pair.value as Node | null;
      offset = next?.range?.[0] ?? (pair.key as Node).range?.[0] ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key] as Node | undefined;
      if (!next) break;
      offset = next.range?.[0] ?? offset;
    } else break;
    node = next;
  }
  return source.lines.linePos(offset).line;
}

function field(path: readonly PathKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`))
    .join('');
}

/** Where an issue points; an unknown key points at that key, not at its object. */
export function issuePath(issue: z.core.$ZodIssue): (string | number)[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  return issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
}

/** A schema issue as the person reads it: the file, the line, the field and the reason. */
export function issueError(source: SourceText, issue: z.core.$ZodIssue, what: string): AppError {
  const path = issuePath(issue);
  const line = lineOf(source, path);
  const where = path.length ? `${field(path)}: ` : '';
  return new AppError(
    'invalid-input',
    `${source.name}, line ${line}: ${where}${issue.message}`,
    `Fix line ${line} of the ${what} and open it again.`,
  );
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  source: SourceText,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(source.doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) throw issueError(source, parsed.error.issues[0]!, what);
  return parsed.data;
}

// Serves the built renderer: only files inside its folder, with their types.
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** A build's hashed asset (assets/<name>-<hash>.<ext>): its content never changes. */
  immutable: boolean;
}

/** Vite names every built asset after its content's hash; index.html and public files not. */
const HASHED = /^\/assets\/[\w.-]+-[\w-]{8}\.\w+$/;

/** Hashed assets already read: they cannot change under their name. */
const kept = new Map<string, StaticFile>();

/**
 * Synchronous on purpose: the files are small and local, and at start browser mode's event
 * loop runs the engine's module evaluations between its turns. An asynchronous read took
 * several turns (stat, open, read, close), each of which could wait behind a whole module,
 * so a first-screen script was served a module or two late (start-up, BENCHMARKS.md).
 */
export function readStatic(root: string, urlPath: string): StaticFile | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const full = normalize(join(root, rel));
  if (!full.startsWith(normalize(root) + sep)) return null;
  const known = kept.get(full);
  if (known) return known;
  try {
    if (!statSync(full).isFile()) return null;
    const file = {
      body: readFileSync(full),
      type: TYPES[extname(full)] ?? 'application/octet-stream',
      immutable: HASHED.test(rel),
    };
    if (file.immutable) kept.set(full, file);
    return file;
  } catch {
    return null;
  }
}

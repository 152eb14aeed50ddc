// The docs' pictures come from the e2e run, but only when asked: no spec writes into docs/
// directly (a test run must leave the tree clean), and every picture README and docs/ show is
// one that `npm run docs:screenshots` takes, so none goes stale unseen.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const specs = readdirSync(join(root, 'e2e'))
  .filter((f) => f.endsWith('.spec.ts'))
  .map((f) => ({ file: f, text: read(`e2e/${f}`) }));

it('no e2e spec writes a screenshot into docs/ itself', () => {
  for (const { file, text } of specs)
    expect(text, file).not.toMatch(/screenshot\(\{[^}]*path:\s*['"`]docs\//);
});

it('every picture README and docs/ show is taken by docsShot in some spec', () => {
  const taken = new Set(
    specs.flatMap(({ text }) =>
      [...text.matchAll(/docsShot\(\w+, '([\w-]+\.png)'\)/g)].map((m) => m[1]),
    ),
  );
  const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));
  const shown = [read('README.md'), ...docs.map((f) => read(`docs/${f}`))].flatMap((text) =>
    [...text.matchAll(/(?:docs\/|\()([\w-]+\.png)\)/g)].map((m) => m[1]),
  );
  expect(shown.length).toBeGreaterThan(5);
  for (const name of shown) expect(taken, name).toContain(name);
});

it('npm run docs:screenshots asks for the pictures', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  expect(scripts['docs:screenshots']).toContain('CT_SCREENSHOTS=1');
});

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (path: string) => {
  const head = readFileSync(join(root, path));
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
};

it('shows the stage, dark and light, and the six-container diagram at 1280×720 (a projector)', () => {
  for (const name of [
    'screenshot-stage-dark.png',
    'screenshot-stage-light.png',
    'diagram-six-containers.png',
  ])
    expect(pngSize(`docs/${name}`), name).toEqual({ width: 1280, height: 720 });
  expect(read('README.md')).toMatch(/!\[[^\]]*\]\(docs\/screenshot-stage-dark\.png\)/);
});

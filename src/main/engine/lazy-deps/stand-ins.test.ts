// The stand-ins the main build puts in place of dockerode's build-time packages
// (electron.vite.config.ts): nothing is loaded until a call needs it, and then the call does
// what the real package does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const loaded = (pkg: string) =>
  Object.keys(require.cache).some((file) => file.includes(`/node_modules/${pkg}/`));

const dir = mkdtempSync(join(tmpdir(), 'stand-ins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("dockerode's build-time packages, on first use", () => {
  it('tar-fs is loaded by the first pack, which tars the folder', async () => {
    const tarFs = require('./tar-fs-on-demand.cjs') as {
      pack(dir: string, opts?: object): Readable;
    };
    expect(loaded('tar-fs')).toBe(false);
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    const chunks: Buffer[] = [];
    for await (const chunk of tarFs.pack(dir)) chunks.push(chunk as Buffer);
    expect(loaded('tar-fs')).toBe(true);
    const tar = Buffer.concat(chunks);
    // Tar blocks are 512 bytes: a header naming the entry, then its content.
    expect(tar.length % 512).toBe(0);
    const blocks = Array.from({ length: tar.length / 512 }, (_, i) =>
      tar.subarray(i * 512, (i + 1) * 512),
    );
    const header = blocks.findIndex((b) => b.subarray(0, 11).toString() === 'Dockerfile\0');
    expect(header).toBeGreaterThanOrEqual(0);
    expect(blocks[header + 1]!.subarray(0, 13).toString()).toBe('FROM scratch\n');
  });

  it('dockerignore is loaded by the first call, and filters as the real one', () => {
    const dockerIgnore = require('./dockerignore-on-demand.cjs') as (opts: object) => {
      add(rules: string): { ignores(path: string): boolean };
    };
    expect(loaded('@balena/dockerignore')).toBe(false);
    const rules = dockerIgnore({ ignorecase: false }).add('*.log\n!keep.log');
    expect(loaded('@balena/dockerignore')).toBe(true);
    expect(rules.ignores('build.log')).toBe(true);
    expect(rules.ignores('keep.log')).toBe(false);
  });

  it("uuid's v4 gives a random version-4 id", () => {
    const { v4 } = require('./uuid-v4.cjs') as { v4(): string };
    const id = v4();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(v4()).not.toBe(id);
  });
});

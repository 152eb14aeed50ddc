import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESS_FILE, keepAccess, listenKept } from './kept-access';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'kept-access-')), 'crosstalk');
const mode = (path: string) => statSync(path).mode & 0o777;

describe('keepAccess', () => {
  it('keeps one token across runs, in a 0600 file in a 0700 folder', () => {
    const dir = fresh();
    const first = keepAccess({ dir });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.note).toBeNull();
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, ACCESS_FILE))).toBe(0o600);
    expect(keepAccess({ dir }).token).toBe(first.token);
  });

  it('keeps the port a run listened on', () => {
    const dir = fresh();
    keepAccess({ dir }).rememberPort(41234);
    expect(keepAccess({ dir }).port).toBe(41234);
    expect(mode(join(dir, ACCESS_FILE))).toBe(0o600);
  });

  it('rotates the token with --new-token (the port stays), and says so', () => {
    const dir = fresh();
    const old = keepAccess({ dir });
    old.rememberPort(41235);
    const rotated = keepAccess({ dir, newToken: true });
    expect(rotated.token).not.toBe(old.token);
    expect(rotated.port).toBe(41235);
    expect(rotated.note).toMatch(/new access token/);
    expect(keepAccess({ dir }).token).toBe(rotated.token);
  });

  it('replaces a token others could read, and tightens the file and folder', () => {
    const dir = fresh();
    const old = keepAccess({ dir }).token;
    chmodSync(join(dir, ACCESS_FILE), 0o644);
    chmodSync(dir, 0o755);
    const repaired = keepAccess({ dir });
    expect(repaired.token).not.toBe(old);
    expect(repaired.note).toMatch(/folder was mode 0755, now 0700/);
    expect(repaired.note).toMatch(/mode 0644 \(readable by others\): made a new token/);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, ACCESS_FILE))).toBe(0o600);
  });

  it('replaces an unreadable or malformed file', () => {
    const dir = fresh();
    keepAccess({ dir });
    writeFileSync(join(dir, ACCESS_FILE), '{"token":"short"}', { mode: 0o600 });
    const renewed = keepAccess({ dir });
    expect(renewed.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(renewed.note).toMatch(/unreadable/);
    expect(JSON.parse(readFileSync(join(dir, ACCESS_FILE), 'utf8'))).toMatchObject({
      token: renewed.token,
    });
  });

  it('refuses a link in place of the file, and a folder of another user', () => {
    const dir = fresh();
    keepAccess({ dir });
    const elsewhere = join(dir, 'elsewhere.json');
    writeFileSync(elsewhere, '{}', { mode: 0o600 });
    rmSync(join(dir, ACCESS_FILE));
    symlinkSync(elsewhere, join(dir, ACCESS_FILE));
    expect(() => keepAccess({ dir })).toThrow(/not a plain file/);
    expect(() => keepAccess({ dir: fresh(), uid: 12345 })).toThrow(/belongs to another user/);
  });
});

describe('listenKept', () => {
  const listenOn = (port: number) =>
    new Promise<{ port: number; close(): void }>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as { port: number };
        resolve({ port: bound, close: () => server.close() });
      });
    });

  it('listens on the kept port, or on a free one when it is taken, and keeps the new one', async () => {
    const dir = fresh();
    const access = keepAccess({ dir });
    const first = await listenKept(access, null, listenOn, () => undefined);
    first.close();
    await new Promise((r) => setTimeout(r, 20));
    const again = await listenKept(keepAccess({ dir }), null, listenOn, () => undefined);
    expect(again.port).toBe(first.port);
    const warned: string[] = [];
    const moved = await listenKept(keepAccess({ dir }), null, listenOn, (w) => warned.push(w));
    expect(moved.port).not.toBe(first.port);
    expect(warned[0]).toMatch(new RegExp(`port ${first.port} .* is taken`));
    expect(keepAccess({ dir }).port).toBe(moved.port);
    again.close();
    moved.close();
  });
});

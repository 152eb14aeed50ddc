// The fuse step, through @electron/fuses itself, on a file laid out the way an
// Electron binary carries its fuse wire (sentinel, version, length, one byte per
// fuse): no Electron binary can be had here, so this checks which fuses the step
// flips and which it leaves, not that Electron honours them.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuseElectron } from '../../scripts/electron-fuses.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const [OFF, ON] = [48, 49];
// Electron's shipped defaults: RunAsNode, NodeOptions, inspect and file:// privileges on.
const SHIPPED = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];

function binaryWithWire(dir: string): string {
  const path = join(dir, 'electron');
  const wire = Buffer.from([1, SHIPPED.length, ...SHIPPED]);
  writeFileSync(path, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire]));
  return path;
}

describe('electron fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS, --inspect and file:// privileges; turns on cookie encryption', async () => {
    const wire = await fuseElectron(binaryWithWire(mkdtempSync(join(tmpdir(), 'ct-fuses-'))));
    expect(wire).toEqual({
      version: '1',
      0: OFF, // RunAsNode
      1: ON, // EnableCookieEncryption
      2: OFF, // EnableNodeOptionsEnvironmentVariable
      3: OFF, // EnableNodeCliInspectArguments
      4: OFF, // EnableEmbeddedAsarIntegrityValidation: untouched (needs an asar)
      5: OFF, // OnlyLoadAppFromAsar: untouched (needs an asar)
      6: OFF, // LoadBrowserProcessSpecificV8Snapshot: untouched
      7: OFF, // GrantFileProtocolExtraPrivileges
      8: ON, // a fuse newer than the config: untouched
    });
  });

  it('refuses the development binary under node_modules', async () => {
    const dir = join('node_modules', '.cache', `ct-fuses-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      await expect(fuseElectron(binaryWithWire(dir))).rejects.toThrow(/development binary/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioKeyFor } from './scenario/keys';
import { SCENARIO_SHORTCUTS, SHORTCUTS, shortcutFor, type KeyLike } from './shortcuts';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps each listed key to its shortcut', () => {
    for (const s of SHORTCUTS) expect(shortcutFor(press(s.key, { shiftKey: s.shift }))).toBe(s.id);
  });

  it('tells F6 from Shift+F6', () => {
    expect(shortcutFor(press('F6'))).toBe('nextPane');
    expect(shortcutFor(press('F6', { shiftKey: true }))).toBe('previousPane');
  });

  it('leaves keys a shell needs to the console', () => {
    for (const key of ['Tab', 'Escape', 'a', '~', 'ArrowLeft', 'Enter', 'F5', 'F12'])
      expect(shortcutFor(press(key))).toBeNull();
    expect(shortcutFor(press('F8', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('F6', { altKey: true }))).toBeNull();
  });

  it('lists every key once', () => {
    const combos = SHORTCUTS.map((s) => `${s.shift}:${s.key}`);
    expect(new Set(combos).size).toBe(combos.length);
  });
});

describe('the scenario keys', () => {
  it('are in the F1 list, read from the same table the keys are', () => {
    const listed = SCENARIO_SHORTCUTS.map((s) => s.keys);
    expect(listed).toEqual(expect.arrayContaining(['F7', 'Shift+F7', 'F4']));
    for (const s of SCENARIO_SHORTCUTS)
      expect(
        scenarioKeyFor({ ...press(s.key, { shiftKey: s.shift }), inConsole: true }),
        s.keys,
      ).toBe(s.id);
  });

  it('never take a key an app shortcut has', () => {
    const app = new Set(SHORTCUTS.map((s) => `${s.shift}:${s.key}`));
    for (const s of SCENARIO_SHORTCUTS) expect(app.has(`${s.shift}:${s.key}`)).toBe(false);
  });

  it('are all in the README key table', () => {
    const table = readFileSync('README.md', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => /^\| `([^`]+)`/.exec(l)![1]);
    for (const s of [...SHORTCUTS, ...SCENARIO_SHORTCUTS]) expect(table).toContain(s.keys);
  });
});

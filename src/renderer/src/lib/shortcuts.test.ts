import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyLike } from './shortcuts';

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

// The app's own keys. They are read in the capture phase, before a console's xterm sees
// them, so none of them is ever typed into a shell; keys a shell needs (Tab, Esc, Ctrl-…,
// Alt-…) are left alone, which is why they are all function keys.
export type ShortcutId =
  'help' | 'nextPane' | 'previousPane' | 'largeText' | 'stageMode' | 'maximize' | 'pin';

export interface Shortcut<Id extends string = ShortcutId> {
  id: Id;
  key: string;
  shift: boolean;
  /** How the help lists it. */
  keys: string;
  does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'help', key: 'F1', shift: false, keys: 'F1', does: 'Show or hide this list of keys' },
  {
    id: 'nextPane',
    key: 'F6',
    shift: false,
    keys: 'F6',
    does: 'Focus the next console (then the open panels and the header)',
  },
  {
    id: 'previousPane',
    key: 'F6',
    shift: true,
    keys: 'Shift+F6',
    does: 'Focus the previous console',
  },
  { id: 'largeText', key: 'F8', shift: false, keys: 'F8', does: 'Large text on or off' },
  {
    id: 'stageMode',
    key: 'F8',
    shift: true,
    keys: 'Shift+F8',
    does: 'Stage mode on or off: one-line headers, larger consoles, actions in menus',
  },
  {
    id: 'maximize',
    key: 'F9',
    shift: false,
    keys: 'F9',
    does: 'Maximize the focused pane, or show every pane again',
  },
  {
    id: 'pin',
    key: 'F9',
    shift: true,
    keys: 'Shift+F9',
    does: 'Pin or unpin the focused pane; two pinned panes fill the window side by side',
  },
];

/** The speaker's keys while a scenario is set up (docs/scenarios.md). */
export type ScenarioKey = 'next' | 'back' | 'autoplay';

export const SCENARIO_SHORTCUTS: readonly Shortcut<ScenarioKey>[] = [
  {
    id: 'next',
    key: 'F7',
    shift: false,
    keys: 'F7',
    does: 'Scenario: run the next step, its actions then its check (PageDown outside a console)',
  },
  {
    id: 'back',
    key: 'F7',
    shift: true,
    keys: 'Shift+F7',
    does: 'Scenario: back one step; the next F7 types it again (PageUp outside a console)',
  },
  {
    id: 'autoplay',
    key: 'F4',
    shift: false,
    keys: 'F4',
    does: "Scenario: autoplay the remaining steps with the file's timings; F7 stops it",
  },
];

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** The shortcut a key press means, or null when it belongs to whatever has focus. */
export function shortcutFor(e: KeyLike): ShortcutId | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  return SHORTCUTS.find((s) => s.key === e.key && s.shift === e.shiftKey)?.id ?? null;
}

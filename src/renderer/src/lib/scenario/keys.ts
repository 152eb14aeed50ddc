// The bytes a terminal sends for each key a scenario may press.
import type { KeyName } from '../../../../shared/scenario';
import { SCENARIO_SHORTCUTS, type ScenarioKey } from '../shortcuts';

export type { ScenarioKey };

export const keyBytes: Record<KeyName, string> = {
  Enter: '\r',
  'Ctrl-C': '\x03',
  'Ctrl-D': '\x04',
  Tab: '\t',
  Escape: '\x1b',
  Backspace: '\x7f',
  Up: '\x1b[A',
  Down: '\x1b[B',
  Right: '\x1b[C',
  Left: '\x1b[D',
};

/** The speaker's keys. F-keys never reach a shell; PageDown/PageUp (a clicker's keys) only outside a console. */
export function scenarioKeyFor(e: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  inConsole: boolean;
}): ScenarioKey | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const listed = SCENARIO_SHORTCUTS.find((s) => s.key === e.key && s.shift === e.shiftKey);
  if (listed) return listed.id;
  if (!e.inConsole && !e.shiftKey) {
    if (e.key === 'PageDown') return 'next';
    if (e.key === 'PageUp') return 'back';
  }
  return null;
}

// Which side panel is open, which container the inspector shows, and which panes the grid
// shows: all, one maximized, or a pinned pair side by side (remembered across reloads).
import { isRecord, remembered, type Reader } from './remembered';
import { shownPanes, togglePin } from './pane-selection';

export type PanelName = 'lessons' | 'scenario' | 'engine' | 'networks' | 'inspector';

interface Arrangement {
  maximized: string | null;
  pinned: string[];
}
const readArrangement: Reader<Arrangement> = (raw) => {
  if (!isRecord(raw)) return null;
  const { maximized, pinned } = raw;
  if (maximized !== null && typeof maximized !== 'string') return null;
  if (!Array.isArray(pinned) || pinned.length > 2) return null;
  if (!pinned.every((p): p is string => typeof p === 'string')) return null;
  return { maximized, pinned };
};
const saved = remembered('crosstalk.layout', readArrangement, { maximized: null, pinned: [] });

class Layout {
  panel = $state<PanelName | null>(null);
  inspected = $state<string | null>(null);
  maximized = $state<string | null>(saved.value.maximized);
  pinned = $state<string[]>(saved.value.pinned);
  /** The pane that last had the keyboard: F9 acts on it when focus is elsewhere. */
  lastFocused = $state<string | null>(null);

  toggle(panel: PanelName): void {
    this.panel = this.panel === panel ? null : panel;
  }

  inspect(containerId: string): void {
    this.inspected = containerId;
    this.panel = 'inspector';
  }

  /** Maximizes a pane, or shows every pane again when one is maximized. */
  toggleMaximized(id: string | null): void {
    this.maximized = this.maximized || !id ? null : id;
    this.save();
  }

  /** Pins a pane (a third replaces the oldest) or unpins it. */
  togglePinned(id: string): void {
    this.pinned = togglePin(this.pinned, id);
    this.maximized = null;
    this.save();
  }

  showAll(): void {
    this.maximized = null;
    this.pinned = [];
    this.save();
  }

  /** The panes to show, in order, of those that exist. */
  shown(ids: readonly string[]): string[] {
    return shownPanes(ids, this);
  }

  /** A pinned pair is shown side by side whatever the window's shape. */
  pairPinned(ids: readonly string[]): boolean {
    return !this.maximized && this.pinned.filter((id) => ids.includes(id)).length === 2;
  }

  private save(): void {
    saved.value = { maximized: this.maximized, pinned: this.pinned };
  }
}

export const layout = new Layout();

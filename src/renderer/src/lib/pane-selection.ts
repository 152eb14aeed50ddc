// Which panes the grid shows: one maximized, a pinned pair alone, or all (pinned first).

export interface Selection {
  maximized: string | null;
  pinned: readonly string[];
}

export function shownPanes(ids: readonly string[], s: Selection): string[] {
  if (s.maximized && ids.includes(s.maximized)) return [s.maximized];
  const pinned = s.pinned.filter((id) => ids.includes(id));
  if (pinned.length === 2) return pinned;
  return [...pinned, ...ids.filter((id) => !pinned.includes(id))];
}

/** Pins a pane (a third replaces the oldest) or unpins it. */
export function togglePin(pinned: readonly string[], id: string): string[] {
  return pinned.includes(id) ? pinned.filter((p) => p !== id) : [...pinned, id].slice(-2);
}

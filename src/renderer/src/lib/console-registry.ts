// The open consoles, by container, for views that are not the console itself: the diagram
// focuses a container's console when its node is clicked and labels connection edges with
// the bytes the app itself saw pass through that console; a lesson step types into one.

export interface ConsoleBytes {
  /** Typed into the container (keys and pastes sent to it). */
  input: number;
  /** Printed by the container. */
  output: number;
}

export interface ConsoleHandle {
  focus(): void;
  /** Sends text to the container as if it were typed. */
  type(text: string): void;
  /** Sends Ctrl-C. */
  interrupt(): void;
  /** Plain counters, bumped by the console; readers sample them. */
  readonly bytes: ConsoleBytes;
  /** The text of the terminal's last lines (scrollback included), for a scenario's waits. */
  text(): string;
  size(): { cols: number; rows: number };
}

/** What a recording hears from a console: output, input (typed or sent), resizes. */
export type ConsoleTap = (code: 'o' | 'i' | 'r', data: Uint8Array | string) => void;
const taps = new Map<string, Set<ConsoleTap>>();

/** Listens to a container's console, across re-mounts of the console; returns the stop. */
export function tapConsole(containerId: string, tap: ConsoleTap): () => void {
  const set = taps.get(containerId) ?? new Set();
  taps.set(containerId, set.add(tap));
  return () => {
    set.delete(tap);
    if (!set.size) taps.delete(containerId);
  };
}

/** Called by the console for every chunk; one map lookup when nothing records. */
export function tapped(containerId: string, code: 'o' | 'i' | 'r', data: Uint8Array | string) {
  const set = taps.get(containerId);
  if (set) for (const tap of set) tap(code, data);
}

const byContainer = new Map<string, ConsoleHandle>();

/** Registers a console; returns the unregister (which only removes this very handle). */
export function registerConsole(containerId: string, handle: ConsoleHandle): () => void {
  byContainer.set(containerId, handle);
  return () => {
    if (byContainer.get(containerId) === handle) byContainer.delete(containerId);
  };
}

/** Focuses the container's console; false when it has none open. */
export function focusConsole(containerId: string): boolean {
  const handle = byContainer.get(containerId);
  handle?.focus();
  return handle !== undefined;
}

export function consoleBytes(containerId: string): ConsoleBytes | undefined {
  return byContainer.get(containerId)?.bytes;
}

export function openConsole(containerId: string): ConsoleHandle | undefined {
  return byContainer.get(containerId);
}

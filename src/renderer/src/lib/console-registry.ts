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

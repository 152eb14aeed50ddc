// The consoles on screen, by container id, so a lesson step can type into the
// right one and the diagram can focus one.
export interface ConsoleHandle {
  type(text: string): void;
  interrupt(): void;
  focus(): void;
}

const handles = new Map<string, ConsoleHandle>();

export const consoleRegistry = {
  register(containerId: string, handle: ConsoleHandle): () => void {
    handles.set(containerId, handle);
    return () => {
      if (handles.get(containerId) === handle) handles.delete(containerId);
    };
  },
  get(containerId: string): ConsoleHandle | undefined {
    return handles.get(containerId);
  },
};

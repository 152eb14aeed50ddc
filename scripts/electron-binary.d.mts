/** The Electron binary's path, or null where none is installed. */
export function electronBinary(): string | null;

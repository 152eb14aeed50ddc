/** Builds with electron-vite when out/ is missing or older than a source file. */
export function ensureBuilt(): void;

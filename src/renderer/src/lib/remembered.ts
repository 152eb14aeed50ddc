// A setting kept in localStorage across reloads. What comes back is checked by the setting's
// own reader: a stale or hand-edited value falls back to the default instead of breaking
// the app. (The renderer carries no zod; these shapes are small enough to check by hand.)
export interface Remembered<T> {
  value: T;
}

/** Reads a stored value: the setting, or null when it is not one. */
export type Reader<T> = (raw: unknown) => T | null;

export function remembered<T>(key: string, read: Reader<T>, fallback: T): Remembered<T> {
  let current = fallback;
  try {
    const raw = localStorage.getItem(key);
    current = (raw === null ? null : read(JSON.parse(raw))) ?? fallback;
  } catch {
    // Unreadable JSON or storage switched off: start from the default.
  }
  return {
    get value() {
      return current;
    },
    set value(next: T) {
      current = next;
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or switched off: the setting lasts for this session only.
      }
    },
  };
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

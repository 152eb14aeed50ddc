// Each engine's colour, the same for its key wherever it shows (pane badges, diagram hosts),
// in every window and session: a hash of the key picks one of a few hues far apart.

const HUES = [205, 28, 140, 280, 350, 55, 175, 240] as const;

/** FNV-1a over the key's UTF-16 code units: stable and spread well for short keys. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function engineHue(key: string): number {
  return HUES[hash(key) % HUES.length]!;
}

/** The badge's colour: readable on the dark and the light theme alike. */
export function engineColour(key: string): string {
  return `hsl(${engineHue(key)} 70% 52%)`;
}

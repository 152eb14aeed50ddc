// Which of the header's optional parts fit on its one line. The header never wraps (a
// second line takes the height the docked diagram needs) and never squeezes the status
// pill: parts give way one by one, most expendable first, until the rest fit. A part that
// is a tool moves into the More actions menu; the others (the product's name, the
// endpoint, the engine's version) are in the engine map and the pill's tooltip anyway.

export interface HeaderPart {
  id: string;
  /** Its natural width, in px. */
  width: number;
  /** The gap it adds beside its neighbour, in px. */
  gap: number;
  /** Whether, once it gives way, the More actions menu holds it. */
  inMenu: boolean;
}

export interface HeaderRoom {
  /** The line's width for the optional parts: the bar's less what always shows. */
  room: number;
  /** Most expendable first. */
  parts: HeaderPart[];
  /** The More actions button with its gap. */
  more: number;
  /** The menu shows whatever else fits (stage mode keeps some tools in it). */
  moreAlways: boolean;
}

export interface HeaderFit {
  shown: Set<string>;
  more: boolean;
}

export function fitHeader({ room, parts, more, moreAlways }: HeaderRoom): HeaderFit {
  let used = parts.reduce((sum, p) => sum + p.width + p.gap, 0) + (moreAlways ? more : 0);
  let withMore = moreAlways;
  const shown = new Set(parts.map((p) => p.id));
  for (const part of parts) {
    if (used <= room) break;
    shown.delete(part.id);
    used -= part.width + part.gap;
    if (part.inMenu && !withMore) {
      withMore = true;
      used += more;
    }
  }
  return { shown, more: withMore };
}

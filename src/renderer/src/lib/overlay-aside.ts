// Panels that float over the grid (the side panel at the left edge, the diagram at the
// right) step aside from the console that has the keyboard: a speaker typing must see the
// whole of it. Only an overlay that would cover the focused pane moves; the other stays.

export interface Span {
  left: number;
  right: number;
}

export interface Overlays {
  /** Widths of the panels floating over the grid (0: closed or docked beside it). */
  side: number;
  diagram: number;
}

export interface Aside {
  side: boolean;
  diagram: boolean;
}

/** Which overlays cover `pane` (both spans in the same coordinates as `work`). */
export function overlaysAside(pane: Span | null, work: Span, overlays: Overlays): Aside {
  if (!pane) return { side: false, diagram: false };
  return {
    side: overlays.side > 0 && pane.left < work.left + overlays.side,
    diagram: overlays.diagram > 0 && pane.right > work.right - overlays.diagram,
  };
}

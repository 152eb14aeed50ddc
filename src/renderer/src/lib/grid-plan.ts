// How the consoles share the window: rows × columns chosen for the area's shape, and whether
// the side panel and the diagram sit beside the grid or float over it. A panel docks only
// when every console beside it still shows at least 80 × 12 characters; otherwise it
// overlays the grid, so opening a panel never squeezes the consoles.

export interface CellSize {
  /** One character of the console font, in px. */
  w: number;
  h: number;
}

export interface PlanInput {
  width: number;
  height: number;
  panes: number;
  cell: CellSize;
  /** A pane's header and the console's inner margins, in px. */
  chrome: { w: number; h: number };
  /** Widths of the open panels (0 when closed). */
  side: number;
  diagram: number;
  /** Pinned pair: always side by side. */
  forceColumns?: number;
}

export interface GridPlan {
  cols: number;
  rows: number;
  /** Each row's height in px when the grid must scroll, else null (rows share the height). */
  rowHeight: number | null;
  sideDocked: boolean;
  diagramDocked: boolean;
}

export const GAP = 10;
/** What a console must keep beside a docked panel. */
export const MIN_DOCKED = { cols: 80, rows: 12 };
/** Below this a pane gets no smaller: the grid scrolls instead. */
export const MIN_PANE = { cols: 40, rows: 6 };
/** The console size a shape is judged by (a classic terminal). */
const IDEAL = { cols: 80, rows: 24 };

interface Shape {
  cols: number;
  rows: number;
  consoleCols: number;
  consoleRows: number;
}

function shapeAt(cols: number, input: PlanInput, width: number, height: number): Shape {
  const rows = Math.ceil(input.panes / cols);
  const cellW = (width - GAP * (cols + 1)) / cols;
  const cellH = (height - GAP * (rows + 1)) / rows;
  return {
    cols,
    rows,
    consoleCols: Math.floor((cellW - input.chrome.w) / input.cell.w),
    consoleRows: Math.floor((cellH - input.chrome.h) / input.cell.h),
  };
}

/** The shape that shows an 80 × 24 console largest; ties go to fewer empty cells. */
export function bestShape(input: PlanInput, width: number, height: number): Shape {
  const n = Math.max(1, input.panes);
  if (input.forceColumns) return shapeAt(Math.min(input.forceColumns, n), input, width, height);
  let best: Shape | null = null;
  let bestScore = -Infinity;
  for (let cols = 1; cols <= n; cols++) {
    const shape = shapeAt(cols, { ...input, panes: n }, width, height);
    const score =
      Math.min(shape.consoleCols / IDEAL.cols, shape.consoleRows / IDEAL.rows) -
      (shape.cols * shape.rows - n) * 0.001;
    if (score > bestScore) {
      best = shape;
      bestScore = score;
    }
  }
  return best!;
}

const fits = (s: Shape, min: { cols: number; rows: number }) =>
  s.consoleCols >= min.cols && s.consoleRows >= min.rows;

export function planGrid(input: PlanInput): GridPlan {
  const { width, height } = input;
  let gridWidth = width;
  let sideDocked = false;
  let diagramDocked = false;
  // The side panel docks first, then the diagram, each only if the consoles keep 80 × 12.
  if (input.side > 0 && fits(bestShape(input, width - input.side, height), MIN_DOCKED)) {
    sideDocked = true;
    gridWidth -= input.side;
  }
  if (
    input.diagram > 0 &&
    (sideDocked || input.side === 0) &&
    fits(bestShape(input, gridWidth - input.diagram, height), MIN_DOCKED)
  ) {
    diagramDocked = true;
    gridWidth -= input.diagram;
  }
  const shape = bestShape(input, gridWidth, height);
  if (fits(shape, MIN_PANE)) return { ...shape, rowHeight: null, sideDocked, diagramDocked };
  // Too many panes for the window: as many columns as stay readable, rows that scroll.
  const minW = MIN_PANE.cols * input.cell.w + input.chrome.w;
  const cols = Math.max(
    1,
    Math.min(input.forceColumns ?? input.panes, Math.floor((gridWidth - GAP) / (minW + GAP))),
  );
  const rows = Math.ceil(input.panes / cols);
  const minH = MIN_PANE.rows * input.cell.h + input.chrome.h;
  const shared = (height - GAP * (rows + 1)) / rows;
  return {
    cols,
    rows,
    rowHeight: shared >= minH ? null : Math.ceil(minH),
    sideDocked,
    diagramDocked,
  };
}

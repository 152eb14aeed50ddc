import { describe, expect, it } from 'vitest';
import { MIN_DOCKED, bestShape, planGrid, type PlanInput } from './grid-plan';

// DejaVu Sans Mono cells as xterm measures them, and a pane's header and margins.
const normal = { w: 7.8, h: 15 };
const large = { w: 12, h: 23 };
const base: PlanInput = {
  width: 1280,
  height: 675,
  panes: 1,
  cell: normal,
  chrome: { w: 14, h: 95 },
  side: 0,
  diagram: 0,
};

describe('bestShape', () => {
  it('gives one pane the whole area', () => {
    expect(bestShape(base, 1280, 675)).toMatchObject({ cols: 1, rows: 1 });
  });

  it('puts two panes side by side on a landscape window, stacked on a portrait one', () => {
    expect(bestShape({ ...base, panes: 2 }, 1280, 675)).toMatchObject({ cols: 2, rows: 1 });
    expect(bestShape({ ...base, panes: 2 }, 700, 1200)).toMatchObject({ cols: 1, rows: 2 });
  });

  it('chooses rows × columns by the aspect for more panes', () => {
    expect(bestShape({ ...base, panes: 4 }, 1280, 675)).toMatchObject({ cols: 2, rows: 2 });
    expect(bestShape({ ...base, panes: 6 }, 1920, 1035)).toMatchObject({ cols: 3, rows: 2 });
    expect(bestShape({ ...base, panes: 9 }, 1920, 1035)).toMatchObject({ cols: 3, rows: 3 });
  });

  it('keeps a pinned pair side by side whatever the aspect', () => {
    expect(bestShape({ ...base, panes: 2, forceColumns: 2 }, 700, 1200)).toMatchObject({
      cols: 2,
      rows: 1,
    });
  });
});

describe('planGrid', () => {
  it('docks the panels when the consoles beside them keep 80 × 12', () => {
    const plan = planGrid({ ...base, width: 1920, height: 1035, side: 400, diagram: 560 });
    expect(plan).toMatchObject({ sideDocked: true, diagramDocked: true, rowHeight: null });
  });

  it('lays the panels over the grid rather than squeeze a console below 80 × 12', () => {
    const plan = planGrid({ ...base, cell: large, side: 400, diagram: 560 });
    expect(plan.sideDocked).toBe(false);
    expect(plan.diagramDocked).toBe(false);
    const shape = bestShape({ ...base, cell: large }, 1280, 675);
    expect(shape.consoleCols).toBeGreaterThanOrEqual(MIN_DOCKED.cols);
    expect(shape.consoleRows).toBeGreaterThanOrEqual(MIN_DOCKED.rows);
  });

  it('docks the side panel but floats the diagram when only one fits', () => {
    const plan = planGrid({ ...base, side: 400, diagram: 560 });
    expect(plan).toMatchObject({ sideDocked: true, diagramDocked: false });
  });

  it('scrolls rather than shrink many panes below a readable size', () => {
    const plan = planGrid({ ...base, cell: large, panes: 9 });
    expect(plan.rowHeight).not.toBeNull();
    expect(plan.cols * plan.rows).toBeGreaterThanOrEqual(9);
  });

  it('shares the height when the panes fit', () => {
    expect(planGrid({ ...base, panes: 4 }).rowHeight).toBeNull();
  });
});

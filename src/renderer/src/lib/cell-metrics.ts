// The size of one console character, measured in the console's own font, so the grid can
// promise columns and rows (xterm measures the same glyphs the same way).
import type { CellSize } from './grid-plan';

export const TERMINAL_FONT = '"JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace';

const measured = new Map<number, CellSize>();

export function measureCell(fontSize: number): CellSize {
  const known = measured.get(fontSize);
  if (known) return known;
  const probe = document.createElement('span');
  probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;line-height:normal;font-family:${TERMINAL_FONT};font-size:${fontSize}px`;
  probe.textContent = 'W'.repeat(40);
  document.body.append(probe);
  const box = probe.getBoundingClientRect();
  probe.remove();
  const cell = { w: box.width / 40, h: Math.ceil(box.height) };
  if (cell.w > 0) measured.set(fontSize, cell);
  return cell.w > 0 ? cell : { w: fontSize * 0.6, h: Math.ceil(fontSize * 1.2) };
}

// A terminal's recent text as plain lines (wrapped lines joined), for a
// scenario step that waits for something to appear in a pane.
import type { Terminal } from '@xterm/xterm';

const LINES = 200;

export function screenText(term: Terminal): string {
  const buffer = term.buffer.active;
  const end = buffer.length;
  const cursorLine = buffer.baseY + buffer.cursorY;
  const out: string[] = [];
  for (let i = Math.max(0, end - LINES); i < end; i++) {
    const line = buffer.getLine(i);
    if (!line) continue;
    // The cursor's line keeps its spaces up to the cursor ("# " of a prompt).
    const text =
      i === cursorLine
        ? line.translateToString(true).padEnd(buffer.cursorX)
        : line.translateToString(true);
    if (line.isWrapped && out.length) out[out.length - 1] += text;
    else out.push(text);
  }
  return out.join('\n');
}

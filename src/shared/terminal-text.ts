// What a terminal shows for a stretch of raw console output, as plain lines: the control
// sequences a shell writes between its words (bracketed paste toggles, colours, redraws,
// window titles) are applied or dropped, never shown as text like "[?2004h".

/** CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), or another ESC sequence (ESC + one char). */
// eslint-disable-next-line no-control-regex -- escape sequences are what this reads
const ESCAPE = /\x1b(?:\[([0-?]*)[ -/]*([@-~])|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]*[0-~]?)/y;

/**
 * Plain text of raw terminal output. A carriage return goes back to the line's start and what
 * follows overwrites (a prompt redrawn in place shows once); erase-to-end-of-line and
 * erase-below cut the line at the cursor; a backspace steps back; every other control
 * character and escape sequence is dropped (a tab stays). Lines end in "\n".
 */
export function terminalText(raw: string): string {
  const lines: string[] = [];
  let line: string[] = [];
  let col = 0;
  for (let i = 0; i < raw.length;) {
    const ch = raw[i]!;
    if (ch === '\x1b') {
      ESCAPE.lastIndex = i;
      const m = ESCAPE.exec(raw);
      const end = m ? ESCAPE.lastIndex : i + 1;
      // EL (K) and ED (J) with no parameter or 0 erase from the cursor on; 1 and 2 (the
      // start, the whole) leave nothing before the cursor worth keeping either.
      if (m?.[2] === 'K' || m?.[2] === 'J') {
        if (m[1] === '1' || m[1] === '2') line = line.map(() => ' ');
        if (m[1] !== '1') line.length = Math.min(line.length, col);
      }
      i = end > i ? end : i + 1;
      continue;
    }
    if (ch === '\n') {
      lines.push(line.join('').trimEnd());
      line = [];
      col = 0;
    } else if (ch === '\r') {
      col = 0;
    } else if (ch === '\b') {
      col = Math.max(0, col - 1);
    } else if ((ch >= ' ' && ch !== '\x7f') || ch === '\t') {
      // A tab stays a tab: /etc/hosts lines are matched with it.
      while (line.length < col) line.push(' ');
      line[col++] = ch;
    }
    i++;
  }
  if (line.length) lines.push(line.join('').trimEnd());
  return lines.join('\n');
}

import { describe, expect, it } from 'vitest';
import { lastLines } from './last-lines';

const text = (b: Buffer) => b.toString();

describe('lastLines', () => {
  it('keeps the last n lines of a TTY log, CRs and all', () => {
    const log = Buffer.from('one\r\ntwo\r\nthree\r\nroot@c:/# ');
    expect(text(lastLines(log, 2))).toBe('three\r\nroot@c:/# ');
    expect(text(lastLines(log, 1))).toBe('root@c:/# ');
  });

  it('counts a final newline as the end of the last line, not a new one', () => {
    expect(text(lastLines(Buffer.from('a\nb\nc\n'), 2))).toBe('b\nc\n');
  });

  it('gives the whole log when it has no more lines than asked', () => {
    expect(text(lastLines(Buffer.from('a\nb'), 5))).toBe('a\nb');
    expect(text(lastLines(Buffer.from(''), 3))).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { lineReader } from './json-lines';

describe('lineReader', () => {
  it('gives each complete line once, across chunk boundaries, skipping blank ones', () => {
    const lines: string[] = [];
    const read = lineReader((line) => lines.push(line));
    read(Buffer.from('{"a":1}\n{"b"'));
    expect(lines).toEqual(['{"a":1}']);
    read(Buffer.from(':2}\r\n\n  \n{"c":3}'));
    expect(lines).toEqual(['{"a":1}', '{"b":2}']);
    read(Buffer.from('\n'));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });
});

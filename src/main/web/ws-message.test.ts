import { describe, expect, it } from 'vitest';
import { parseTextFrame } from './ws-message';

describe('parseTextFrame', () => {
  it('reads a call', () => {
    expect(parseTextFrame('{"t":"call","id":3,"name":"snapshot"}')).toEqual({
      kind: 'call',
      id: 3,
      name: 'snapshot',
      args: undefined,
    });
  });

  it.each([
    ['null', 1008],
    ['42', 1008],
    ['"call"', 1008],
    ['[]', 1008],
    ['{}', 1008],
    ['{"t":"call"}', 1008],
    ['{"t":"call","id":"1"}', 1008],
    ['{"t":"call","id":1.5}', 1008],
    ['{"t":"result","id":1}', 1008],
    ['{', 1007],
    ['', 1007],
  ])('refuses %j with close code %i', (text, code) => {
    expect(parseTextFrame(text)).toMatchObject({ kind: 'refuse', code });
  });
});

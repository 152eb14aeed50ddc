import { describe, expect, it } from 'vitest';
import { splitShellWords } from './shell-words';

describe('splitShellWords', () => {
  it('splits on whitespace', () => {
    expect(splitShellWords('  nc  -lp 1234 ')).toEqual(['nc', '-lp', '1234']);
  });
  it('keeps quoted words together', () => {
    expect(splitShellWords(`bash -c "echo 'hi there' | nc server 1234"`)).toEqual([
      'bash',
      '-c',
      "echo 'hi there' | nc server 1234",
    ]);
    expect(splitShellWords(`sh -c 'a "b" c'`)).toEqual(['sh', '-c', 'a "b" c']);
  });
  it('honours backslashes and empty quotes', () => {
    expect(splitShellWords('echo a\\ b "" \'\'')).toEqual(['echo', 'a b', '', '']);
    expect(splitShellWords('echo "say \\"x\\""')).toEqual(['echo', 'say "x"']);
  });
  it('returns nothing for a blank line', () => {
    expect(splitShellWords('   ')).toEqual([]);
  });
  it('rejects an unclosed quote with a clear error', () => {
    expect(() => splitShellWords('echo "oops')).toThrow(/unclosed " quote/);
  });
});

import { describe, expect, it } from 'vitest';
import { terminalText } from './terminal-text';

// Captured from the engine's log of lesson 2's server (bash 5.2 on a TTY in crosstalk-test):
// "Talk through the link" (nc listening, the client's line arriving, Ctrl-C) and "One way only".
const LESSON_2_SERVER =
  '\u001b[?2004hroot@bf2ce8ac5372:/# \r\u001b[K\rroot@bf2ce8ac5372:/# nc -l -p 1234\r\n\u001b[?2004l\rI am client\r\n^C\r\n\u001b[?2004hroot@bf2ce8ac5372:/# grep client /etc/hosts || echo "server cannot resolve" client\r\n\u001b[?2004l\rserver cannot resolve client\r\n';
// Captured from an attach to busybox sh redrawing its prompt after a resize.
const BUSYBOX_REDRAW = '\r/ # \u001b[J\r/ # \u001b[J';

describe('terminalText', () => {
  it('shows lesson 2’s server output as the console shows it, without escape codes', () => {
    expect(terminalText(LESSON_2_SERVER).split('\n')).toEqual([
      'root@bf2ce8ac5372:/# nc -l -p 1234',
      'I am client',
      '^C',
      'root@bf2ce8ac5372:/# grep client /etc/hosts || echo "server cannot resolve" client',
      'server cannot resolve client',
    ]);
  });

  it('leaves no ESC, no bracketed-paste toggle and no carriage return', () => {
    for (const raw of [LESSON_2_SERVER, BUSYBOX_REDRAW]) {
      const text = terminalText(raw);
      // eslint-disable-next-line no-control-regex -- control characters are what must not remain
      expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
      expect(text).not.toContain('[?2004');
    }
    expect(terminalText(BUSYBOX_REDRAW)).toBe('/ #');
  });

  it('drops colours and window titles (OSC ended by BEL or ST), keeps the words', () => {
    const raw =
      '\u001b]0;root@box: /\u0007\u001b[01;32mroot@box\u001b[00m:\u001b[01;34m/\u001b[00m# ls\r\n' +
      '\u001b]2;title\u001b\\\u001b[0m\u001b[01;34mbin\u001b[0m  etc\r\n';
    expect(terminalText(raw)).toBe('root@box:/# ls\nbin  etc');
  });

  it('applies carriage return, erase to end of line, erase line and backspace', () => {
    expect(terminalText('abcdef\rXY')).toBe('XYcdef');
    expect(terminalText('abcdef\rXY\u001b[K')).toBe('XY');
    expect(terminalText('abcdef\u001b[2K\rnew')).toBe('new');
    expect(terminalText('ab\bX')).toBe('aX');
  });

  it('keeps plain text as it is, and ends on a lone ESC without losing the rest', () => {
    expect(terminalText('one\ntwo\n')).toBe('one\ntwo');
    expect(terminalText('172.17.0.2\tserver\r\n')).toBe('172.17.0.2\tserver');
    expect(terminalText('done\u001b')).toBe('done');
    expect(terminalText('a\u001b(Bb')).toBe('ab');
  });
});

import { describe, expect, it } from 'vitest';
import { ByteLog } from './byte-log';
import { hexRows } from './hex-dump';

const text = (s: string) => new TextEncoder().encode(s);

function logAt(times: number[]): { log: ByteLog; tick: () => void } {
  let i = 0;
  const log = new ByteLog(64 * 1024, () => times[Math.min(i, times.length - 1)]!);
  return { log, tick: () => i++ };
}

describe('hexRows', () => {
  it('shows "hold my word" arriving at the server as hex and ASCII', () => {
    const log = new ByteLog();
    log.record('out', text('hold my word\r\n'));
    expect(hexRows(log.chunks())).toEqual([
      {
        dir: 'out',
        offset: '00000000',
        hex: '68 6f 6c 64 20 6d 79 20 77 6f 72 64 0d 0a',
        ascii: 'hold my word..',
      },
    ]);
  });

  it('marks both directions, each with its own offsets', () => {
    // Typing "hi" into a shell: each key goes in, its echo comes out.
    const { log, tick } = logAt([0, 200, 400, 600]);
    for (const [dir, s] of [
      ['in', 'h'],
      ['out', 'h'],
      ['in', 'i'],
      ['out', 'i'],
    ] as const) {
      log.record(dir, text(s));
      tick();
    }
    expect(hexRows(log.chunks()).map((r) => `${r.dir} ${r.offset} ${r.hex}`)).toEqual([
      'in 00000000 68',
      'out 00000000 68',
      'in 00000001 69',
      'out 00000001 69',
    ]);
    expect(hexRows(log.chunks(), 'in').map((r) => r.offset)).toEqual(['00000000', '00000001']);
  });

  it('reads one burst of one direction as one line, even when it came in pieces', () => {
    const { log, tick } = logAt([0, 5, 10, 500]);
    for (const piece of ['hold ', 'my ', 'word', '!']) {
      log.record('in', text(piece));
      tick();
    }
    expect(hexRows(log.chunks(), 'in').map((r) => r.ascii)).toEqual(['hold my word', '!']);
  });

  it('wraps at 16 bytes and keeps only the last rows', () => {
    const log = new ByteLog();
    log.record('out', new Uint8Array(40).fill(0x41));
    const rows = hexRows(log.chunks());
    expect(rows.map((r) => r.offset)).toEqual(['00000000', '00000010', '00000020']);
    expect(rows[2]!.hex).toBe('41 41 41 41 41 41 41 41');
    expect(hexRows(log.chunks(), 'both', 2).map((r) => r.offset)).toEqual(['00000010', '00000020']);
  });

  it('writes non-printable bytes as dots', () => {
    const log = new ByteLog();
    log.record('out', Uint8Array.from([0x1b, 0x5b, 0x6d, 0x7f, 0xe2, 0x9c, 0x93]));
    expect(hexRows(log.chunks())[0]).toMatchObject({
      hex: '1b 5b 6d 7f e2 9c 93',
      ascii: '.[m....',
    });
  });
});

describe('ByteLog', () => {
  it('holds at most its capacity, dropping the oldest chunks', () => {
    const log = new ByteLog(10);
    log.record('out', text('abcdef'));
    log.record('out', text('ghijkl'));
    expect(log.held).toBe(6);
    expect(hexRows(log.chunks())[0]).toMatchObject({ offset: '00000006', ascii: 'ghijkl' });
    log.record('in', text('0123456789abcdef'));
    expect(log.held).toBe(10);
    // The tail of an oversized chunk, at its true offset.
    expect(hexRows(log.chunks(), 'in')[0]).toMatchObject({
      offset: '00000006',
      ascii: '6789abcdef',
    });
  });

  it('ignores empty chunks and counts changes', () => {
    const log = new ByteLog();
    log.record('in', new Uint8Array());
    expect(log.version).toBe(0);
    log.record('in', text('x'));
    expect(log.version).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { flavourFromHelp, listenCommand } from './netcat';

describe('netcat flavours', () => {
  it('recognises each flavour from its help text', () => {
    expect(
      flavourFromHelp('[v1.10-47]\nconnect to somewhere:\tnc [-options] hostname port[s]'),
    ).toBe('traditional');
    expect(
      flavourFromHelp('BusyBox v1.36.1 (2023-05-18) multi-call binary.\n\nUsage: nc [OPTIONS]'),
    ).toBe('busybox');
    expect(
      flavourFromHelp(
        'OpenBSD netcat (Debian patchlevel 1.219-1)\nusage: nc [-46CDdFhklNnrStUuvZz]',
      ),
    ).toBe('openbsd');
  });
  it('writes the listen command each flavour understands', () => {
    expect(listenCommand('traditional', 1234)).toBe('nc -lp 1234');
    expect(listenCommand('busybox', 1234, '127.0.0.1')).toBe('nc -l -s 127.0.0.1 -p 1234');
    expect(listenCommand('openbsd', 1234)).toBe('nc -l 1234');
    expect(listenCommand('openbsd', 1234, '127.0.0.1')).toBe('nc -l 127.0.0.1 1234');
  });
});

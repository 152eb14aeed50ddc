import { describe, expect, it } from 'vitest';
import { flavourFromHelp, listenCommand, netcatFromHelp, persistentListener } from './netcat';

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
  it('knows when busybox nc cannot bind to one address, and uses httpd instead', () => {
    const small = netcatFromHelp(
      'BusyBox v1.35.0\nUsage: nc [-iN] [-wN] [-l] [-p PORT]\n\t-l\tListen mode\n\t-p PORT\tLocal port',
    );
    expect(small).toEqual({ flavour: 'busybox', canBind: false });
    expect(persistentListener(small, 1234, '127.0.0.1')).toBe('httpd -f -v -p 127.0.0.1:1234');
    const full = netcatFromHelp('BusyBox v1.36.1\n\t-l\tListen mode\n\t-s ADDR\tLocal address\n');
    expect(full.canBind).toBe(true);
    expect(persistentListener(full, 1234)).toBe('while nc -lp 1234; do :; done');
  });
});

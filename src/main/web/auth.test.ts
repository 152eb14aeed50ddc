import { describe, expect, it } from 'vitest';
import { allowedHostsFor } from './auth';

const machine = ['127.0.0.1', '::1', '192.0.2.2', 'fd00::2', 'fe80::fc:ff:fe00:1'];

describe('allowedHostsFor', () => {
  it('answers loopback by address and as localhost', () => {
    expect([...allowedHostsFor('127.0.0.1', 80, machine)].sort()).toEqual([
      '127.0.0.1:80',
      'localhost:80',
    ]);
  });

  it('writes an IPv6 address in brackets, as clients send it', () => {
    expect(allowedHostsFor('::1', 80, machine)).toEqual(new Set(['[::1]:80', 'localhost:80']));
  });

  it('on 0.0.0.0 answers every IPv4 address of the machine, not only 0.0.0.0', () => {
    expect([...allowedHostsFor('0.0.0.0', 80, machine)].sort()).toEqual([
      '0.0.0.0:80',
      '127.0.0.1:80',
      '192.0.2.2:80',
      'localhost:80',
    ]);
  });

  it('on :: answers every address, IPv6 in brackets', () => {
    const names = allowedHostsFor('::', 80, machine);
    for (const n of ['[::1]:80', '[fd00::2]:80', '192.0.2.2:80', '[::]:80'])
      expect(names).toContain(n);
  });

  it('never answers a name it was not told', () => {
    expect(allowedHostsFor('0.0.0.0', 80, machine)).not.toContain('evil.example:80');
  });
});

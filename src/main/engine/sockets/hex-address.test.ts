import { describe, expect, it } from 'vitest';
import { decodeHexIp } from './hex-address';

describe('decodeHexIp', () => {
  it('decodes IPv4 words in host byte order', () => {
    expect(decodeHexIp('0100007F', 4)).toBe('127.0.0.1');
    expect(decodeHexIp('020012AC', 4)).toBe('172.18.0.2');
    expect(decodeHexIp('00000000', 4)).toBe('0.0.0.0');
  });

  it('writes IPv6 in RFC 5952 form', () => {
    expect(decodeHexIp('00000000000000000000000000000000', 6)).toBe('::');
    expect(decodeHexIp('00000000000000000000000001000000', 6)).toBe('::1');
    expect(decodeHexIp('000080FE00000000FFAC4200020012FE', 6)).toBe('fe80::42:acff:fe12:2');
    // Of two equal zero runs the first one is shortened; a lone zero group stays.
    expect(decodeHexIp('B80D0120000000000000010001000000', 6)).toBe('2001:db8::1:0:0:1');
    expect(decodeHexIp('B80D0120010000000100000001000000', 6)).toBe('2001:db8:0:1:0:1:0:1');
  });

  it('keeps IPv4-mapped addresses dotted', () => {
    expect(decodeHexIp('0000000000000000FFFF0000020012AC', 6)).toBe('::ffff:172.18.0.2');
  });

  it('rejects the wrong length or non-hex digits', () => {
    expect(decodeHexIp('0100007F', 6)).toBeNull();
    expect(decodeHexIp('0100007', 4)).toBeNull();
    expect(decodeHexIp('0100007G', 4)).toBeNull();
  });
});

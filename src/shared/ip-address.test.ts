import { isIP } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ipVersion } from './ip-address';

// The renderer cannot use Node's parser, so the shared one must agree with it.
const inputs = [
  '127.0.0.1',
  '0.0.0.0',
  '255.255.255.255',
  '256.1.1.1',
  '1.2.3',
  '01.2.3.4',
  '::',
  '::1',
  '::ffff:1.2.3.4',
  '2001:db8::8a2e:370:7334',
  'fe80::1',
  '::::',
  'dead',
  'beef:',
  '[::1]',
  '1:2:3:4:5:6:7:8:9',
  '',
  ' 127.0.0.1',
  'localhost',
  '1::',
  ':1',
  '1:',
  ':::',
  '1:2:3:4:5:6:7::',
  '1:2:3:4:5:6:7:8::',
  '::1:2:3:4:5:6:7',
  '::1.2.3.4',
  '1:2:3:4:5:6:1.2.3.4',
  '1:2:3:4:5:6:7:1.2.3.4',
  '1::2:3:4:5:6:1.2.3.4',
  '1.2.3.4::',
  '1.2.3.4:1::',
  'g::1',
  '12345::1',
  'FFFF::abcd',
  '1.2.3.4.5',
  '1..2.3',
  '1.2.3.04',
  '99.1.1.1',
  '199.1.1.1',
  '249.1.1.1',
];

describe('ipVersion', () => {
  it.each(inputs)('agrees with net.isIP on %j', (text) => {
    expect(ipVersion(text)).toBe(isIP(text));
  });
});

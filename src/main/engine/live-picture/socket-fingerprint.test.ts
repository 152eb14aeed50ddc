import { describe, expect, it } from 'vitest';
import { fingerprintOf } from './socket-fingerprint';

// Recorded from a container's /proc/<pid>/net while `nc -lp 1234` waited for a client.
const sockstat = `sockets: used 124
TCP: inuse 2 orphan 0 tw 3 alloc 8 mem 98
UDP: inuse 0 mem 0
`;
const sockstat6 = `TCP6: inuse 0
UDP6: inuse 0
`;
const snmp = `Ip: Forwarding DefaultTTL InReceives
Ip: 1 64 120
Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors
Tcp: 1 200 120000 -1 3 0 1 0 0 51 43 0 0 3 0
Udp: InDatagrams NoPorts
Udp: 0 0
`;

describe('fingerprintOf', () => {
  it('keeps the namespace’s own socket counts and TCP opens', () => {
    expect(fingerprintOf(sockstat, sockstat6, snmp)).toBe('2 0 3 0 1 0 0');
  });

  it('ignores machine-wide counters and traffic', () => {
    const busier = sockstat.replace('alloc 8 mem 98', 'alloc 97 mem 410').replace('tw 3', 'tw 9');
    const traffic = snmp.replace('0 0 51 43', '0 0 9051 8043');
    expect(fingerprintOf(busier, sockstat6, traffic)).toBe(
      fingerprintOf(sockstat, sockstat6, snmp),
    );
  });

  it('changes when a client connects or a listener opens', () => {
    const accepted = snmp.replace('-1 3 0 1 0 0', '-1 3 1 1 0 1');
    expect(fingerprintOf(sockstat, sockstat6, accepted)).not.toBe(
      fingerprintOf(sockstat, sockstat6, snmp),
    );
    const listening = sockstat.replace('inuse 2', 'inuse 3');
    expect(fingerprintOf(listening, sockstat6, snmp)).not.toBe(
      fingerprintOf(sockstat, sockstat6, snmp),
    );
  });

  it('still answers without IPv6', () => {
    expect(fingerprintOf(sockstat, '', snmp)).toBe('2 - 3 0 1 0 0');
  });
});

import { describe, expect, it } from 'vitest';
import {
  establishedConnections,
  listeningSockets,
  parseProcNetTcp,
  splitProcNetTcp,
  summarizeSockets,
} from './proc-net-tcp';

// Recorded inside containers of the course's "example" network (x86-64 host).
const tcpHeader =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     ';
const tcp6Header =
  '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';

const tcp = [
  tcpHeader,
  '   0: 00000000:04D2 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 11266 1 00000000b4d5ce85 100 0 0 10 0                     ',
  '   1: 0100007F:04D2 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 11270 1 000000003c1a9e27 100 0 0 10 0                     ',
  '   2: 0B00007F:A1F3 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 11190 1 00000000d0c4a1b3 100 0 0 10 0                     ',
  '   3: 030012AC:B26E 020012AC:04D2 01 00000000:00000000 00:00000000 00000000     0        0 11301 1 000000009f0e5c12 20 4 30 10 -1                    ',
  '   4: 030012AC:B270 020012AC:04D2 06 00000000:00000000 03:000016A8 00000000     0        0 0 3 00000000e4a5b7c9',
  '',
].join('\n');

const tcp6 = [
  tcp6Header,
  '   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 20001 1 00000000a1b2c3d4 100 0 0 10 0',
  '   1: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 20002 1 00000000a1b2c3d5 100 0 0 10 0',
  '   2: 0000000000000000FFFF0000040011AC:0050 0000000000000000FFFF0000010011AC:C850 01 00000000:00000000 02:0000A3E1 00000000     0        0 20010 1 00000000a1b2c3d6 20 4 28 10 -1',
  '   3: 0000000000000000FFFF00000100007F:04D2 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 20011 1 00000000a1b2c3d7 100 0 0 10 0',
  '',
].join('\n');

describe('parseProcNetTcp', () => {
  it('reads IPv4 sockets: listeners, a connection, a closing socket', () => {
    expect(parseProcNetTcp(tcp, 4)).toEqual([
      {
        localIp: '0.0.0.0',
        localPort: 1234,
        remoteIp: '0.0.0.0',
        remotePort: 0,
        state: 'LISTEN',
        inode: 11266,
      },
      {
        localIp: '127.0.0.1',
        localPort: 1234,
        remoteIp: '0.0.0.0',
        remotePort: 0,
        state: 'LISTEN',
        inode: 11270,
      },
      {
        localIp: '127.0.0.11',
        localPort: 41459,
        remoteIp: '0.0.0.0',
        remotePort: 0,
        state: 'LISTEN',
        inode: 11190,
      },
      {
        localIp: '172.18.0.3',
        localPort: 45678,
        remoteIp: '172.18.0.2',
        remotePort: 1234,
        state: 'ESTABLISHED',
        inode: 11301,
      },
      {
        localIp: '172.18.0.3',
        localPort: 45680,
        remoteIp: '172.18.0.2',
        remotePort: 1234,
        state: 'TIME_WAIT',
        inode: 0,
      },
    ]);
  });

  it('reads IPv6 sockets compactly, IPv4-mapped ones in dotted form', () => {
    expect(parseProcNetTcp(tcp6, 6)).toEqual([
      {
        localIp: '::',
        localPort: 80,
        remoteIp: '::',
        remotePort: 0,
        state: 'LISTEN',
        inode: 20001,
      },
      {
        localIp: '::1',
        localPort: 8080,
        remoteIp: '::',
        remotePort: 0,
        state: 'LISTEN',
        inode: 20002,
      },
      {
        localIp: '::ffff:172.17.0.4',
        localPort: 80,
        remoteIp: '::ffff:172.17.0.1',
        remotePort: 51280,
        state: 'ESTABLISHED',
        inode: 20010,
      },
      {
        localIp: '::ffff:127.0.0.1',
        localPort: 1234,
        remoteIp: '::',
        remotePort: 0,
        state: 'LISTEN',
        inode: 20011,
      },
    ]);
  });

  it('skips headers, blank, truncated and wrong-family lines', () => {
    const junk = [
      tcpHeader,
      '',
      '   0: 00000000:04D2',
      '   1: 0100007F:04D2 00000000:0000 FF 00000000:00000000 00:00000000 00000000 0 0 1 1',
      '   2: 0100007F:XYZ 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1 1',
    ].join('\n');
    expect(parseProcNetTcp(junk, 4)).toEqual([]);
    expect(parseProcNetTcp(tcp, 6)).toEqual([]);
    expect(parseProcNetTcp(tcp6, 4)).toEqual([]);
  });
});

describe('splitProcNetTcp', () => {
  it('splits `cat /proc/net/tcp /proc/net/tcp6` at the header lines', () => {
    const { tcp: v4, tcp6: v6 } = splitProcNetTcp(tcp + tcp6);
    expect(parseProcNetTcp(v4!, 4)).toEqual(parseProcNetTcp(tcp, 4));
    expect(parseProcNetTcp(v6!, 6)).toEqual(parseProcNetTcp(tcp6, 6));
  });

  it('leaves a table out when the kernel has none (IPv6 disabled)', () => {
    const output = `${tcp}cat: can't open '/proc/net/tcp6': No such file or directory\n`;
    const tables = splitProcNetTcp(output);
    expect(parseProcNetTcp(tables.tcp!, 4)).toHaveLength(5);
    expect(tables.tcp6).toBeNull();
    expect(splitProcNetTcp('OCI runtime exec failed')).toEqual({ tcp: null, tcp6: null });
  });

  it('keeps a table with no sockets (a header alone) apart from a missing one', () => {
    const headers = `${tcpHeader}\n${tcp6Header}\n`;
    const tables = splitProcNetTcp(headers);
    expect(tables.tcp).not.toBeNull();
    expect(tables.tcp6).not.toBeNull();
    expect(parseProcNetTcp(tables.tcp!, 4)).toEqual([]);
  });
});

describe('listeningSockets', () => {
  const sockets = [...parseProcNetTcp(tcp, 4), ...parseProcNetTcp(tcp6, 6)];

  it('lists each listener once, by port, marking loopback-only ones', () => {
    const reused = parseProcNetTcp(tcp, 4).slice(0, 1);
    expect(listeningSockets([...sockets, ...reused])).toEqual([
      { ip: '::', port: 80, family: 6, loopbackOnly: false },
      { ip: '0.0.0.0', port: 1234, family: 4, loopbackOnly: false },
      { ip: '127.0.0.1', port: 1234, family: 4, loopbackOnly: true },
      { ip: '::ffff:127.0.0.1', port: 1234, family: 6, loopbackOnly: true },
      { ip: '::1', port: 8080, family: 6, loopbackOnly: true },
      { ip: '127.0.0.11', port: 41459, family: 4, loopbackOnly: true },
    ]);
  });

  it('keeps only established connections', () => {
    expect(establishedConnections(sockets).map((s) => `${s.localPort}->${s.remotePort}`)).toEqual([
      '45678->1234',
      '80->51280',
    ]);
  });

  it('summarizes a container for the topology', () => {
    const summary = summarizeSockets(sockets);
    expect(summary.listening).toEqual(listeningSockets(sockets));
    expect(summary.connections).toEqual(establishedConnections(sockets));
  });
});

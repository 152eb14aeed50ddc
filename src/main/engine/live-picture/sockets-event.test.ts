import { describe, expect, it } from 'vitest';
import type { ContainerSockets } from '../../../shared/topology';
import { normalizeSockets, socketsEventFor, socketsEventKey, type Reading } from './sockets-event';

// As summarizeSockets returns them: extra fields, /proc's hash-slot order.
const raw = {
  listening: [
    { ip: '0.0.0.0', port: 1234, family: 4, loopbackOnly: false },
    { ip: '127.0.0.11', port: 41459, family: 4, loopbackOnly: true },
  ],
  connections: [
    {
      localIp: '172.18.0.2',
      localPort: 1234,
      remoteIp: '172.18.0.3',
      remotePort: 45680,
      state: 'ESTABLISHED',
      inode: 11302,
    },
    {
      localIp: '172.18.0.2',
      localPort: 1234,
      remoteIp: '172.18.0.3',
      remotePort: 45678,
      state: 'ESTABLISHED',
      inode: 11301,
    },
  ],
} as unknown as ContainerSockets;

describe('normalizeSockets', () => {
  it('keeps only what the picture shows, in a fixed order', () => {
    expect(normalizeSockets(raw)).toEqual({
      listening: [
        { ip: '0.0.0.0', port: 1234, loopbackOnly: false },
        { ip: '127.0.0.11', port: 41459, loopbackOnly: true },
      ],
      connections: [
        { localIp: '172.18.0.2', localPort: 1234, remoteIp: '172.18.0.3', remotePort: 45678 },
        { localIp: '172.18.0.2', localPort: 1234, remoteIp: '172.18.0.3', remotePort: 45680 },
      ],
    });
  });

  it('gives the same result whatever order /proc listed the sockets in', () => {
    const shuffled = { ...raw, connections: [...raw.connections].reverse() };
    expect(normalizeSockets(shuffled)).toEqual(normalizeSockets(raw));
  });
});

describe('socketsEventFor', () => {
  const readings = new Map<string, Reading>([
    ['bbb', { sockets: normalizeSockets(raw) }],
    ['aaa', { error: 'Cannot read the sockets of container aaa' }],
    ['ccc', { sockets: { listening: [], connections: [] } }],
  ]);
  const proc = { available: true, via: 'proc' } as const;

  it('holds only the containers this window watches', () => {
    const event = socketsEventFor(['bbb', 'aaa', 'zzz'], readings, proc);
    expect(Object.keys(event.byContainer)).toEqual(['bbb']);
    expect(event.errors).toEqual({ aaa: 'Cannot read the sockets of container aaa' });
    expect(event).toMatchObject({ available: true, reason: null, via: 'proc' });
  });

  it('says why, when sockets cannot be read at all', () => {
    const event = socketsEventFor(['bbb'], new Map(), { available: false, reason: 'engine gone' });
    expect(event).toEqual({
      available: false,
      reason: 'engine gone',
      via: null,
      byContainer: {},
      errors: {},
    });
  });

  it('has one key for one content, whatever order the ids came in', () => {
    const a = socketsEventFor(['ccc', 'bbb'], readings, proc);
    const b = socketsEventFor(['bbb', 'ccc', 'bbb'], readings, proc);
    expect(socketsEventKey(a)).toBe(socketsEventKey(b));
    const closed = new Map(readings).set('bbb', {
      sockets: { ...normalizeSockets(raw), connections: [] },
    });
    expect(socketsEventKey(socketsEventFor(['ccc', 'bbb'], closed, proc))).not.toBe(
      socketsEventKey(a),
    );
  });
});

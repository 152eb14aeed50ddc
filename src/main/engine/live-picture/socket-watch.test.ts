import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SocketsEvent } from '../../../shared/live-picture';
import { AppError } from '../../../shared/errors';
import type { TcpSocket } from '../sockets/proc-net-tcp';
import { SocketWatch, type SocketSource } from './socket-watch';

const listen = (port: number): TcpSocket => ({
  localIp: '0.0.0.0',
  localPort: port,
  remoteIp: '0.0.0.0',
  remotePort: 0,
  state: 'LISTEN',
  inode: port,
});
const established = (localPort: number): TcpSocket => ({
  localIp: '172.18.0.3',
  localPort,
  remoteIp: '172.18.0.2',
  remotePort: 1234,
  state: 'ESTABLISHED',
  inode: localPort,
});

function setup(states: Record<string, string> = { server: 'running', client: 'running' }) {
  const tables: Record<string, TcpSocket[]> = { server: [listen(1234)], client: [] };
  const reads: string[] = [];
  let release: (() => void) | null = null;
  let source: SocketSource = {
    available: true,
    via: 'proc',
    read: async ({ id }) => {
      reads.push(id);
      if (release) await new Promise<void>((r) => (release = r));
      if (states[id] === 'gone') throw new AppError('not-found', 'stopped');
      if (states[id] === 'broken') throw new Error('cat: not found');
      return tables[id] ?? [];
    },
  };
  const watch = new SocketWatch({
    container: (id) => (states[id] ? { id, pid: 1, state: 'running' } : undefined),
    source: () => source,
    intervalMs: 500,
  });
  const events: SocketsEvent[] = [];
  const sub = watch.subscribe((e) => events.push(e));
  return {
    watch,
    sub,
    tables,
    reads,
    events,
    hold: () => (release = () => undefined),
    letGo: () => {
      const r = release;
      release = null;
      r?.();
    },
    setSource: (s: SocketSource) => (source = s),
  };
}

afterEach(() => vi.useRealTimers());

describe('SocketWatch', () => {
  it('sends a window its containers at once, then only when something changed', async () => {
    const t = setup();
    t.sub.watch(['server', 'client']);
    await t.watch.tick();
    expect(t.events).toHaveLength(1);
    expect(t.events[0]!.byContainer['server']!.listening).toEqual([
      { ip: '0.0.0.0', port: 1234, loopbackOnly: false },
    ]);
    await t.watch.tick();
    expect(t.events).toHaveLength(1);
    t.tables['client'] = [established(45678)];
    await t.watch.tick();
    expect(t.events).toHaveLength(2);
    expect(t.events[1]!.byContainer['client']!.connections).toHaveLength(1);
    t.tables['client'] = [];
    await t.watch.tick();
    expect(t.events[2]!.byContainer['client']!.connections).toEqual([]);
  });

  it('reads a container shown in two windows once per tick, and tells each its own', async () => {
    const t = setup();
    const other: SocketsEvent[] = [];
    t.watch.subscribe((e) => other.push(e)).watch(['server']);
    t.sub.watch(['server', 'client']);
    await t.watch.tick();
    t.reads.length = 0;
    await t.watch.tick();
    expect(t.reads.sort()).toEqual(['client', 'server']);
    expect(Object.keys(other.at(-1)!.byContainer)).toEqual(['server']);
    expect(Object.keys(t.events.at(-1)!.byContainer)).toEqual(['client', 'server']);
  });

  it('skips a tick while the previous one is still reading', async () => {
    const t = setup();
    t.sub.watch(['server']);
    t.hold();
    const slow = t.watch.tick();
    await t.watch.tick();
    expect(t.watch.skipped).toBeGreaterThan(0);
    t.letGo();
    await slow;
  });

  it('polls only while some window watches something', () => {
    vi.useFakeTimers();
    const t = setup();
    expect(t.watch.polling).toBe(false);
    t.sub.watch(['server']);
    expect(t.watch.polling).toBe(true);
    t.sub.watch([]);
    expect(t.watch.polling).toBe(false);
    t.sub.watch(['server']);
    t.sub.dispose();
    expect(t.watch.polling).toBe(false);
  });

  it('reads again soon after Enter, not at the next tick, and only while polling', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.watch.soon();
    await vi.advanceTimersByTimeAsync(400);
    expect(t.reads).toEqual([]); // nobody watches: no reads
    t.sub.watch(['client']);
    await vi.advanceTimersByTimeAsync(0);
    const before = t.reads.length;
    t.tables['client'] = [established(45678)];
    t.watch.soon();
    t.watch.soon(); // already coming: no more reads
    await vi.advanceTimersByTimeAsync(130);
    expect(t.reads.length).toBe(before + 1);
    expect(t.events.at(-1)!.byContainer['client']!.connections).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(t.reads.length).toBe(before + 2); // the second nudge, still before the first tick
  });

  it('leaves out stopped containers, reports unreadable ones', async () => {
    const t = setup({ server: 'running', client: 'gone', db: 'broken' });
    t.sub.watch(['server', 'client', 'db']);
    await t.watch.tick();
    const event = t.events.at(-1)!;
    expect(Object.keys(event.byContainer)).toEqual(['server']);
    expect(event.errors).toEqual({ db: 'cat: not found' });
  });

  it('says when sockets cannot be read at all', async () => {
    const t = setup();
    t.setSource({ available: false, reason: 'The Docker engine is not connected.' });
    t.sub.watch(['server']);
    await t.watch.tick();
    expect(t.events.at(-1)).toMatchObject({ available: false, reason: /not connected/ });
    expect(t.reads).toEqual([]);
  });
});

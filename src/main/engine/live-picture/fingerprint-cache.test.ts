import { describe, expect, it } from 'vitest';
import type { ContainerSockets } from '../../../shared/topology';
import { FingerprintCache } from './fingerprint-cache';

const empty: ContainerSockets = { listening: [], connections: [] };
const listening: ContainerSockets = {
  listening: [{ ip: '0.0.0.0', port: 1234, loopbackOnly: false }],
  connections: [],
};

function setup(fullEvery = 3) {
  const cache = new FingerprintCache(fullEvery);
  const state = { fingerprint: 'a', sockets: empty, fullReads: 0 };
  const fingerprint = async () => state.fingerprint;
  const readFull = async () => {
    state.fullReads++;
    return state.sockets;
  };
  const read = (pid = 7) => cache.read({ id: 'srv', pid }, fingerprint, readFull);
  return { cache, state, read };
}

describe('FingerprintCache', () => {
  it('reads the table only when the fingerprint moved', async () => {
    const t = setup();
    expect(await t.read()).toBe(empty);
    expect(await t.read()).toBe(empty);
    expect(t.state.fullReads).toBe(1);
    t.state.fingerprint = 'b';
    t.state.sockets = listening;
    expect(await t.read()).toBe(listening);
    expect(t.state.fullReads).toBe(2);
    expect(t.cache.counts).toEqual({ full: 2, saved: 1 });
  });

  it('reads again every few ticks, and after a restart (a new pid)', async () => {
    const t = setup(2);
    await t.read();
    await t.read();
    await t.read();
    expect(t.state.fullReads).toBe(1);
    await t.read();
    expect(t.state.fullReads).toBe(2);
    await t.read(8);
    expect(t.state.fullReads).toBe(3);
  });

  it('never trusts a fingerprint it could not take, and forgets unwatched containers', async () => {
    const t = setup();
    const failing = async () => Promise.reject(new Error('ENOENT'));
    const readFull = async () => empty;
    await t.cache.read({ id: 'x', pid: 1 }, failing, readFull);
    await t.cache.read({ id: 'x', pid: 1 }, failing, readFull);
    expect(t.cache.counts.full).toBe(2);
    await t.read();
    t.cache.keepOnly(new Set());
    await t.read();
    expect(t.state.fullReads).toBe(2);
  });
});

// Several engines in one window, against the two-host lab's real engines: node1 as the app's
// own engine, node2 added beside it. Calls go to the engine they name (and are refused for an
// engine the window does not show), events arrive tagged with theirs, and cores stop with the
// last window that showed them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventArgs } from '../../../shared/events';
import type { Snapshot } from '../../../shared/model';
import { TEST_IMAGE, uniqueName, waitUntil } from '../../../../test/support';
import { useLab, type LabLease } from '../../../../test/support/lab';
import { targetFor } from '../connect';
import { parseHost } from '../discovery';
import { cleanupOwned } from '../networks';
import { Crosstalk } from '../runtime';
import { CorePool } from './core-pool';
import { labOffers } from './lab-offers';
import { PRIMARY_KEY } from './one-engine-handlers';
import { connectWindow, type WindowConnection } from './window';

const labId = uniqueName('window-test');

describe('a window showing two engines', () => {
  let lab: LabLease;
  let primary: Crosstalk;
  let pool: CorePool;
  let window: WindowConnection;
  const events: { engine: string; event: EventArgs }[] = [];

  const call = async <T>(name: string, args?: unknown): Promise<T> => {
    const outcome = await window.call(name, args);
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    return outcome.value as T;
  };
  const snapshotsOf = (engine: string) =>
    events
      .filter((e) => e.engine === engine && e.event[0] === 'snapshot')
      .map((e) => e.event[1] as Snapshot);

  beforeAll(async () => {
    lab = await useLab();
    const node1 = lab.state.nodes[0]!;
    primary = new Crosstalk(
      targetFor(
        parseHost(node1.endpoint, null, {
          source: 'two-host lab',
          sourceDetail: 'node1',
          contextName: null,
          machineName: null,
        }),
      ),
    );
    await primary.start();
    pool = new CorePool(null, () => labOffers());
    window = connectWindow(primary, pool, {
      eventsOf:
        (engine) =>
        (...event) =>
          events.push({ engine, event }),
      consoleSink: () => () => undefined,
    });
  }, 90_000);

  afterAll(async () => {
    await Promise.all(lab.engines.map((docker) => cleanupOwned(docker, labId)));
    window?.dispose();
    pool?.stop();
    primary?.stop();
    await lab?.release();
  }, 60_000);

  it('shows its own engine and offers the other lab node, not itself', async () => {
    const view = await call<{ shown: { key: string }[]; offers: { key: string }[] }>('engineView');
    expect(view.shown.map((e) => e.key)).toEqual([PRIMARY_KEY]);
    expect(view.offers.map((o) => o.key)).toEqual(['lab-node2']);
  });

  it('refuses a call naming an engine it does not show, or no engine at all', async () => {
    for (const engine of ['lab-node2', 'Not A Key!', 42]) {
      const outcome = await window.call('snapshot', { engine });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('invalid-input');
        expect(outcome.error.hint).not.toBe('');
      }
    }
  });

  it('adds node2: its state, its containers and its events are its own', async () => {
    const view = await call<{ shown: { key: string; hostAddresses: string[] }[] }>('addEngine', {
      key: 'lab-node2',
    });
    expect(view.shown.map((e) => e.key)).toEqual([PRIMARY_KEY, 'lab-node2']);
    expect(view.shown[1]!.hostAddresses).toEqual([lab.state.nodes[1]!.underlayIp]);
    expect(events.some((e) => e.event[0] === 'engineView')).toBe(true);

    const node2 = await call<Snapshot>('snapshot', { engine: 'lab-node2' });
    expect(node2.engine.endpoint).toBe(lab.state.nodes[1]!.endpoint);

    const name = uniqueName('on-node2');
    const created = await call<{ id: string }>('createContainer', {
      engine: 'lab-node2',
      image: TEST_IMAGE,
      name,
      command: 'sleep 300',
      labId,
    });
    await waitUntil(
      () => snapshotsOf('lab-node2').some((s) => s.containers.some((c) => c.id === created.id)),
      `${name} in a snapshot event tagged lab-node2`,
      10_000,
    );
    expect(snapshotsOf(PRIMARY_KEY).some((s) => s.containers.some((c) => c.name === name))).toBe(
      false,
    );
    // Acting on it without naming its engine asks the wrong engine: it is not there.
    const wrong = await window.call('stopContainer', { id: created.id });
    expect(wrong.ok).toBe(false);
    await call('removeContainer', { id: created.id, engine: 'lab-node2' });
    expect(await lab.engines[1]!.listContainers({ all: true, filters: { name: [name] } })).toEqual(
      [],
    );
  });

  it('removes node2 again (its core stops), never its own engine', async () => {
    expect(pool.liveKeys).toEqual(['lab-node2']);
    const view = await call<{ shown: { key: string }[] }>('removeEngine', { key: 'lab-node2' });
    expect(view.shown.map((e) => e.key)).toEqual([PRIMARY_KEY]);
    expect(pool.liveKeys).toEqual([]);
    const refused = await window.call('removeEngine', { key: PRIMARY_KEY });
    expect(refused.ok).toBe(false);
  });

  it('lesson 5 is listed beside the four, ready on the lab', async () => {
    const lessons = await call<{ id: string; unsupported: string | null }[]>('lessons');
    expect(lessons.map((l) => l.id)).toContain('across-hosts');
    expect(lessons.find((l) => l.id === 'across-hosts')!.unsupported).toBeNull();
  });
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { openRecording } from './bundle';
import { parseCast } from './cast';
import { RecordingStore } from './store';

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'crosstalk-rec-13-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no complaint');
}

const panes = [
  { id: 'server', title: 'server', width: 80, height: 24 },
  { id: 'client', title: 'client', width: 100, height: 30 },
];

describe('recordings', () => {
  it('writes each pane as asciicast v2 as batches arrive, times never going back', async () => {
    const store = new RecordingStore(root);
    const { id, dir } = await store.start({
      title: 'Hold my word',
      panes,
      columns: 2,
      scenario: null,
    });
    expect(id).toMatch(/^\d{8}-\d{6}-hold-my-word$/);
    await store.append({
      id,
      panes: [
        {
          pane: 'server',
          events: [
            [0.1, 'o', '$ '],
            [0.5, 'i', 'nc -lp 1234\r'],
          ],
        },
      ],
      events: [{ t: 0.2, kind: 'started', subject: 'server', detail: 'server started' }],
    });
    // Written already, before the recording stops: a crash would keep it.
    const partial = parseCast(await readFile(join(dir, 'server.cast'), 'utf8'), 'server.cast');
    expect(partial.header).toMatchObject({ version: 2, width: 80, height: 24, title: 'server' });
    expect(partial.events).toEqual([
      [0.1, 'o', '$ '],
      [0.5, 'i', 'nc -lp 1234\r'],
    ]);
    await store.append({
      id,
      panes: [
        {
          pane: 'server',
          events: [
            [0.4, 'o', 'late'],
            [1.25, 'm', 'step 1'],
            [1.3, 'r', '90x20'],
          ],
        },
        { pane: 'client', events: [[1.0, 'o', 'hold my word\r\n']] },
      ],
      events: [],
    });
    await store.stop(id);
    const server = parseCast(await readFile(join(dir, 'server.cast'), 'utf8'), 'server.cast');
    expect(server.events.map((e) => e[0])).toEqual([0.1, 0.5, 0.5, 1.25, 1.3]);
    const session = JSON.parse(await readFile(join(dir, 'session.json'), 'utf8'));
    expect(session.endedAt).not.toBeNull();
    await expect(store.append({ id, panes: [], events: [] })).rejects.toThrow(/not running/);
  });

  it('exports a bundle that opens for replay, and each .cast alone opens too', async () => {
    const store = new RecordingStore(root);
    const { id } = await store.start({
      title: 'demo',
      panes,
      columns: 2,
      scenario: 'Hold my word',
    });
    await store.append({
      id,
      panes: [{ pane: 'client', events: [[0.3, 'o', 'hi']] }],
      events: [{ t: 0.3, kind: 'step', subject: 'Step 1', detail: '' }],
    });
    const out = await store.export(id);
    expect(out.casts.map((c) => c.file)).toEqual(['server.cast', 'client.cast']);
    const bundle = openRecording(out.bundle.text, out.bundle.file);
    expect(bundle.session.layout.columns).toBe(2);
    expect(bundle.panes.map((p) => [p.id, p.events.length])).toEqual([
      ['server', 0],
      ['client', 1],
    ]);
    expect(bundle.events).toEqual([{ t: 0.3, kind: 'step', subject: 'Step 1', detail: '' }]);
    const single = openRecording(out.casts[1]!.text, 'client.cast');
    expect(single.panes[0]).toMatchObject({ id: 'client', width: 100, events: [[0.3, 'o', 'hi']] });
  });

  it('names the line and reason of a malformed .cast or bundle', () => {
    const header = '{"version":2,"width":80,"height":24,"timestamp":0,"title":"x"}';
    expect(
      failure(() => parseCast(`${header}\n[1,"o","a"]\n[0.5,"o","b"]\n`, 'x.cast')).message,
    ).toBe("x.cast, line 3: time 0.5 is before the previous event's 1.");
    expect(failure(() => parseCast(`${header}\n[1,"z","a"]\n`, 'x.cast')).message).toMatch(
      /^x\.cast, line 2: "z" is not an event code/,
    );
    expect(failure(() => parseCast(`${header}\n[1,"o",`, 'x.cast')).message).toMatch(
      /^x\.cast, line 2: not JSON/,
    );
    expect(failure(() => parseCast('{"version":1}', 'x.cast')).message).toMatch(
      /line 1: the header/,
    );
    const bundle = JSON.stringify(
      {
        format: 'crosstalk/recording@1',
        session: {
          id: 'a',
          title: 'a',
          startedAt: '',
          endedAt: null,
          layout: { columns: 1, panes: [{ id: 'server', title: 's', width: 0, height: 24 }] },
          scenario: null,
        },
        casts: {},
        events: [],
      },
      null,
      1,
    );
    const line = bundle.split('\n').findIndex((l) => l.includes('"width": 0')) + 1;
    expect(failure(() => openRecording(bundle, 'b.json')).message).toMatch(
      new RegExp(`^b\\.json, line ${line}: session\\.layout\\.panes\\[0\\]\\.width: `),
    );
  });
});

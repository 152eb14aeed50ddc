import { describe, expect, it } from 'vitest';
import type { RecordingBundle } from '../../../../shared/recording';
import { buildTimeline, firstAfter, idleCompressor } from './timeline';

const bundle: RecordingBundle = {
  session: {
    format: 'crosstalk/recording@1',
    id: 'x',
    title: 'x',
    startedAt: '',
    endedAt: null,
    layout: { columns: 2, panes: [] },
    scenario: null,
  },
  panes: [
    {
      id: 'server',
      title: 'server',
      width: 80,
      height: 24,
      events: [
        [0.5, 'o', 'a'],
        [10, 'o', 'b'],
        [10, 'm', '3. Hold my word'],
      ],
    },
    {
      id: 'client',
      title: 'client',
      width: 80,
      height: 24,
      events: [
        [1, 'i', 'x'],
        [10, 'm', '3. Hold my word'],
        [11, 'm', 'client exited (code 0)'],
      ],
    },
  ],
  events: [
    { t: 0, kind: 'snapshot', subject: '', detail: '' },
    { t: 10, kind: 'step', subject: '3. Hold my word', detail: '' },
  ],
};

describe('replay timeline', () => {
  it('shortens idle gaps to the limit, and leaves them without one', () => {
    const at = idleCompressor([0.5, 10, 11], 2);
    expect([at(0.5), at(10), at(11)]).toEqual([0.5, 2.5, 3.5]);
    const same = idleCompressor([0.5, 10], null);
    expect(same(10)).toBe(10);
  });

  it('merges panes in time order and keeps each step once as a marker', () => {
    const tl = buildTimeline(bundle, 2);
    expect(tl.entries.map((e) => [e.t, e.pane, e.data])).toEqual([
      [0.5, 0, 'a'],
      [1, 1, 'x'],
      [3, 0, 'b'],
      [3, 0, '3. Hold my word'],
      [3, 1, '3. Hold my word'],
      [4, 1, 'client exited (code 0)'],
    ]);
    expect(tl.markers).toEqual([
      { t: 3, label: '3. Hold my word' },
      { t: 4, label: 'client exited (code 0)' },
    ]);
    expect(tl.duration).toBe(4);
    expect(tl.engine.map((e) => e.t)).toEqual([0, 3]);
  });

  it('finds the first entry after a time', () => {
    const tl = buildTimeline(bundle, null);
    expect(firstAfter(tl.entries, 0)).toBe(0);
    expect(firstAfter(tl.entries, 1)).toBe(2);
    expect(firstAfter(tl.entries, 10)).toBe(5);
    expect(firstAfter(tl.entries, 99)).toBe(6);
  });
});

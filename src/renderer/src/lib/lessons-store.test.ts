// The lessons store follows pull progress only while its panel is open: 100 openings and
// closings of the panel leave the transport's event hub exactly as they found it.
import { describe, expect, it } from 'vitest';
import { api } from './api';
import { LessonStore } from './lessons.svelte';
import { EventHub } from './transport/event-hub';
import { pullProgress } from '../../../../test/support/model-fixtures';

const progress = (fraction: number) => pullProgress(fraction);

describe('LessonStore', () => {
  it('subscribes while its panel is open and leaves no listener behind after 100 toggles', () => {
    const hub = new EventHub();
    const store = new LessonStore(api, hub);
    const before = hub.listenerCount;
    for (let i = 0; i < 100; i++) {
      const following = store.follow();
      expect(hub.listenerCount).toBe(before + 1);
      hub.emit('pullProgress', progress(i / 100));
      expect(store.pull).toEqual(progress(i / 100));
      following.dispose();
    }
    expect(hub.listenerCount).toBe(before);
    // Closed: progress no longer reaches the store.
    hub.emit('pullProgress', progress(1));
    expect(store.pull).toEqual(progress(0.99));
  });

  it('drops events the contract does not declare', () => {
    const hub = new EventHub();
    const seen: unknown[] = [];
    hub.on('snapshot', (s) => seen.push(s));
    hub.emit('snapshots', { typo: true });
    hub.emit(42, null);
    expect(seen).toEqual([]);
  });
});

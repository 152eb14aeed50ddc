// connectClient disposes everything it subscribed: after 100 connect/dispose cycles (each
// watching sockets and receiving events) the core holds exactly what it held before.
import Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { EventArgs } from '../../shared/events';
import { connectClient } from './client-connection';
import { Crosstalk } from './runtime';
import { pullProgress } from '../../../test/support/model-fixtures';

const PULLING = pullProgress(0.5, 'busybox');

/** A core whose engine is never started: the seam is what is measured, not the engine. */
function idleCore(): Crosstalk {
  return new Crosstalk({
    docker: new Dockerode({ socketPath: '/nonexistent/crosstalk-unit.sock' }),
    endpoint: 'unix:///nonexistent/crosstalk-unit.sock',
    source: 'default socket',
  });
}

function holdings(app: Crosstalk) {
  return {
    changeListeners: app.state.listenerCount('change'),
    clients: app.clientCount,
    socketSubscribers: app.sockets.subscriberCount,
    polling: app.sockets.polling,
    containerFollowers: app.state.followerCount,
  };
}

describe('connectClient', () => {
  it('leaves the core as it found it after 100 connect/dispose cycles', async () => {
    const app = idleCore();
    const before = holdings(app);
    for (let i = 0; i < 100; i++) {
      const received: EventArgs[] = [];
      const client = connectClient(app, {
        sendEvent: (...event) => received.push(event),
        consoleSink: () => () => undefined,
      });
      const outcome = await client.call('watchSockets', { ids: [`container-${i}`] });
      expect(outcome).toEqual({ ok: true, value: undefined });
      app.publish('pullProgress', PULLING);
      expect(received.map(([name]) => name)).toContain('pullProgress');
      expect(holdings(app).clients).toBe(before.clients + 1);
      client.dispose();
      client.dispose();
    }
    expect(holdings(app)).toEqual(before);
    app.stop();
  });

  it('sends events only to clients still connected', () => {
    const app = idleCore();
    const seen: string[] = [];
    const a = connectClient(app, {
      sendEvent: (name, _payload) => void seen.push(`a:${name}`),
      consoleSink: () => () => undefined,
    });
    const b = connectClient(app, {
      sendEvent: (name, _payload) => void seen.push(`b:${name}`),
      consoleSink: () => () => undefined,
    });
    a.dispose();
    app.publish('pullProgress', PULLING);
    expect(seen).toEqual(['b:pullProgress']);
    b.dispose();
  });
});

// The live picture's calls: a window says which containers it shows (and gets their sockets
// as events), and asks for the reachability matrix between them.
import { AppError } from '../../../shared/errors';
import type { ContainerView } from '../../../shared/model';
import type { Handlers } from '../dispatch';
import type { LiveState } from '../live-state';
import { probeReachability } from './reachability';
import { socketSourceOf } from './socket-source';

export type LiveCall = 'watchSockets' | 'probeReachability';

export function liveHandlers(state: LiveState): Pick<Handlers, LiveCall> {
  const source = socketSourceOf(state);
  return {
    watchSockets: async ({ ids }, ctx) => ctx.sockets.watch(ids),
    probeReachability: async ({ ids }) => {
      const sockets = source();
      if (!sockets.available) {
        const code = state.isConnected ? 'engine-error' : 'engine-unreachable';
        throw new AppError(
          code,
          sockets.reason,
          'Reachability needs an engine with Linux containers.',
        );
      }
      const running = new Map<string, ContainerView>();
      for (const id of ids) {
        const c = state.container(id);
        if (c?.state === 'running') running.set(c.id, c);
      }
      if (running.size < 2) {
        throw new AppError(
          'invalid-input',
          'Reachability needs at least two running containers.',
          'Start the server and the client, then probe again.',
        );
      }
      return probeReachability({
        docker: state.docker,
        containers: [...running.values()],
        networks: state.snapshot().networks,
        readSockets: sockets.read,
      });
    },
  };
}

// The contract's handlers: each call, implemented against one live engine.
import type { LiveState } from './live-state';
import type { Handlers } from './dispatch';
import type { EngineCall } from './engine-handlers';
import type { LessonCall } from './lesson-handlers';
import type { LiveCall } from './live-picture/handlers';
import type { PullCall } from './pull-handlers';
import type { ScenarioCall } from './scenarios/handlers';
import type { EngineViewCall } from './engine-view/one-engine-handlers';
import { AppError } from '../../shared/errors';
import {
  createContainer,
  removeContainer,
  restartContainer,
  startContainer,
  stopContainer,
} from './containers';
import { cleanupOwned, createNetwork, removeNetwork } from './networks';
import { connectNetwork, disconnectNetwork } from './network-attachments';

export function createHandlers(
  state: LiveState,
): Omit<Handlers, EngineCall | EngineViewCall | LessonCall | LiveCall | PullCall | ScenarioCall> {
  const docker = () => {
    if (!state.isConnected) {
      const status = state.status();
      throw new AppError(
        'engine-unreachable',
        status.error?.message ?? `The Docker engine at ${status.endpoint} is not connected.`,
        status.error?.hint ?? 'Start the engine; Crosstalk reconnects by itself.',
      );
    }
    return state.docker;
  };
  /** Runs an action on a container, then refreshes its view without waiting for the event. */
  const onContainer =
    (action: typeof startContainer) =>
    async ({ id }: { id: string }) => {
      await action(docker(), id);
      await state.refreshContainer(id);
    };

  return {
    snapshot: async () => state.snapshot(),
    reconnect: async () => state.reconnect(),
    createContainer: async (spec) => {
      const created = await createContainer(docker(), spec);
      await state.refreshContainer(created.id);
      return created;
    },
    startContainer: onContainer(startContainer),
    stopContainer: onContainer(stopContainer),
    restartContainer: onContainer(restartContainer),
    removeContainer: onContainer(removeContainer),
    // Refreshed at once: some engines (Podman) send no network events.
    createNetwork: async ({ name, labId }) => {
      const created = await createNetwork(docker(), name, labId);
      await state.refreshNetworks();
      return created;
    },
    removeNetwork: async ({ id }) => {
      await removeNetwork(docker(), id);
      await state.refreshNetworks();
    },
    connectNetwork: async (spec) => {
      await connectNetwork(docker(), spec);
      await Promise.all([state.refreshContainer(spec.container), state.refreshNetworks()]);
    },
    disconnectNetwork: async (spec) => {
      await disconnectNetwork(docker(), spec);
      await Promise.all([state.refreshContainer(spec.container), state.refreshNetworks()]);
    },
    cleanup: async ({ labId, only }) => cleanupOwned(docker(), labId, only),
    openConsole: async (args, ctx) => {
      docker();
      return ctx.consoles.open(args, ctx.consoleSink(args.consoleId));
    },
    closeConsole: async ({ consoleId }, ctx) => ctx.consoles.close(consoleId),
  };
}

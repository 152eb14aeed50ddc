// The engine-view calls for a client joined to one core alone (a test's connectClient): it
// shows that one engine and can add none. Windows answer these calls themselves (window.ts).
import { AppError } from '../../../shared/errors';
import type { ShownEngine } from '../../../shared/engine-view';
import type { Handlers } from '../dispatch';
import type { LiveState } from '../live-state';

export type EngineViewCall = 'engineView' | 'addEngine' | 'removeEngine';

/** The key of the engine the app was started on. */
export const PRIMARY_KEY = 'local';

export function shownEngine(
  state: LiveState,
  key: string,
  fallbackName: string,
  hostAddresses: string[] = [],
): ShownEngine {
  const status = state.status();
  return {
    key,
    name: status.info?.name || fallbackName,
    endpoint: status.endpoint,
    hostAddresses,
    primary: key === PRIMARY_KEY,
  };
}

export function oneEngineHandlers(state: LiveState): Pick<Handlers, EngineViewCall> {
  const refuse = async (): Promise<never> => {
    throw new AppError(
      'invalid-input',
      'This connection shows one engine and cannot add or remove others.',
      'Add engines from a Crosstalk window’s engine list.',
    );
  };
  return {
    engineView: async () => ({
      shown: [shownEngine(state, PRIMARY_KEY, 'this engine')],
      offers: [],
    }),
    addEngine: refuse,
    removeEngine: refuse,
  };
}

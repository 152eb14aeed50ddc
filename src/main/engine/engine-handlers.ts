// The engine switcher's calls (listEngines, useEngine). They belong to a client, not to a
// core: a client switches by leaving one core for another. A client connected to one core
// alone (tests, a fixed engine) gets these, which know only that core.
import type { EngineChoice } from '../../shared/engines';
import { AppError } from '../../shared/errors';
import type { Handlers } from './dispatch';
import type { Crosstalk } from './runtime';

export type EngineCall = 'listEngines' | 'useEngine';
export type EngineHandlers = Pick<Handlers, EngineCall>;

/** A core's engine as the switcher shows it, from what the core knows (no new probe). */
export function choiceOfCore(core: Crosstalk): EngineChoice {
  const status = core.state.status();
  const endpoint = core.state.target.endpointInfo;
  return {
    id: status.engineId ?? 'this',
    name: status.engineName ?? status.endpoint,
    endpoint: status.endpoint,
    detail: endpoint?.sourceDetail ?? `from ${status.source}`,
    tls: Boolean(endpoint?.tls),
    answers: status.connected,
    kind: status.info?.kind ?? null,
    product: status.info?.product ?? null,
    problem: status.error ? { message: status.error.message, hint: status.error.hint } : null,
  };
}

export function singleEngineHandlers(core: Crosstalk): EngineHandlers {
  return {
    listEngines: async () => {
      const only = choiceOfCore(core);
      return { current: only.id, engines: [only] };
    },
    useEngine: async ({ id }) => {
      const only = choiceOfCore(core);
      if (id === only.id) return only;
      throw new AppError(
        'not-found',
        `This Crosstalk serves one engine (${only.name}); it cannot switch to "${id}".`,
        'Start Crosstalk itself (npm start or npm run web), whose header lists every engine.',
      );
    },
  };
}

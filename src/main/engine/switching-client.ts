// A client (a window, a browser tab) that can switch engines live: it holds a lease on one
// core from the registry and a connection to it; `useEngine` leaves that core for another.
// The consoles open on the old engine close with a line saying why, then the client gets
// `engineSwitched` and the new engine's snapshot. Calls in flight finish on the old core.
import type { EngineChoice } from '../../shared/engines';
import { AppError } from '../../shared/errors';
import { connectClient, type ClientConnection, type ClientTransport } from './client-connection';
import { choiceOfCore, type EngineHandlers } from './engine-handlers';
import { EngineRegistry, type EngineLease } from './engine-registry';
import type { Crosstalk } from './runtime';

export function connectSwitchingClient(
  registry: EngineRegistry,
  transport: ClientTransport,
  firstId = registry.preferred,
): ClientConnection {
  let lease: EngineLease = registry.acquire(firstId);
  let switching: Promise<unknown> = Promise.resolve();
  let disposed = false;

  const nameOf = (id: string) => lease.core.state.status().engineName ?? id;

  async function use(id: string): Promise<EngineChoice> {
    const engine = registry.find(id);
    if (!engine.endpoint)
      throw new AppError(
        'invalid-input',
        `The engine ${engine.name} cannot be used: ${engine.problem}`,
        'Choose another engine, or repair this one as the message says.',
      );
    if (engine.id === lease.id || disposed) return choiceOfCore(lease.core);
    const next = registry.acquire(engine.id);
    await next.ready;
    // What the new core found when it connected: no second probe.
    const choice = choiceOfCore(next.core);
    if (disposed) {
      next.release();
      return choice;
    }
    const from = { id: lease.id, name: nameOf(lease.id) };
    const closedConsoles = await connection.close(
      `Crosstalk switched this window from ${from.name} to ${choice.name}; this console was on ${from.name}, so it is closed.`,
    );
    lease.release();
    lease = next;
    connection = connectClient(next.core, transport, handlers);
    registry.prefer(engine.id);
    transport.sendEvent('engineSwitched', { from, to: choice, closedConsoles });
    transport.sendEvent('snapshot', next.core.state.snapshot());
    return choice;
  }

  const handlers: EngineHandlers = {
    listEngines: async () => ({ current: lease.id, engines: await registry.list() }),
    // One switch at a time per client: a second waits for the first.
    useEngine: ({ id }) => {
      const run = switching.then(() => use(id));
      switching = run.catch(() => undefined);
      return run;
    },
  };
  let connection = connectClient(lease.core, transport, handlers);

  return {
    get core() {
      return connection.core;
    },
    get context() {
      return connection.context;
    },
    call: (name, args) => connection.call(name, args),
    deliver: (consoleId, msg) => connection.deliver(consoleId, msg),
    dispose() {
      if (disposed) return;
      disposed = true;
      connection.dispose();
      lease.release();
    },
    async close(reason) {
      if (disposed) return 0;
      disposed = true;
      const closed = await connection.close(reason);
      lease.release();
      return closed;
    },
  };
}

/** What a transport serves: the registry (windows switch engines) or one fixed core (tests). */
export type ClientSource = EngineRegistry | Crosstalk;

export function connectAnyClient(
  source: ClientSource,
  transport: ClientTransport,
): ClientConnection {
  return source instanceof EngineRegistry
    ? connectSwitchingClient(source, transport)
    : connectClient(source, transport);
}

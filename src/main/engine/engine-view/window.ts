// One window (or browser tab) showing several engines side by side: its own engine (the
// registry's switching client: the header's switcher changes it) and the engines added beside
// it, a client of each one's core. Calls are routed by the `engine` they name (checked against
// the engines shown), events sent tagged with the engine they come from, console streams routed
// to the engine that opened them. With one engine it behaves exactly as its one client.
import type { ConsoleToMain, ConsoleToRenderer } from '../../../shared/console-protocol';
import { calls, isCallName, type CallName } from '../../../shared/contract';
import type { EngineViewState, ShownEngine } from '../../../shared/engine-view';
import { AppError, toErrorShape } from '../../../shared/errors';
import { ACROSS_HOSTS, type LessonId } from '../../../shared/lessons';
import { engineKey } from '../../../shared/schemas';
import { connectClient, type ClientConnection } from '../client-connection';
import { dispatch, type CallOutcome, type Handlers } from '../dispatch';
import { singleEngineHandlers } from '../engine-handlers';
import type { SendEvent } from '../runtime';
import { connectAnyClient, type ClientSource } from '../switching-client';
import type { CorePool } from './core-pool';
import { PRIMARY_KEY, shownEngine } from './one-engine-handlers';

export interface WindowTransport {
  /** How events of one engine reach this window: tagged with its key on the wire. */
  eventsOf(engine: string): SendEvent;
  consoleSink(consoleId: string): (msg: ConsoleToRenderer) => void;
}

export interface WindowConnection {
  call(name: unknown, args: unknown): Promise<CallOutcome>;
  deliver(consoleId: string, msg: ConsoleToMain): void;
  dispose(): void;
  /** As dispose, but resolves once every console of the window is closed (shells hung up). */
  close(): Promise<void>;
  /** The keys of the engines shown, its own first. */
  readonly engines: string[];
}

const CR = 13;

const NEEDS_TWO =
  'Lesson 5 needs two engines on two hosts that reach each other. On one Linux machine start the lab (`sudo npm run lab -- two-hosts up`); its engines node1 and node2 then appear in the engine list.';

/** The calls a window answers itself (for lessons: lesson 5, on two engines). */
const WINDOW_CALLS = new Set<CallName>([
  'engineView',
  'addEngine',
  'removeEngine',
  'lessons',
  'startLesson',
  'resetLesson',
  'checkLessonStep',
  'lessonAction',
]);

/** Splits a call's `engine` off its arguments; refuses a malformed one. */
function splitEngine(args: unknown): { engine: string | null; rest: unknown } {
  if (!args || typeof args !== 'object' || Array.isArray(args) || !('engine' in args))
    return { engine: null, rest: args };
  const { engine, ...rest } = args as Record<string, unknown>;
  if (engine === undefined) return { engine: null, rest };
  const parsed = engineKey.safeParse(engine);
  if (!parsed.success)
    throw new AppError(
      'invalid-input',
      `engine: ${parsed.error.issues[0]?.message ?? 'not an engine id'}`,
      'Name one of the engines this window shows.',
    );
  return { engine: parsed.data, rest };
}

/** `{ engine }` alone, for a call that takes no arguments, is no arguments. */
function bare(name: CallName, rest: unknown): unknown {
  return rest &&
    typeof rest === 'object' &&
    Object.keys(rest).length === 0 &&
    calls[name].args.safeParse(undefined).success
    ? undefined
    : rest;
}

export function connectWindow(
  source: ClientSource,
  pool: CorePool,
  transport: WindowTransport,
): WindowConnection {
  const shown = new Map<string, ClientConnection>();
  /** Which engine each console of this window was opened on. */
  const consoles = new Map<string, string>();
  let disposed = false;
  let closing: Promise<void> | null = null;

  shown.set(
    PRIMARY_KEY,
    connectAnyClient(source, {
      sendEvent: (...event) => {
        transport.eventsOf(PRIMARY_KEY)(...event);
        // Switched from the header: the window's own engine, and so what it can add, changed.
        if (event[0] === 'engineSwitched') announce();
      },
      consoleSink: transport.consoleSink,
    }),
  );
  const own = () => shown.get(PRIMARY_KEY)!;
  const ownEndpoint = () => own().core.state.status().endpoint;

  const describe = (key: string, client: ClientConnection): ShownEngine => {
    const offer = key === PRIMARY_KEY ? undefined : pool.offer(key);
    const status = client.core.state.status();
    const engine = shownEngine(client.core.state, key, status.engineName ?? 'this engine');
    // An added engine goes by the name it was offered under (node1, a context's name).
    return offer
      ? { ...engine, name: offer.name, hostAddresses: offer.hostAddresses }
      : { ...engine, name: status.engineName ?? engine.name };
  };
  const viewState = (): EngineViewState => ({
    shown: [...shown].map(([key, client]) => describe(key, client)),
    offers: pool.offers(ownEndpoint()).filter((o) => !shown.has(o.key)),
  });
  const announce = () => transport.eventsOf(PRIMARY_KEY)('engineView', viewState());

  async function add(key: string): Promise<boolean> {
    if (shown.has(key)) return false;
    const core = await pool.acquire(key, ownEndpoint());
    if (disposed || shown.has(key)) {
      pool.release(key);
      return false;
    }
    shown.set(
      key,
      connectClient(core, {
        sendEvent: transport.eventsOf(key),
        consoleSink: transport.consoleSink,
      }),
    );
    announce();
    return true;
  }

  function remove(key: string): void {
    const client = shown.get(key);
    if (!client) return;
    if (key === PRIMARY_KEY)
      throw new AppError(
        'invalid-input',
        'The window’s own engine stays in it.',
        'Remove the engines you added; switch the window’s own engine from the header.',
      );
    shown.delete(key);
    for (const [id, on] of consoles) if (on === key) consoles.delete(id);
    client.dispose();
    pool.release(key);
    announce();
  }

  const hostOf = (key: string) => {
    const client = shown.get(key)!;
    return { docker: client.core.state.docker, name: describe(key, client).name, key };
  };
  /** Lesson 5's hosts when none are named: the lab's first two nodes, if it is up. */
  const labPair = (): [string, string] | null => {
    const [a, b] = pool.labHosts(ownEndpoint());
    return a && b ? [a, b] : null;
  };

  async function startAcrossHosts(image: string, hosts: [string, string] | undefined) {
    const pair = hosts ?? labPair();
    if (!pair) throw new AppError('invalid-input', 'The two-host lab is not up.', NEEDS_TWO);
    const [a, b] = pair;
    if (a === b)
      throw new AppError('invalid-input', 'Lesson 5 needs two different engines.', NEEDS_TWO);
    const added: string[] = [];
    try {
      for (const key of [a, b]) if (await add(key)) added.push(key);
      return await pool.acrossHosts.start(hostOf(a), hostOf(b), image);
    } catch (error) {
      // A lesson that could not start leaves the window as it was.
      for (const key of added) remove(key);
      throw error;
    }
  }

  const windowHandlers = (on: ClientConnection): Handlers => {
    const one = on.core.handlers;
    const across = (id: LessonId) => id === ACROSS_HOSTS;
    return {
      ...one,
      ...singleEngineHandlers(on.core),
      engineView: async () => viewState(),
      addEngine: async ({ key }) => {
        await add(key);
        return viewState();
      },
      removeEngine: async ({ key }) => {
        remove(key);
        return viewState();
      },
      lessons: async (args, ctx) => [
        ...(await one.lessons(args, ctx)),
        pool.acrossHosts.view(labPair() ? null : NEEDS_TWO),
      ],
      startLesson: (args, ctx) =>
        across(args.lessonId)
          ? startAcrossHosts(args.image, args.hosts)
          : one.startLesson(args, ctx),
      resetLesson: (args, ctx) =>
        across(args.lessonId) ? pool.acrossHosts.reset() : one.resetLesson(args, ctx),
      checkLessonStep: (args, ctx) =>
        across(args.lessonId)
          ? pool.acrossHosts.check(args.stepId)
          : one.checkLessonStep(args, ctx),
      lessonAction: (args, ctx) =>
        across(args.lessonId) ? pool.acrossHosts.act(args.actionId) : one.lessonAction(args, ctx),
    };
  };

  async function call(name: unknown, args: unknown): Promise<CallOutcome> {
    let key: string;
    let rest: unknown;
    try {
      const split = splitEngine(args);
      rest = split.rest;
      // A console's later calls go where it was opened.
      const opened =
        name === 'closeConsole' && rest && typeof rest === 'object' && 'consoleId' in rest
          ? consoles.get(String(rest.consoleId))
          : undefined;
      key = opened ?? split.engine ?? PRIMARY_KEY;
      if (!shown.has(key))
        throw new AppError(
          'invalid-input',
          `This window shows no engine "${key}".`,
          'Add it from the engine list in the header, or act on an engine the window shows.',
        );
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
    const on = shown.get(key)!;
    if (!isCallName(name)) return on.call(name, rest);
    rest = bare(name, rest);
    if (name === 'openConsole' && rest && typeof rest === 'object' && 'consoleId' in rest)
      consoles.set(String(rest.consoleId), key);
    return WINDOW_CALLS.has(name)
      ? dispatch(windowHandlers(on), name, rest, on.context)
      : on.call(name, rest);
  }

  return {
    call,
    deliver: (consoleId, msg) => {
      shown.get(consoles.get(consoleId) ?? PRIMARY_KEY)?.deliver(consoleId, msg);
      // Enter may open a connection to a container of any engine shown: each reads soon.
      if (msg.op === 'input' && msg.data.includes(CR))
        for (const client of shown.values()) client.core.sockets.soon();
    },
    get engines() {
      return [...shown.keys()];
    },
    dispose: () => void close(),
    close,
  };

  function close(): Promise<void> {
    return (closing ??= closeAll());
  }

  /** Closes every engine's consoles; an added engine's core is released once its are closed. */
  async function closeAll(): Promise<void> {
    disposed = true;
    const clients = [...shown];
    shown.clear();
    consoles.clear();
    await Promise.all(
      clients.map(async ([key, client]) => {
        await client.close();
        if (key !== PRIMARY_KEY) pool.release(key);
      }),
    );
  }
}

// One connected client (an Electron window or a browser tab) and everything it holds: its
// consoles, its sockets watch, its place among the clients that receive events. Both
// transports connect through this one function and differ only in how bytes travel.
import type { ConsoleToMain, ConsoleToRenderer } from '../../shared/console-protocol';
import { ConsoleSet } from './console-set';
import { dispatch, type CallOutcome, type ClientContext, type Handlers } from './dispatch';
import { singleEngineHandlers, type EngineHandlers } from './engine-handlers';
import type { Crosstalk, SendEvent } from './runtime';

/** What a transport provides for one client. */
export interface ClientTransport {
  /** Sends one event to this client; a transport whose client is gone drops it. */
  sendEvent: SendEvent;
  /** Where one console's messages (output bytes, input acks) go: a MessagePort, binary frames. */
  consoleSink(consoleId: string): (msg: ConsoleToRenderer) => void;
}

export interface ClientConnection {
  /** The core this client is connected to now. */
  readonly core: Crosstalk;
  /** Runs one call from this client through the contract. */
  call(name: unknown, args: unknown): Promise<CallOutcome>;
  /** Routes one console stream message (input, resize, ack) from this client. */
  deliver(consoleId: string, msg: ConsoleToMain): void;
  /** Closes the client's consoles and drops every subscription it made. Idempotent. */
  dispose(): void;
  /**
   * As dispose, but resolves (to how many consoles it closed) once every console is closed:
   * exec shells hung up, attaches detached. With `reason`, each console says it as its last line.
   */
  close(reason?: string): Promise<number>;
  readonly context: ClientContext;
}

/**
 * Connects a client to one core. `engines` answers the switcher's calls (the registry's
 * switching client passes its own); without it, the client has this one engine only.
 */
export function connectClient(
  app: Crosstalk,
  transport: ClientTransport,
  engines: EngineHandlers = singleEngineHandlers(app),
): ClientConnection {
  const { sendEvent } = transport;
  const handlers: Handlers = { ...app.handlers, ...engines };
  const consoles = new ConsoleSet(app.state);
  const context: ClientContext = {
    consoles,
    sockets: app.sockets.subscribe((event) => sendEvent('sockets', event)),
    consoleSink: (consoleId) => {
      const send = transport.consoleSink(consoleId);
      return {
        output: (data) => send({ op: 'output', data }),
        inputAcked: (bytes) => send({ op: 'inputAck', bytes }),
        status: (kind, message) => sendEvent('consoleStatus', { consoleId, kind, message }),
      };
    },
  };
  const leave = app.join(sendEvent);
  let disposed = false;
  const close = (reason?: string): Promise<number> => {
    if (disposed) return Promise.resolve(0);
    disposed = true;
    leave();
    context.sockets.dispose();
    return consoles.closeAll(reason);
  };
  return {
    core: app,
    context,
    call: (name, args) => dispatch(handlers, name, args, context),
    deliver: (consoleId, msg) => consoles.deliver(consoleId, msg),
    dispose: () => void close(),
    close,
  };
}

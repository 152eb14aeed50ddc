// One connected client (an Electron window or a browser tab) and everything it holds: its
// consoles, its sockets watch, its place among the clients that receive events. Both
// transports connect through this one function and differ only in how bytes travel.
import type { ConsoleToMain, ConsoleToRenderer } from '../../shared/console-protocol';
import { ConsoleSet } from './console-set';
import { dispatch, type CallOutcome, type ClientContext } from './dispatch';
import type { Crosstalk, SendEvent } from './runtime';

/** What a transport provides for one client. */
export interface ClientTransport {
  /** Sends one event to this client; a transport whose client is gone drops it. */
  sendEvent: SendEvent;
  /** Where one console's messages (output bytes, input acks) go: a MessagePort, binary frames. */
  consoleSink(consoleId: string): (msg: ConsoleToRenderer) => void;
}

export interface ClientConnection {
  /** Runs one call from this client through the contract. */
  call(name: unknown, args: unknown): Promise<CallOutcome>;
  /** Routes one console stream message (input, resize, ack) from this client. */
  deliver(consoleId: string, msg: ConsoleToMain): void;
  /** Closes the client's consoles and drops every subscription it made. Idempotent. */
  dispose(): void;
  readonly context: ClientContext;
}

export function connectClient(app: Crosstalk, transport: ClientTransport): ClientConnection {
  const { sendEvent } = transport;
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
  return {
    context,
    call: (name, args) => dispatch(app.handlers, name, args, context),
    deliver: (consoleId, msg) => consoles.deliver(consoleId, msg),
    dispose() {
      if (disposed) return;
      disposed = true;
      leave();
      context.sockets.dispose();
      void consoles.closeAll();
    },
  };
}

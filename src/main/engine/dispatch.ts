// The server half of the contract: validates a call's arguments against its
// declared schema, runs the handler, and turns any failure into the wire shape.
// Both transports (IPC and WebSocket) call this and nothing else.
import { z } from 'zod';
import {
  calls,
  isCallName,
  type CallName,
  type CallResult,
  type ParsedArgs,
} from '../../shared/contract';
import { AppError, toErrorShape, type AppErrorShape } from '../../shared/errors';
import type { ConsoleSink } from './console-session';
import type { ConsoleSet } from './console-set';
import type { SocketSubscription } from './live-picture/socket-watch';

/** What a handler knows about the client that called it. */
export interface ClientContext {
  consoles: ConsoleSet;
  /** Where a console's output goes for this client's transport. */
  consoleSink(consoleId: string): ConsoleSink;
  /** Which containers this client shows, for the live sockets it is sent. */
  sockets: SocketSubscription;
}

export type Handlers = {
  [N in CallName]: (args: ParsedArgs<N>, ctx: ClientContext) => Promise<CallResult<N>>;
};

export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: AppErrorShape };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawArgs: unknown,
  ctx: ClientContext,
): Promise<CallOutcome> {
  try {
    if (!isCallName(name)) {
      throw new AppError(
        'invalid-input',
        `Unknown call ${JSON.stringify(name)}.`,
        'Update Crosstalk: the window and the app disagree.',
      );
    }
    const parsed = calls[name].args.safeParse(rawArgs);
    if (!parsed.success) {
      throw new AppError(
        'invalid-input',
        describeIssues(parsed.error),
        'Correct the highlighted value and try again.',
      );
    }
    const handler = handlers[name] as (args: unknown, ctx: ClientContext) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}

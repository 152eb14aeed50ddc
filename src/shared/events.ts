// The events the main side sends to every connected renderer, declared once: the payload
// types and the list of names both come from this table. No zod here: the renderer imports
// this module at run time, and it never validates.
import type { PullProgress } from './engine-map';
import type { EngineSwitched } from './engines';
import type { SocketsEvent } from './live-picture';
import type { Snapshot } from './model';
import type { EngineViewState } from './engine-view';

export type ConsoleStatusKind = 'attached' | 'reattached' | 'detached' | 'ended' | 'error';
export interface ConsoleStatus {
  consoleId: string;
  kind: ConsoleStatusKind;
  message: string;
}

/** Type-only: the payload type, never read at run time. */
interface EventDecl<P> {
  payload?: P;
}
const event = <P>(): EventDecl<P> => ({});

const events = {
  /** The whole engine state, after every change. */
  snapshot: event<Snapshot>(),
  /** A console attached, reattached, detached or ended. */
  consoleStatus: event<ConsoleStatus>(),
  /** Live sockets of the containers this client watches, when they change. */
  sockets: event<SocketsEvent>(),
  /** A lesson's image pull, layer by layer. */
  pullProgress: event<PullProgress>(),
  /** This window now shows another engine (its `snapshot` follows). */
  engineSwitched: event<EngineSwitched>(),
  /** The engines the window shows changed (one added or removed). */
  engineView: event<EngineViewState>(),
};

export type Events = {
  [E in keyof typeof events]: (typeof events)[E] extends EventDecl<infer P> ? P : never;
};
export type EventName = keyof Events;
/** One event as arguments, `[name, payload]`: checking the name narrows the payload. */
export type EventArgs = { [E in EventName]: [name: E, payload: Events[E]] }[EventName];
export const eventNames = Object.keys(events) as EventName[];
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

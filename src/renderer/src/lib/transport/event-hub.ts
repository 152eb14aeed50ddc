// The renderer's end of the contract's events: typed subscriptions that can be undone. Both
// transports feed what arrives on the wire into one hub; stores subscribe by name and get
// the payload typed from the contract's `Events`, with no cast of their own.
import { isEventName, type EventName, type Events } from '../../../../shared/events';

/** Events with no engine tag come from the window's primary engine. */
export const PRIMARY_ENGINE = 'local';

export interface Disposable {
  dispose(): void;
}

/** `engine`: the key of the engine the event comes from (shared/engine-view.ts). */
export type EventListener<E extends EventName> = (payload: Events[E], engine: string) => void;

/** Where events can be subscribed to: a transport, or anything that forwards one. */
export interface EventSource {
  on<E extends EventName>(name: E, fn: EventListener<E>): Disposable;
}

export class EventHub implements EventSource {
  private readonly listeners = new Map<
    EventName,
    Set<(payload: unknown, engine: string) => void>
  >();

  on<E extends EventName>(name: E, fn: EventListener<E>): Disposable {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    // The one place a payload's type is asserted: the main side sends Events[name] under name.
    const listener = fn as (payload: unknown, engine: string) => void;
    set.add(listener);
    return { dispose: () => void set.delete(listener) };
  }

  /** One event as it came off the wire; names the contract does not declare are dropped. */
  emit(name: unknown, payload: unknown, engine: unknown = PRIMARY_ENGINE): void {
    if (!isEventName(name)) return;
    const from = typeof engine === 'string' ? engine : PRIMARY_ENGINE;
    for (const fn of [...(this.listeners.get(name) ?? [])]) fn(payload, from);
  }

  /** Listeners currently subscribed (for leak tests). */
  get listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

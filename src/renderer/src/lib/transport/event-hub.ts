// The renderer's end of the contract's events: typed subscriptions that can be undone. Both
// transports feed what arrives on the wire into one hub; stores subscribe by name and get
// the payload typed from the contract's `Events`, with no cast of their own.
import { isEventName, type EventName, type Events } from '../../../../shared/events';

export interface Disposable {
  dispose(): void;
}

export type EventListener<E extends EventName> = (payload: Events[E]) => void;

/** Where events can be subscribed to: a transport, or anything that forwards one. */
export interface EventSource {
  on<E extends EventName>(name: E, fn: EventListener<E>): Disposable;
}

export class EventHub implements EventSource {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  on<E extends EventName>(name: E, fn: EventListener<E>): Disposable {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    // The one place a payload's type is asserted: the main side sends Events[name] under name.
    const listener = fn as (payload: unknown) => void;
    set.add(listener);
    return { dispose: () => void set.delete(listener) };
  }

  /** One event as it came off the wire; names the contract does not declare are dropped. */
  emit(name: unknown, payload: unknown): void {
    if (!isEventName(name)) return;
    for (const fn of [...(this.listeners.get(name) ?? [])]) fn(payload);
  }

  /** Listeners currently subscribed (for leak tests). */
  get listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
